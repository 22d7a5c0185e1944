/*
 * openat, close, chdir: naming files. The directory a relative path
 * starts from is the process's working directory (AT_FDCWD) or an open
 * directory's inode.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>

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
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode) && acc != O_RDONLY)
		ramfs_truncate(inode);
	f = alloc_file(inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC));
	return f ? f : ERR_PTR(-ENOMEM);
}

long do_sys_openat(int dfd, const char *filename, int flags, u32 mode)
{
	struct inode *dir;
	struct file *f;
	long err = 0;
	char *name;
	int fd;

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

long sys_openat(int dfd, const char *filename, int flags, u32 mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

long sys_chdir(const char *filename)
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

long sys_fchdir(unsigned int fd)
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

long sys_mkdirat(int dfd, const char *pathname, u32 mode)
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

long sys_unlinkat(int dfd, const char *pathname, int flag)
{
	struct inode *dir, *parent;
	const char *last;
	long err = 0;
	int lastlen;
	char *name = getname(pathname);

	(void)flag;
	if (IS_ERR(name))
		return PTR_ERR(name);
	dir = dirfd_inode(dfd, &err);
	parent = dir ? path_parent(dir, name, &last, &lastlen, &err) : NULL;
	if (parent)
		err = ramfs_unlink(parent, last, lastlen);
	putname(name);
	return err;
}
