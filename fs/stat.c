/*
 * fstat, newfstatat, statx, readlinkat, getdents64, getcwd: what user
 * space may learn about files. vfs_fstat/vfs_fstatat fill a struct kstat;
 * each stat call copies it out in its layout: struct stat is the
 * architecture's (asm/stat.h; i386 adds stat64 in arch/x86), struct statx
 * and linux_dirent64 are the same everywhere.
 */
#include <asm/page.h>
#include <asm/stat.h>
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask;
	u32 stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink;
	u32 stx_uid;
	u32 stx_gid;
	u16 stx_mode;
	u16 __spare0;
	u64 stx_ino;
	u64 stx_size;
	u64 stx_blocks;
	u64 stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor;
	u32 stx_dev_major, stx_dev_minor;
	u64 __spare2[14];
};

#define STATX_BASIC_STATS 0x7ffU

/* The inode an *at() call names: a path, or the fd itself (AT_EMPTY_PATH). */
struct inode *at_inode(int dfd, const char __user *filename, int flags,
		long *err)
{
	struct inode *dir, *inode = NULL;
	char *name = getname(filename);

	if (IS_ERR(name)) {
		*err = PTR_ERR(name);
		return NULL;
	}
	dir = dirfd_inode(dfd, err);
	if (!name[0] && (flags & AT_EMPTY_PATH) && dfd != AT_FDCWD) {
		struct file *f = fget(dfd);

		inode = f ? f->f_inode : NULL;
		if (f)
			fput(f);
		*err = -EBADF;
	} else if (dir) {
		inode = path_lookup(dir, name, !(flags & AT_SYMLINK_NOFOLLOW),
				    err);
	}
	putname(name);
	return inode;
}

/* The attributes of an inode, as every stat flavour reports them. */
static void generic_fillattr(const struct inode *inode, struct kstat *stat)
{
	memset(stat, 0, sizeof(*stat));
	stat->dev = 1;
	stat->ino = inode->i_ino;
	stat->mode = inode->i_mode;
	stat->nlink = inode->i_nlink;
	stat->rdev = inode->i_rdev;
	stat->size = inode->i_size;
	stat->blksize = 4096;
	/* Blocks of 512 bytes really used: a sparse file's holes take none. */
	stat->blocks = inode->i_data.nrpages << (PAGE_SHIFT - 9);
	stat->uid = inode->i_uid;
	stat->gid = inode->i_gid;
	stat->atime = inode->i_atime;
	stat->mtime = inode->i_mtime;
	stat->ctime = inode->i_ctime;
}

int vfs_fstat(unsigned int fd, struct kstat *stat)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	generic_fillattr(f->f_inode, stat);
	fput(f);
	return 0;
}

int vfs_fstatat(int dfd, const char __user *filename, struct kstat *stat,
		int flags)
{
	long err = 0;
	struct inode *inode = at_inode(dfd, filename, flags, &err);

	if (!inode)
		return err;
	generic_fillattr(inode, stat);
	return 0;
}

static long cp_new_stat(const struct kstat *stat, struct stat __user *ubuf)
{
	struct stat st;

	/* A 32-bit struct stat cannot hold a size past 2 GiB: stat64 can. */
	if (sizeof(st.st_size) < sizeof(stat->size) &&
	    stat->size > MAX_NON_LFS)
		return -EOVERFLOW;
	memset(&st, 0, sizeof(st));
	st.st_dev = stat->dev;
	st.st_ino = stat->ino;
	st.st_mode = stat->mode;
	st.st_nlink = stat->nlink;
	/* i386's struct stat has 16-bit ids: a bigger one shows as 65534,
	 * as Linux's high2lowuid. */
	st.st_uid = stat->uid == (typeof(st.st_uid))stat->uid ?
			    stat->uid : DEFAULT_OVERFLOWUID;
	st.st_gid = stat->gid == (typeof(st.st_gid))stat->gid ?
			    stat->gid : DEFAULT_OVERFLOWGID;
	st.st_rdev = stat->rdev;
	st.st_size = stat->size;
	st.st_blksize = stat->blksize;
	st.st_blocks = stat->blocks;
	st.st_atime = stat->atime.tv_sec;
	st.st_atime_nsec = stat->atime.tv_nsec;
	st.st_mtime = stat->mtime.tv_sec;
	st.st_mtime_nsec = stat->mtime.tv_nsec;
	st.st_ctime = stat->ctime.tv_sec;
	st.st_ctime_nsec = stat->ctime.tv_nsec;
	return copy_to_user(ubuf, &st, sizeof(st)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct kstat stat;
	int err = vfs_fstat(fd, &stat);

	return err ? err : cp_new_stat(&stat, statbuf);
}

long do_newfstatat(int dfd, const char __user *filename,
		struct stat __user *statbuf,
		   int flag)
{
	struct kstat stat;
	int err = vfs_fstatat(dfd, filename, &stat, flag);

	return err ? err : cp_new_stat(&stat, statbuf);
}

SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename,
		struct stat __user *, statbuf, int, flag)
{
	return do_newfstatat(dfd, filename, statbuf, flag);
}

SYSCALL_DEFINE5(statx, int, dfd, const char __user *, filename,
		unsigned int, flags,
		unsigned int, mask, struct statx __user *, buffer)
{
	struct kstat stat;
	struct statx sx;
	int err = vfs_fstatat(dfd, filename, &stat, flags);

	(void)mask;
	if (err)
		return err;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = stat.blksize;
	sx.stx_nlink = stat.nlink;
	sx.stx_uid = stat.uid;
	sx.stx_gid = stat.gid;
	sx.stx_mode = stat.mode;
	sx.stx_ino = stat.ino;
	sx.stx_size = stat.size;
	sx.stx_blocks = stat.blocks;
	sx.stx_atime.tv_sec = stat.atime.tv_sec;
	sx.stx_atime.tv_nsec = stat.atime.tv_nsec;
	sx.stx_ctime.tv_sec = stat.ctime.tv_sec;
	sx.stx_ctime.tv_nsec = stat.ctime.tv_nsec;
	sx.stx_mtime.tv_sec = stat.mtime.tv_sec;
	sx.stx_mtime.tv_nsec = stat.mtime.tv_nsec;
	sx.stx_rdev_major = stat.rdev >> 8;
	sx.stx_rdev_minor = stat.rdev & 0xff;
	sx.stx_dev_minor = stat.dev;
	return copy_to_user(buffer, &sx, sizeof(sx)) ? -EFAULT : 0;
}

long do_readlinkat(int dfd, const char __user *pathname, char __user *buf,
		int bufsiz)
{
	long err = 0;
	struct inode *inode;

	if (bufsiz <= 0)
		return -EINVAL;
	inode = at_inode(dfd, pathname, AT_SYMLINK_NOFOLLOW, &err);
	if (!inode)
		return err;
	if (!S_ISLNK(inode->i_mode))
		return -EINVAL;
	if (inode->i_op && inode->i_op->get_link) {	/* /proc/self */
		char target[32];
		int len = inode->i_op->get_link(inode, target, sizeof(target));

		bufsiz = min(bufsiz, len);
		return copy_to_user(buf, target, bufsiz) ? -EFAULT : bufsiz;
	}
	if (bufsiz > inode->i_size)
		bufsiz = inode->i_size;
	return copy_to_user(buf, inode->i_link, bufsiz) ? -EFAULT : bufsiz;
}

SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname,
		char __user *, buf,
		int, bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
	char d_name[];
};

/* One directory entry for getdents64, at *written in the user's buffer of
 * count bytes: 1 when it fit, 0 when the buffer is full, or -errno. */
static int put_dirent(void __user *dirent, unsigned int count, long *written,
		      const char *name, const struct inode *ino, long next)
{
	char ebuf[sizeof(struct linux_dirent64) + NAME_MAX + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)ebuf;
	unsigned int reclen = ALIGN(sizeof(*d) + strlen(name) + 1, 8);

	if (*written + reclen > count)
		return 0;
	memset(ebuf, 0, reclen);
	d->d_ino = ino->i_ino;
	d->d_off = next;
	d->d_reclen = reclen;
	d->d_type = (ino->i_mode & S_IFMT) >> 12;
	strscpy(d->d_name, name, NAME_MAX + 1);
	if (copy_to_user((char __user *)dirent + *written, d, reclen))
		return -EFAULT;
	*written += reclen;
	return 1;
}

/*
 * getdents64: f_pos is where the last read stopped: 0 before ".", 1
 * before "..", then the d_off of the last child returned (children are in
 * d_off order, see d_add_child), so names removed between two reads never
 * make the next one skip a name that stayed. One pass over the list,
 * however large the directory; a removed directory has no entries to list
 * (ENOENT, as Linux).
 */
SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent,
		unsigned int, count)
{
	struct file *f = fget(fd);
	struct inode *dir;
	struct dentry *child;
	long written = 0;
	int r = 1;

	if (!f)
		return -EBADF;
	dir = f->f_inode;
	if (!S_ISDIR(dir->i_mode)) {
		fput(f);
		return -ENOTDIR;
	}
	if (!dir->i_nlink) {
		fput(f);
		return -ENOENT;
	}
	if (dir == proc_root && f->f_pos <= 2)
		proc_fill_pids();	/* every process's /proc/<pid> */
	if (f->f_pos == 0 && (r = put_dirent(dirent, count, &written, ".",
					     dir, 1)) > 0)
		f->f_pos = 1;
	if (r > 0 && f->f_pos == 1 &&
	    (r = put_dirent(dirent, count, &written, "..", dir->i_parent,
			    2)) > 0)
		f->f_pos = 2;
again:
	list_for_each_entry(child, &dir->i_children, d_child) {
		if (r <= 0)
			break;
		/* While we yield, the entry we stand on may be renamed or
		 * removed: stop with what we have, or yield and walk again
		 * from the start (f_pos says where we were). */
		if (need_resched()) {
			if (written)
				break;
			if (fatal_signal_pending(current)) {
				r = -EINTR;
				break;
			}
			cond_resched();
			goto again;
		}
		if (child->d_off <= f->f_pos)
			continue;
		r = put_dirent(dirent, count, &written, child->d_name,
			       child->d_inode, child->d_off);
		if (r > 0)
			f->f_pos = child->d_off;
	}
	fput(f);
	if (r < 0)
		return r;
	if (!written && r == 0)
		return -EINVAL;	/* the buffer cannot hold one entry */
	return written;
}

/* The path of the working directory, built from its parents upward. */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	char path[PATH_MAX];
	struct inode *inode = current->fs->pwd;
	int pos = PATH_MAX - 1;

	path[pos] = '\0';
	if (!inode->i_nlink)
		return -ENOENT;	/* the working directory was removed */
	while (inode != root_inode) {
		int len = inode->i_dentry->d_len;

		if (pos - len - 1 < 0)
			return -ENAMETOOLONG;
		pos -= len;
		memcpy(path + pos, inode->i_dentry->d_name, len);
		path[--pos] = '/';
		inode = inode->i_parent;
	}
	if (pos == PATH_MAX - 1)
		path[--pos] = '/';
	if (PATH_MAX - pos > (long)size)
		return -ERANGE;
	if (copy_to_user(buf, path + pos, PATH_MAX - pos))
		return -EFAULT;
	return PATH_MAX - pos;
}
