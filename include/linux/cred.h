/*
 * Credentials: who a task is (struct cred, as Linux's). A task points at
 * its credentials twice, as Linux: real_cred is who others see (signals,
 * /proc), cred who it acts as (files); here they are always the same.
 * A cred is shared, reference-counted and never changed in place: to
 * change identity, prepare_creds() makes a copy, the caller edits it and
 * commit_creds() installs it (abort_creds() throws it away).
 *
 * Clonix has no capabilities: "capable" is effective uid 0 for the set*id
 * calls and fsuid 0 for files, which is what Linux's capability sets
 * amount to for a process that did not ask for anything finer.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>

typedef u32 uid_t;
typedef u32 gid_t;

#define INVALID_UID ((uid_t)-1)
#define INVALID_GID ((gid_t)-1)
#define GLOBAL_ROOT_UID ((uid_t)0)
#define GLOBAL_ROOT_GID ((gid_t)0)
#define NGROUPS_MAX 65536
/* What a 16-bit id call reports for an id it cannot hold (Linux's
 * overflowuid / overflowgid): nobody. */
#define DEFAULT_OVERFLOWUID 65534
#define DEFAULT_OVERFLOWGID 65534

static inline bool uid_valid(uid_t uid)
{
	return uid != INVALID_UID;
}

static inline bool gid_valid(gid_t gid)
{
	return gid != INVALID_GID;
}

/* Supplementary groups, sorted, shared between creds that have the same. */
struct group_info {
	int usage;
	int ngroups;
	gid_t gid[];
};

struct cred {
	int usage;
	uid_t uid;		/* real: who started the process */
	gid_t gid;
	uid_t suid;		/* saved: what it may switch back to */
	gid_t sgid;
	uid_t euid;		/* effective: whose rights it uses */
	gid_t egid;
	uid_t fsuid;		/* for file access (follows euid) */
	gid_t fsgid;
	struct group_info *group_info;
};

struct task_struct;

extern struct cred init_cred;
extern struct group_info init_groups;

void cred_init(void);
struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void exit_creds(struct task_struct *p);
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

struct group_info *groups_alloc(int gidsetsize);
void groups_free(struct group_info *gi);
void groups_sort(struct group_info *gi);
int set_current_groups(struct group_info *gi);
bool groups_search(const struct group_info *gi, gid_t gid);
bool in_group_p(gid_t gid);
bool in_egroup_p(gid_t gid);

static inline struct group_info *get_group_info(struct group_info *gi)
{
	__atomic_fetch_add(&gi->usage, 1, __ATOMIC_RELAXED);
	return gi;
}

static inline void put_group_info(struct group_info *gi)
{
	if (!__atomic_sub_fetch(&gi->usage, 1, __ATOMIC_ACQ_REL))
		groups_free(gi);
}

static inline const struct cred *get_cred(const struct cred *cred)
{
	__atomic_fetch_add(&((struct cred *)cred)->usage, 1,
			   __ATOMIC_RELAXED);
	return cred;
}

void __put_cred(struct cred *cred);

static inline void put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (!__atomic_sub_fetch(&c->usage, 1, __ATOMIC_ACQ_REL))
		__put_cred(c);
}

#define current_cred() (current->cred)
#define current_uid() (current_cred()->uid)
#define current_gid() (current_cred()->gid)
#define current_euid() (current_cred()->euid)
#define current_egid() (current_cred()->egid)
#define current_fsuid() (current_cred()->fsuid)
#define current_fsgid() (current_cred()->fsgid)

/* The privileges Linux gives root through capabilities: CAP_SETUID and
 * CAP_SETGID with euid 0; CAP_DAC_OVERRIDE, CAP_FOWNER, CAP_CHOWN with
 * fsuid 0. */
#define capable_setid() (current_euid() == GLOBAL_ROOT_UID)
#define capable_fs() (current_fsuid() == GLOBAL_ROOT_UID)

#endif
