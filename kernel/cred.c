/*
 * Task credentials (include/linux/cred.h): the boot identity init_cred
 * (root, no supplementary groups), the copy a fork gives the child
 * (copy_creds), and the prepare / commit / abort steps every identity
 * change goes through, so a cred others may be looking at never changes
 * under them. The last put of a cred frees it and its group list.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <uapi/linux/signal.h>

static struct kmem_cache *cred_jar;

struct group_info init_groups = { .usage = 2, .ngroups = 0 };

/* init_task's; every task's credentials descend from these. Its count
 * never reaches 0: init_task holds it for good. */
struct cred init_cred = {
	.usage = 4,
	.uid = GLOBAL_ROOT_UID,
	.gid = GLOBAL_ROOT_GID,
	.suid = GLOBAL_ROOT_UID,
	.sgid = GLOBAL_ROOT_GID,
	.euid = GLOBAL_ROOT_UID,
	.egid = GLOBAL_ROOT_GID,
	.fsuid = GLOBAL_ROOT_UID,
	.fsgid = GLOBAL_ROOT_GID,
	.group_info = &init_groups,
};

void cred_init(void)
{
	cred_jar = kmem_cache_create("cred_jar", sizeof(struct cred), 8);
	if (!cred_jar)
		panic("cred_init: out of memory");
}

/* The last reference to a cred is gone. */
void __put_cred(struct cred *cred)
{
	BUG_ON(cred == &init_cred);
	put_group_info(cred->group_info);
	kmem_cache_free(cred_jar, cred);
}

/* A private copy of current's credentials to edit, or NULL (no memory). */
struct cred *prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmem_cache_alloc(cred_jar, GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	new->usage = 1;
	get_group_info(new->group_info);
	return new;
}

/* Make new (from prepare_creds) current's identity; the old one goes. */
int commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->real_cred;

	get_cred(new);		/* one for real_cred, one for cred */
	task->real_cred = new;
	task->cred = new;
	put_cred(old);		/* real_cred's */
	put_cred(old);		/* cred's */
	return 0;
}

/* Throw away a prepared cred that was not committed. */
void abort_creds(struct cred *new)
{
	put_cred(new);
}

/*
 * Act as new for a moment (access(2) checks with the real ids so);
 * returns the credentials to give back to revert_creds(). The caller
 * keeps new alive until then.
 */
const struct cred *override_creds(const struct cred *new)
{
	const struct cred *old = current->cred;

	current->cred = new;
	return old;
}

void revert_creds(const struct cred *old)
{
	current->cred = old;
}

/*
 * fork: the child gets its own copy of the parent's credentials; a
 * thread (CLONE_THREAD) shares them, as Linux. dup_task_struct copied the
 * parent's pointers without references, so both are set here; on failure
 * the child has none, and exit_creds has nothing to drop.
 */
int copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	struct cred *new;

	p->real_cred = p->cred = NULL;
	if (clone_flags & CLONE_THREAD) {
		p->real_cred = get_cred(current->cred);
		p->cred = get_cred(current->cred);
		return 0;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	p->real_cred = get_cred(new);
	p->cred = new;
	return 0;
}

/* A task is freed: drop its two references. */
void exit_creds(struct task_struct *p)
{
	if (p->real_cred)
		put_cred(p->real_cred);
	if (p->cred)
		put_cred(p->cred);
	p->real_cred = p->cred = NULL;
}
