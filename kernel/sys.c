/* Small system calls about the process and the machine: ids, limits,
 * uname, sysinfo, reboot, prctl's task name. */
#include <asm/elf.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/utsname.h>

/* The task's name, zero-padded so no old name shows through. */
void set_task_comm(struct task_struct *tsk, const char *name)
{
	memset(tsk->comm, 0, sizeof(tsk->comm));
	strscpy(tsk->comm, name, sizeof(tsk->comm));
}

/*
 * prctl(2): the options Clonix has are PR_SET_NAME and PR_GET_NAME, the
 * thread's 16-byte comm (what ps and /proc/<pid>/status show as its name;
 * BusyBox names an applet it runs without exec this way). A longer name
 * is cut to 15 bytes. Any other option is -EINVAL, as Linux answers an
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
		if (strncpy_from_user(comm, (const char *)arg2,
				      sizeof(comm) - 1) < 0)
			return -EFAULT;
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		memcpy(comm, current->comm, sizeof(comm));
		return copy_to_user((char *)arg2, comm, sizeof(comm)) ?
			-EFAULT : 0;
	default:
		return -EINVAL;
	}
}

/* Process identity. Clonix has one user, root (uid 0). */
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

SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE1(set_tid_address, int *, tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

/* Robust futex lists are only read by futex code, which Clonix lacks;
 * accepting the registration is what Linux without futex users does. */
SYSCALL_DEFINE2(set_robust_list, void *, head, size_t, len)
{
	(void)head;
	return len == 3 * sizeof(long) ? 0 : -EINVAL;
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	(void)mask;
	return 022;
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

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit *, rlim)
{
	struct rlimit value;
	long ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit *, rlim)
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
		const struct rlimit64 *, new_rlim, struct rlimit64 *, old_rlim)
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

SYSCALL_DEFINE1(newuname, struct new_utsname *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strscpy(u.sysname, "Linux", sizeof(u.sysname));	/* glibc checks */
	strscpy(u.nodename, "clonix", sizeof(u.nodename));
	strscpy(u.release, "6.1.0-clonix", sizeof(u.release));
	strscpy(u.version, "#1 Clonix " UTS_MACHINE, sizeof(u.version));
	strscpy(u.machine, UTS_MACHINE, sizeof(u.machine));
	strscpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

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
SYSCALL_DEFINE1(sysinfo, struct sysinfo *, info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	si.uptime = jiffies / HZ;
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

/* reboot(2): MenuOS's `quit` powers the machine off this way. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void *, arg)
{
	(void)magic2;
	(void)arg;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1)
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
