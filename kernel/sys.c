/* Small system calls about the process and the machine: ids (pids, and
 * the user and group ids with Linux's rules for changing them), umask,
 * limits, uname, sysinfo, reboot, prctl's task name. */
#include <asm/elf.h>
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <uapi/linux/prctl.h>

/* The task's name, zero-padded so no old name shows through. */
void set_task_comm(struct task_struct *tsk, const char *name)
{
	memset(tsk->comm, 0, sizeof(tsk->comm));
	strscpy(tsk->comm, name, sizeof(tsk->comm));
}

/*
 * prctl(2): the options Clonix has are PR_SET_NAME and PR_GET_NAME, the
 * thread's 16-byte comm (what ps and /proc/<pid>/status show as its name;
 * BusyBox names an applet it runs without exec this way), a longer name
 * cut to 15 bytes; and PR_SET/GET_CHILD_SUBREAPER (kernel/exit.c's
 * find_new_reaper: a test harness reaps what its children orphan). Any
 * other option is -EINVAL, as Linux answers an
 * option it does not know.
 */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	(void)arg3;
	(void)arg4;
	(void)arg5;
	switch (option) {
	case PR_SET_NAME:
		comm[sizeof(comm) - 1] = 0;
		if (strncpy_from_user(comm, (const char __user *)arg2,
				      sizeof(comm) - 1) < 0)
			return -EFAULT;
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		memcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ?
			-EFAULT : 0;
	case PR_SET_CHILD_SUBREAPER:
		WRITE_ONCE(current->signal->is_child_subreaper, arg2 != 0);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)READ_ONCE(current->signal->is_child_subreaper),
				(int __user *)arg2);
	default:
		return -EINVAL;
	}
}

/* Process identity: the pids. */
SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->group_leader->real_parent->tgid;
}

/*
 * Process groups and sessions (Linux's names: kernel/sys.c). A process
 * group is the set of processes whose signal->pgrp is the same pid, the
 * pid of the process that made it; a session the set with the same
 * signal->session, made by setsid(). Kernel threads and pid 1 start in
 * group 0 and session 0 (init_signals), as in Linux, until pid 1 calls
 * setsid(). Every change is made under tasklist_lock, which also keeps
 * the task list still while we look for a group's members.
 */

/* Some process (a zombie counts, as its pid is not free yet) in process
 * group pgrp, or NULL; tasklist_lock held. Linux's pid_task(PIDTYPE_PGID). */
struct task_struct *find_pgrp_member(pid_t pgrp)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->group_leader == p && !(p->flags & PF_KTHREAD) &&
		    p->signal && task_pgrp_nr(p) == pgrp)
			return p;
	return NULL;
}

/*
 * setpgid(2): put process pid (0: ourselves) into group pgid (0: its own
 * pid). Only ourselves or a child of ours that has not called execve
 * (EACCES) and is in our session (EPERM); never a session leader (EPERM);
 * and pgid must be the pid itself or a group of our session (EPERM).
 */
SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *group_leader = current->group_leader, *p, *g;
	pid_t old;
	int err;

	if (!pid)
		pid = group_leader->pid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	err = -ESRCH;
	p = find_task_by_pid(pid);
	if (!p || (p->flags & PF_KTHREAD))
		goto out;
	err = -EINVAL;
	if (p->group_leader != p)	/* a thread, not a process */
		goto out;
	if (p->real_parent->tgid == group_leader->tgid) {	/* our child */
		err = -EPERM;
		if (task_session_nr(p) != task_session_nr(group_leader))
			goto out;
		err = -EACCES;
		if (!(p->flags & PF_FORKNOEXEC))
			goto out;
	} else {
		err = -ESRCH;
		if (p != group_leader)
			goto out;
	}
	err = -EPERM;
	if (p->signal->leader)
		goto out;
	if (pgid != pid) {
		g = find_pgrp_member(pgid);
		if (!g || task_session_nr(g) != task_session_nr(group_leader))
			goto out;
	}
	old = task_pgrp_nr(p);		/* the group p leaves */
	p->signal->pgrp = pgid;
	put_pid_nr(old);		/* its id, if nobody is left there */
	err = 0;
out:
	spin_unlock_irq(&tasklist_lock);
	return err;
}

/* getpgid(2) and getsid(2): of process pid, or ours for 0. */
static pid_t do_getpgid(pid_t pid, bool session)
{
	struct task_struct *p;
	pid_t ret = -ESRCH;

	if (!pid)
		return session ? task_session_nr(current) :
				 task_pgrp_nr(current);
	spin_lock_irq(&tasklist_lock);
	p = find_task_by_pid(pid);
	if (p && p->signal && !(p->flags & PF_KTHREAD))
		ret = session ? task_session_nr(p) : task_pgrp_nr(p);
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return do_getpgid(pid, false);
}

/* i386's old call; glibc on RISC-V asks getpgid(0). */
SYSCALL_DEFINE0(getpgrp)
{
	return do_getpgid(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return do_getpgid(pid, true);
}

/*
 * setsid(2): a new session and a new process group, both named by our
 * pid, with us as the session leader and no controlling terminal. EPERM
 * if we lead a session already or a process group has our pid as its id
 * (we lead a group: a shell's job), as Linux.
 */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *group_leader = current->group_leader;
	pid_t sid = group_leader->pid, pgrp, session;
	long err = -EPERM;

	spin_lock_irq(&tasklist_lock);
	if (group_leader->signal->leader || find_pgrp_member(sid))
		goto out;
	pgrp = task_pgrp_nr(group_leader);
	session = task_session_nr(group_leader);
	group_leader->signal->leader = true;
	group_leader->signal->pgrp = sid;
	group_leader->signal->session = sid;
	put_pid_nr(pgrp);	/* the ids we leave, if nobody is left */
	put_pid_nr(session);
	err = sid;
out:
	spin_unlock_irq(&tasklist_lock);
	if (err > 0)
		proc_clear_tty(group_leader);	/* the old session's tty */
	return err;
}


SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

SYSCALL_DEFINE0(sched_yield)
{
	schedule();	/* Linux's do_sched_yield: to the back of the queue */
	return 0;
}

/* umask(2): set the bits new files do not get; returns the old mask.
 * It lives in fs_struct, so CLONE_FS tasks share it, as Linux. */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & S_IRWXUGO;
	spin_unlock(&fs->lock);
	return old;
}

/*
 * User and group ids. Each call edits a copy of the credentials
 * (prepare_creds) and installs it (commit_creds), or leaves them as they
 * were on an error. Root (effective uid 0; Linux's CAP_SETUID and
 * CAP_SETGID) may set any id; anyone else may only move ids among the
 * real, effective and saved ones it already has. The filesystem id
 * follows the effective one. (uid_t)-1 is never an id: "unchanged" for
 * the calls that take several, EINVAL for setuid/setgid.
 */
SYSCALL_DEFINE0(getuid)
{
	return current_uid();
}

SYSCALL_DEFINE0(geteuid)
{
	return current_euid();
}

SYSCALL_DEFINE0(getgid)
{
	return current_gid();
}

SYSCALL_DEFINE0(getegid)
{
	return current_egid();
}

long __sys_setuid(uid_t uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!uid_valid(uid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_setid()) {
		new->uid = new->suid = uid;
	} else if (uid != old->uid && uid != old->suid) {
		abort_creds(new);
		return -EPERM;
	}
	new->euid = new->fsuid = uid;
	return commit_creds(new);
}

SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	return __sys_setuid(uid);
}

long __sys_setgid(gid_t gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!gid_valid(gid))
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable_setid()) {
		new->gid = new->sgid = gid;
	} else if (gid != old->gid && gid != old->sgid) {
		abort_creds(new);
		return -EPERM;
	}
	new->egid = new->fsgid = gid;
	return commit_creds(new);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	return __sys_setgid(gid);
}

/*
 * setreuid: the real id may become the effective one, the effective id
 * any of real, effective, saved. If the real id is set, or the effective
 * one to something other than the old real id, the saved id becomes the
 * new effective id (so a dropped id cannot be taken back).
 */
long __sys_setreuid(uid_t ruid, uid_t euid)
{
	const struct cred *old = current_cred();
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID) {
		new->uid = ruid;
		if (old->uid != ruid && old->euid != ruid && !capable_setid())
			goto error;
	}
	if (euid != INVALID_UID) {
		new->euid = euid;
		if (old->uid != euid && old->euid != euid &&
		    old->suid != euid && !capable_setid())
			goto error;
	}
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	return __sys_setreuid(ruid, euid);
}

long __sys_setregid(gid_t rgid, gid_t egid)
{
	const struct cred *old = current_cred();
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID) {
		new->gid = rgid;
		if (old->gid != rgid && old->egid != rgid && !capable_setid())
			goto error;
	}
	if (egid != INVALID_GID) {
		new->egid = egid;
		if (old->gid != egid && old->egid != egid &&
		    old->sgid != egid && !capable_setid())
			goto error;
	}
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);
error:
	abort_creds(new);
	return -EPERM;
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	return __sys_setregid(rgid, egid);
}

/* May id become one of an unprivileged task's three ids? */
static bool id_among(u32 id, u32 a, u32 b, u32 c)
{
	return id == (u32)-1 || id == a || id == b || id == c;
}

long __sys_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable_setid() &&
	    (!id_among(ruid, old->uid, old->euid, old->suid) ||
	     !id_among(euid, old->uid, old->euid, old->suid) ||
	     !id_among(suid, old->uid, old->euid, old->suid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	if (suid != INVALID_UID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return __sys_setresuid(ruid, euid, suid);
}

long __sys_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable_setid() &&
	    (!id_among(rgid, old->gid, old->egid, old->sgid) ||
	     !id_among(egid, old->gid, old->egid, old->sgid) ||
	     !id_among(sgid, old->gid, old->egid, old->sgid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (sgid != INVALID_GID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return __sys_setresgid(rgid, egid, sgid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->uid, ruidp) || put_user(cred->euid, euidp) ||
	    put_user(cred->suid, suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->gid, rgidp) || put_user(cred->egid, egidp) ||
	    put_user(cred->sgid, sgidp))
		return -EFAULT;
	return 0;
}

/*
 * setfsuid: returns the old fsuid whatever happens (so callers check by
 * calling again); sets it to one of real, effective, saved, the current
 * fsuid, or anything for root. An invalid or refused id changes nothing.
 */
long __sys_setfsuid(uid_t uid)
{
	const struct cred *old = current_cred();
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (!uid_valid(uid))
		return old_fsuid;
	if (uid != old->uid && uid != old->euid && uid != old->suid &&
	    uid != old->fsuid && !capable_setid())
		return old_fsuid;
	if (uid == old_fsuid)
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	new->fsuid = uid;
	commit_creds(new);
	return old_fsuid;
}

SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	return __sys_setfsuid(uid);
}

long __sys_setfsgid(gid_t gid)
{
	const struct cred *old = current_cred();
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (!gid_valid(gid))
		return old_fsgid;
	if (gid != old->gid && gid != old->egid && gid != old->sgid &&
	    gid != old->fsgid && !capable_setid())
		return old_fsgid;
	if (gid == old_fsgid)
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	new->fsgid = gid;
	commit_creds(new);
	return old_fsgid;
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	return __sys_setfsgid(gid);
}

/* Read and/or set resource limit `resource` of p (Linux's do_prlimit):
 * the system calls below only copy the limits in and out, each in its
 * own layout. No descriptor table may grow beyond sysctl_nr_open, so
 * neither may RLIMIT_NOFILE. */
static long do_prlimit(struct task_struct *p, unsigned int resource,
		       const struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE &&
		    new_rlim->rlim_max > sysctl_nr_open)
			return -EPERM;
	}
	rlim = &p->signal->rlim[resource];
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	long ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource,
		const struct rlimit __user *, rlim)
{
	struct rlimit new;

	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

/* A 64-bit limit too big for an unsigned long is infinite, and back. */
static void rlim64_to_rlim(const struct rlimit64 *rlim64, struct rlimit *rlim)
{
	rlim->rlim_cur = rlim64->rlim_cur >= RLIM_INFINITY ? RLIM_INFINITY :
							     rlim64->rlim_cur;
	rlim->rlim_max = rlim64->rlim_max >= RLIM_INFINITY ? RLIM_INFINITY :
							     rlim64->rlim_max;
}

static void rlim_to_rlim64(const struct rlimit *rlim, struct rlimit64 *rlim64)
{
	rlim64->rlim_cur = rlim->rlim_cur == RLIM_INFINITY ? RLIM64_INFINITY :
							     rlim->rlim_cur;
	rlim64->rlim_max = rlim->rlim_max == RLIM_INFINITY ? RLIM64_INFINITY :
							     rlim->rlim_max;
}

/* Read and/or set a resource limit of process pid (0: ourselves), in the
 * 64-bit layout every architecture shares. */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	long ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		rlim64_to_rlim(&new64, &new);
	}
	if (!p)
		return -ESRCH;
	ret = do_prlimit(p, resource, new_rlim ? &new : NULL,
			 old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		rlim_to_rlim64(&old, &old64);
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, UTS_SYSNAME, sizeof(u.sysname));	/* glibc checks */
	strscpy(u.nodename, UTS_NODENAME, sizeof(u.nodename));
	strscpy(u.release, UTS_RELEASE, sizeof(u.release));
	strscpy(u.version, UTS_VERSION, sizeof(u.version));
	strscpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

#define SI_LOAD_SHIFT 16

struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

/* Memory figures in pages (mem_unit = PAGE_SIZE): tests read freeram to
 * check that fork/exit/wait give back every page. */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	si.uptime = jiffies / HZ;
	/* The load averages, in sysinfo's fixed point (16 fraction bits). */
	si.loads[0] = avenrun[0] << (SI_LOAD_SHIFT - FSHIFT);
	si.loads[1] = avenrun[1] << (SI_LOAD_SHIFT - FSHIFT);
	si.loads[2] = avenrun[2] << (SI_LOAD_SHIFT - FSHIFT);
	si.totalram = totalram_pages;
	si.freeram = nr_free_pages();
	si.procs = nr_threads;
	si.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321FEDC
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xCDEF0123

#define LINUX_REBOOT_MAGIC2 672274793
#define LINUX_REBOOT_MAGIC2A 85072278
#define LINUX_REBOOT_MAGIC2B 369367448
#define LINUX_REBOOT_MAGIC2C 537993216

/* reboot(2): MenuOS's `quit` powers the machine off this way. Only root
 * may (Linux: CAP_SYS_BOOT, checked before anything else, so a user learns
 * nothing from the magic numbers: EPERM); then both magics must match. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	(void)arg;
	if (current_euid() != GLOBAL_ROOT_UID)
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:	/* no reboot: QEMU runs -no-reboot */
		kernel_power_off();
	default:
		return -EINVAL;
	}
}
