/*
 * openat, close, chdir, mkdir, unlink, rmdir, truncate: naming files and
 * setting their size. The directory a relative path starts from is the
 * process's working directory (AT_FDCWD) or an open directory's inode.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>

void set_fs_pwd(struct fs_struct *fs, struct inode *inode)
{
	struct inode *old;

	ihold(inode);
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = inode;
	spin_unlock(&fs->lock);
	if (old)
		iput(old);
}

/* The directory relative paths start from, for the *at() calls. */
struct inode *dirfd_inode(int dfd, long *err)
{
	struct file *f;
	struct inode *inode;

	if (dfd == AT_FDCWD)
		return current->fs->pwd;
	f = fget(dfd);
	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	inode = f->f_inode;
	fput(f);
	if (!inode || !S_ISDIR(inode->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return inode;
}

/* Open (or create) a path, in the kernel: the file or an ERR_PTR. */
struct file *filp_open(struct inode *dir, const char *name, int flags,
		       u32 mode)
{
	int acc = flags & O_ACCMODE;
	struct inode *inode;
	struct file *f;
	long err = 0;

	inode = path_lookup(dir, name, !(flags & O_NOFOLLOW), &err);
	if (!inode && err == -ENOENT && (flags & O_CREAT)) {
		const char *last;
		int lastlen;
		struct inode *parent = path_parent(dir, name, &last, &lastlen,
						   &err);

		if (!parent)
			return ERR_PTR(err);
		inode = ramfs_create(parent, last, lastlen,
				     S_IFREG | (mode & 07777), &err);
	} else if (inode && (flags & O_CREAT) && (flags & O_EXCL)) {
		return ERR_PTR(-EEXIST);
	}
	if (!inode)
		return ERR_PTR(err);
	if (S_ISLNK(inode->i_mode))
		return ERR_PTR(-ELOOP);	/* O_NOFOLLOW on a link */
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (S_ISDIR(inode->i_mode) && acc != O_RDONLY)
		return ERR_PTR(-EISDIR);
	/* A 32-bit program without O_LARGEFILE could not seek in it. */
	if (S_ISREG(inode->i_mode) && !(flags & O_LARGEFILE) &&
	    inode->i_size > MAX_NON_LFS)
		return ERR_PTR(-EOVERFLOW);
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && acc != O_RDONLY)
		ramfs_setsize(inode, 0);
	f = alloc_file(inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC));
	if (!f)
		return ERR_PTR(-ENOMEM);
	if (f->f_op->open) {
		long ret = f->f_op->open(inode, f);

		if (ret) {
			fput(f);
			return ERR_PTR(ret);
		}
	}
	return f;
}

long do_sys_openat(int dfd, const char *filename, int flags, u32 mode)
{
	struct inode *dir;
	struct file *f;
	long err = 0;
	char *name;
	int fd;

	if (force_o_largefile())
		flags |= O_LARGEFILE;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dir = dirfd_inode(dfd, &err);
	if (!dir) {
		putname(name);
		return err;
	}
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		putname(name);
		return fd;
	}
	f = filp_open(dir, name, flags, mode);
	putname(name);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}

SYSCALL_DEFINE4(openat, int, dfd, const char *, filename, int, flags, u32, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE1(chdir, const char *, filename)
{
	struct inode *inode;
	long err = 0;
	char *name = getname(filename);

	if (IS_ERR(name))
		return PTR_ERR(name);
	inode = path_lookup(current->fs->pwd, name, true, &err);
	putname(name);
	if (!inode)
		return err;
	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	set_fs_pwd(current->fs, inode);
	return 0;
}

SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *f = fget(fd);
	long ret = -ENOTDIR;

	if (!f)
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode)) {
		set_fs_pwd(current->fs, f->f_inode);
		ret = 0;
	}
	fput(f);
	return ret;
}

long do_mkdirat(int dfd, const char *pathname, u32 mode)
{
	struct inode *dir, *parent;
	const char *last;
	long err = 0;
	int lastlen;
	char *name = getname(pathname);

	if (IS_ERR(name))
		return PTR_ERR(name);
	dir = dirfd_inode(dfd, &err);
	parent = dir ? path_parent(dir, name, &last, &lastlen, &err) : NULL;
	if (parent && !ramfs_create(parent, last, lastlen,
				    S_IFDIR | (mode & 07777), &err))
		parent = NULL;
	putname(name);
	return parent ? 0 : err;
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char *, pathname, u32, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

long do_unlinkat(int dfd, const char *pathname, int flag)
{
	struct inode *dir, *parent;
	const char *last;
	long err = 0;
	int lastlen;
	char *name;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	dir = dirfd_inode(dfd, &err);
	parent = dir ? path_parent(dir, name, &last, &lastlen, &err) : NULL;
	if (parent && (flag & AT_REMOVEDIR))
		err = ramfs_rmdir(parent, last, lastlen);
	else if (parent)
		err = ramfs_unlink(parent, last, lastlen);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char *, pathname, int, flag)
{
	return do_unlinkat(dfd, pathname, flag);
}

/*
 * Set a regular file's size (truncate/ftruncate): a negative size is
 * EINVAL, one past what the file system or RLIMIT_FSIZE allows EFBIG
 * (with SIGXFSZ for the rlimit, as a write), a directory EISDIR.
 */
long do_truncate(struct inode *inode, loff_t length)
{
	unsigned long limit = task_rlimit(current, RLIMIT_FSIZE);

	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || inode->i_fop)
		return -EINVAL;
	if (limit != RLIM_INFINITY && length > inode->i_size &&
	    length > (loff_t)limit) {
		send_sig(SIGXFSZ, current);
		return -EFBIG;
	}
	if (length > inode->i_sb->s_maxbytes)
		return -EFBIG;
	return ramfs_setsize(inode, length);
}

long do_sys_truncate(const char *pathname, loff_t length)
{
	struct inode *inode;
	long err = 0;
	char *name = getname(pathname);

	if (IS_ERR(name))
		return PTR_ERR(name);
	inode = path_lookup(current->fs->pwd, name, true, &err);
	putname(name);
	return inode ? do_truncate(inode, length) : err;
}

/* large: the 64-bit call (ftruncate64), not limited to MAX_NON_LFS. */
long do_sys_ftruncate(unsigned int fd, loff_t length, bool large)
{
	struct file *f;
	long err;

	if (length < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY ||
	    !S_ISREG(f->f_inode->i_mode))
		err = -EINVAL;
	else if (!large && !(f->f_flags & O_LARGEFILE) && length > MAX_NON_LFS)
		err = -EINVAL;
	else
		err = do_truncate(f->f_inode, length);
	fput(f);
	return err;
}

SYSCALL_DEFINE2(truncate, const char *, pathname, long, length)
{
	return do_sys_truncate(pathname, length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return do_sys_ftruncate(fd, (long)length, force_o_largefile());
}
