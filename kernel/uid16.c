/*
 * The user and group id calls with 16-bit ids that i386 kept from Linux
 * 1.x (getuid = 24, chown = 182, ...; the *32 calls are the ordinary
 * ones). An id too big for 16 bits is reported as 65534 (overflowuid);
 * 0xffff coming in means -1 ("unchanged"). Built only where HAVE_UID16.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/syscalls.h>

typedef u16 old_uid_t;
typedef u16 old_gid_t;

static uid_t low2highuid(old_uid_t uid)
{
	return uid == (old_uid_t)-1 ? INVALID_UID : uid;
}

static gid_t low2highgid(old_gid_t gid)
{
	return gid == (old_gid_t)-1 ? INVALID_GID : gid;
}

static old_uid_t high2lowuid(uid_t uid)
{
	return uid & ~0xffffU ? DEFAULT_OVERFLOWUID : uid;
}

static old_gid_t high2lowgid(gid_t gid)
{
	return gid & ~0xffffU ? DEFAULT_OVERFLOWGID : gid;
}

SYSCALL_DEFINE3(chown16, const char __user *, filename, old_uid_t, user,
		old_gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, low2highuid(user),
			   low2highgid(group), 0);
}

SYSCALL_DEFINE3(lchown16, const char __user *, filename, old_uid_t, user,
		old_gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, low2highuid(user),
			   low2highgid(group), AT_SYMLINK_NOFOLLOW);
}

SYSCALL_DEFINE3(fchown16, unsigned int, fd, old_uid_t, user, old_gid_t, group)
{
	return ksys_fchown(fd, low2highuid(user), low2highgid(group));
}

SYSCALL_DEFINE2(setregid16, old_gid_t, rgid, old_gid_t, egid)
{
	return __sys_setregid(low2highgid(rgid), low2highgid(egid));
}

SYSCALL_DEFINE1(setgid16, old_gid_t, gid)
{
	return __sys_setgid(low2highgid(gid));
}

SYSCALL_DEFINE2(setreuid16, old_uid_t, ruid, old_uid_t, euid)
{
	return __sys_setreuid(low2highuid(ruid), low2highuid(euid));
}

SYSCALL_DEFINE1(setuid16, old_uid_t, uid)
{
	return __sys_setuid(low2highuid(uid));
}

SYSCALL_DEFINE3(setresuid16, old_uid_t, ruid, old_uid_t, euid,
		old_uid_t, suid)
{
	return __sys_setresuid(low2highuid(ruid), low2highuid(euid),
			       low2highuid(suid));
}

SYSCALL_DEFINE3(getresuid16, old_uid_t __user *, ruidp,
		old_uid_t __user *, euidp,
		old_uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	if (put_user(high2lowuid(cred->uid), ruidp) ||
	    put_user(high2lowuid(cred->euid), euidp) ||
	    put_user(high2lowuid(cred->suid), suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(setresgid16, old_gid_t, rgid, old_gid_t, egid,
		old_gid_t, sgid)
{
	return __sys_setresgid(low2highgid(rgid), low2highgid(egid),
			       low2highgid(sgid));
}

SYSCALL_DEFINE3(getresgid16, old_gid_t __user *, rgidp,
		old_gid_t __user *, egidp,
		old_gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	if (put_user(high2lowgid(cred->gid), rgidp) ||
	    put_user(high2lowgid(cred->egid), egidp) ||
	    put_user(high2lowgid(cred->sgid), sgidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(setfsuid16, old_uid_t, uid)
{
	return __sys_setfsuid(low2highuid(uid));
}

SYSCALL_DEFINE1(setfsgid16, old_gid_t, gid)
{
	return __sys_setfsgid(low2highgid(gid));
}

SYSCALL_DEFINE2(getgroups16, int, gidsetsize, old_gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;
	int i, n = gi->ngroups;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return n;
	if (gidsetsize < n)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (put_user(high2lowgid(gi->gid[i]), grouplist + i))
			return -EFAULT;
	return n;
}

SYSCALL_DEFINE2(setgroups16, int, gidsetsize, old_gid_t __user *, grouplist)
{
	struct group_info *gi;
	long ret;
	int i;

	if (!capable_setid())
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	for (i = 0; i < gidsetsize; i++) {
		old_gid_t g;

		if (get_user(g, grouplist + i)) {
			put_group_info(gi);
			return -EFAULT;
		}
		gi->gid[i] = low2highgid(g);
	}
	groups_sort(gi);
	ret = set_current_groups(gi);
	put_group_info(gi);
	return ret;
}

SYSCALL_DEFINE0(getuid16)
{
	return high2lowuid(current_uid());
}

SYSCALL_DEFINE0(geteuid16)
{
	return high2lowuid(current_euid());
}

SYSCALL_DEFINE0(getgid16)
{
	return high2lowgid(current_gid());
}

SYSCALL_DEFINE0(getegid16)
{
	return high2lowgid(current_egid());
}
