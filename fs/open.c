/*
 * openat, close, chdir, mkdir, unlink, rmdir, truncate, fallocate, chmod,
 * chown, access: naming files, setting their size and attributes, and
 * checking who may. The directory a relative path starts from is the
 * process's working directory (AT_FDCWD) or an open directory's inode.
 */
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <uapi/linux/fs.h>

static int current_umask(void)
{
	return current->fs->umask;
}

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

/*
 * May current open inode with these flags (Linux's may_open)? A directory
 * only for reading (EISDIR), then read and/or write permission as the
 * access mode asks, write also for O_TRUNC.
 */
static int may_open(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE, mask = 0;

	if (acc == O_RDONLY || acc == O_RDWR)
		mask |= MAY_READ;
	if (acc == O_WRONLY || acc == O_RDWR || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	if (S_ISDIR(inode->i_mode) && (mask & MAY_WRITE))
		return -EISDIR;
	return inode_permission(inode, mask);
}

/*
 * O_CREAT of a name that does not exist: make it in its directory. A
 * dangling symlink there is followed and what it names is made (with
 * O_EXCL it is EEXIST, with O_NOFOLLOW ELOOP), as Linux.
 */
static struct inode *create_last(struct inode *dir, const char *name,
				 int flags, u32 mode, long *err)
{
	struct inode *parent, *inode = NULL, *existing;
	const char *path = name, *last;
	char *buf = NULL;
	int lastlen, links = 0;

	for (;;) {
		parent = path_parent(dir, path, &last, &lastlen, err);
		if (!parent)
			break;
		if (lastlen && last[lastlen] == '/') {
			*err = -EISDIR;	/* O_CREAT of "new/" */
			break;
		}
		existing = ramfs_lookup(parent, last, lastlen);
		if (!existing || !S_ISLNK(existing->i_mode) ||
		    (flags & O_EXCL)) {
			inode = vfs_create(parent, last, lastlen,
					   mode & ~current_umask(), err);
			break;
		}
		*err = -ELOOP;
		if ((flags & O_NOFOLLOW) || ++links > MAXSYMLINKS)
			break;
		*err = -ENOENT;
		if (!existing->i_size)
			break;
		kfree(buf);
		buf = kmalloc(existing->i_size + 1, GFP_KERNEL);
		*err = -ENOMEM;
		if (!buf)
			break;
		memcpy(buf, existing->i_link, existing->i_size);
		buf[existing->i_size] = '\0';
		path = buf;
		dir = parent;	/* a relative target starts there */
	}
	kfree(buf);
	return inode;
}

/* Open (or create) a path, in the kernel: the file or an ERR_PTR. A file
 * this call creates is opened without a permission check (a new 0444
 * file may be opened for writing, as Linux). The struct file is taken
 * first, as Linux's path_openat does, so no failure after a create can
 * leave the new name behind. */
struct file *filp_open(struct inode *dir, const char *name, int flags,
		       u32 mode)
{
	int acc = flags & O_ACCMODE;
	struct inode *inode;
	bool created = false;
	struct file *f;
	long err = 0;

	f = alloc_empty_file(flags & ~(O_CREAT | O_EXCL | O_TRUNC));
	if (!f)
		return ERR_PTR(-ENOMEM);
	inode = path_lookup(dir, name, !(flags & O_NOFOLLOW), &err);
	if (!inode && err == -ENOENT && (flags & O_CREAT)) {
		inode = create_last(dir, name, flags, mode, &err);
		created = true;
	} else if (inode && (flags & O_CREAT) && (flags & O_EXCL)) {
		err = -EEXIST;
		goto out_free;
	}
	if (!inode)
		goto out_free;
	err = -ELOOP;	/* O_NOFOLLOW on a link */
	if (S_ISLNK(inode->i_mode))
		goto out_free;
	err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		goto out_free;
	err = -EISDIR;
	if (S_ISDIR(inode->i_mode) && acc != O_RDONLY)
		goto out_free;
	if (!created) {
		err = may_open(inode, flags);
		if (err)
			goto out_free;
	}
	/* A 32-bit program without O_LARGEFILE could not seek in it. */
	err = -EOVERFLOW;
	if (S_ISREG(inode->i_mode) && !(flags & O_LARGEFILE) &&
	    inode->i_size > MAX_NON_LFS)
		goto out_free;
	file_attach_inode(f, inode);
	if (S_ISREG(inode->i_mode) && !inode->i_fop && acc != O_RDONLY) {
		err = get_write_access(inode);	/* ETXTBSY: it runs */
		if (err) {
			f->f_op = NULL;
			fput(f);
			return ERR_PTR(err);
		}
		f->f_mode |= FMODE_WRITER;
		if (flags & O_TRUNC)
			ramfs_setsize(inode, 0);
	}
	if (f->f_op->open) {
		long ret = f->f_op->open(inode, f);

		if (ret) {
			f->f_op = NULL;	/* not opened: nothing to release */
			fput(f);
			return ERR_PTR(ret);
		}
	}
	return f;

out_free:
	kfree(f);	/* not open on anything yet */
	return ERR_PTR(err);
}

long do_sys_openat(int dfd, const char __user *filename, int flags, u32 mode)
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

SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags,
		u32, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(fd);
}

SYSCALL_DEFINE1(chdir, const char __user *, filename)
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
	err = inode_permission(inode, MAY_EXEC);	/* search permission */
	if (err)
		return err;
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
		ret = inode_permission(f->f_inode, MAY_EXEC);
		if (!ret)
			set_fs_pwd(current->fs, f->f_inode);
	}
	fput(f);
	return ret;
}

/* A new directory entry for mkdirat and mknodat: a directory, or the
 * node of the given type (and device number); the umask is applied. The
 * new inode, or NULL and *err. */
static struct inode *create_at(int dfd, const char __user *pathname, u32 mode,
			       unsigned int dev, long *err)
{
	struct inode *dir, *parent, *inode = NULL;
	const char *last;
	int lastlen;
	char *name = getname(pathname);

	if (IS_ERR(name)) {
		*err = PTR_ERR(name);
		return NULL;
	}
	dir = dirfd_inode(dfd, err);
	parent = dir ? path_parent(dir, name, &last, &lastlen, err) : NULL;
	if (parent && S_ISDIR(mode))
		inode = vfs_mkdir(parent, last, lastlen,
				  mode & ~current_umask(), err);
	else if (parent && S_ISREG(mode))
		inode = vfs_create(parent, last, lastlen,
				   mode & ~current_umask(), err);
	else if (parent)
		inode = vfs_mknod(parent, last, lastlen,
				  mode & ~current_umask(), dev, err);
	putname(name);
	return inode;
}

long do_mkdirat(int dfd, const char __user *pathname, u32 mode)
{
	long err = 0;

	return create_at(dfd, pathname, S_IFDIR | (mode & 07777), 0, &err) ?
		0 : err;
}

/*
 * mknod(2): a regular file (type 0 or S_IFREG), a FIFO, a socket's name,
 * or a character or block device node whose number dev is kept as Linux
 * encodes it for user space; a device opens through its driver
 * (fs/char_dev.c). Directories are mkdir's (EPERM), other types EINVAL.
 */
long do_mknodat(int dfd, const char __user *filename, u32 mode,
		unsigned int dev)
{
	long err = 0;

	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG: case S_IFIFO: case S_IFSOCK: case S_IFCHR: case S_IFBLK:
		break;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
	return create_at(dfd, filename, mode & (S_IFMT | 07777), dev, &err) ?
		0 : err;
}

SYSCALL_DEFINE4(mknodat, int, dfd, const char __user *, filename, u32, mode,
		unsigned int, dev)
{
	return do_mknodat(dfd, filename, mode, dev);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, u32, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

long do_unlinkat(int dfd, const char __user *pathname, int flag)
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
		err = vfs_rmdir(parent, last, lastlen);
	else if (parent && lastlen && last[lastlen] == '/')
		err = ramfs_lookup(parent, last, lastlen) ? -EISDIR : -ENOENT;
	else if (parent)
		err = vfs_unlink(parent, last, lastlen);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
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

long do_sys_truncate(const char __user *pathname, loff_t length)
{
	struct inode *inode;
	long err = 0;
	char *name = getname(pathname);

	if (IS_ERR(name))
		return PTR_ERR(name);
	inode = path_lookup(current->fs->pwd, name, true, &err);
	putname(name);
	if (!inode)
		return err;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	err = inode_permission(inode, MAY_WRITE);
	if (!err && S_ISREG(inode->i_mode))
		err = get_write_access(inode);	/* ETXTBSY: it runs */
	if (err)
		return err;
	err = do_truncate(inode, length);
	if (S_ISREG(inode->i_mode))
		put_write_access(inode);
	return err;
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

SYSCALL_DEFINE2(truncate, const char __user *, pathname, long, length)
{
	return do_sys_truncate(pathname, length);
}

SYSCALL_DEFINE2(ftruncate, unsigned int, fd, unsigned long, length)
{
	return do_sys_ftruncate(fd, (long)length, force_o_largefile());
}

/*
 * fallocate(2): make sure the pages for [offset, offset + len) exist, so
 * later writes there cannot fail for want of memory; mode 0 also grows
 * the file to cover them, FALLOC_FL_KEEP_SIZE does not. Other modes
 * (punching holes, collapsing, zeroing ranges) are EOPNOTSUPP here.
 * Errors as Linux's vfs_fallocate: EINVAL for a bad range, EBADF for a
 * file not open for writing, EISDIR / ENODEV for what is not a regular
 * file, EFBIG past the file-size limits, ENOSPC when memory runs out.
 */
long vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file->f_inode;
	unsigned long limit = task_rlimit(current, RLIMIT_FSIZE);
	unsigned long index, last;
	loff_t end;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~FALLOC_FL_KEEP_SIZE)
		return -EOPNOTSUPP;
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode) || inode->i_fop)
		return -ENODEV;
	if (check_add_overflow(offset, len, &end) ||
	    end > inode->i_sb->s_maxbytes)
		return -EFBIG;
	if (!(mode & FALLOC_FL_KEEP_SIZE) && end > inode->i_size &&
	    limit != RLIM_INFINITY && end > (loff_t)limit) {
		send_sig(SIGXFSZ, current);
		return -EFBIG;
	}
	last = (end - 1) >> PAGE_SHIFT;
	for (index = offset >> PAGE_SHIFT; index <= last; index++) {
		if (!find_or_create_page(&inode->i_data, index))
			return -ENOSPC;
		if (fatal_signal_pending(current))
			return -EINTR;
		cond_resched();
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE) && end > inode->i_size)
		inode->i_size = end;
	inode->i_mtime = inode->i_ctime = current_time(inode);
	return 0;
}

long ksys_fallocate(int fd, int mode, loff_t offset, loff_t len)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = vfs_fallocate(f, mode, offset, len);
	fput(f);
	return err;
}

SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	return ksys_fallocate(fd, mode, offset, len);
}

/*
 * Set the permission bits (chmod): the owner or root only (EPERM). Like
 * Linux, a non-root caller not in the file's group loses S_ISGID.
 */
static long chmod_common(struct inode *inode, u32 mode)
{
	if (!inode_owner_or_capable(inode))
		return -EPERM;
	mode &= S_IALLUGO;
	if ((mode & S_ISGID) && !in_group_p(inode->i_gid) && !capable_fs())
		mode &= ~S_ISGID;
	inode->i_mode = (inode->i_mode & S_IFMT) | mode;
	inode->i_ctime = current_time(inode);
	return 0;
}

SYSCALL_DEFINE2(fchmod, unsigned int, fd, u32, mode)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = chmod_common(f->f_inode, mode);
	fput(f);
	return err;
}

long do_fchmodat(int dfd, const char __user *filename, u32 mode)
{
	struct inode *dir, *inode;
	long err = 0;
	char *name = getname(filename);

	if (IS_ERR(name))
		return PTR_ERR(name);
	dir = dirfd_inode(dfd, &err);
	inode = dir ? path_lookup(dir, name, true, &err) : NULL;
	putname(name);
	return inode ? chmod_common(inode, mode) : err;
}

SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, u32, mode)
{
	return do_fchmodat(dfd, filename, mode);
}

/*
 * Set owner and group (chown); -1 leaves one as it is. Root may set
 * anything; the owner may only "change" the owner to itself and the
 * group to one it is in (EPERM otherwise). A file that changes hands
 * loses set-user-ID, and set-group-ID if it is group-executable.
 */
static long chown_common(struct inode *inode, u32 user, u32 group)
{
	if (user != INVALID_UID && user != inode->i_uid && !capable_fs())
		return -EPERM;
	if (group != INVALID_GID && !capable_fs() &&
	    (current_fsuid() != inode->i_uid ||
	     (group != inode->i_gid && !in_group_p(group))))
		return -EPERM;
	if (user != INVALID_UID && current_fsuid() != inode->i_uid &&
	    !capable_fs())
		return -EPERM;
	if (!S_ISDIR(inode->i_mode)) {
		inode->i_mode &= ~S_ISUID;
		if (inode->i_mode & S_IXGRP)
			inode->i_mode &= ~S_ISGID;
	}
	if (user != INVALID_UID)
		inode->i_uid = user;
	if (group != INVALID_GID)
		inode->i_gid = group;
	inode->i_ctime = current_time(inode);
	return 0;
}

long do_fchownat(int dfd, const char __user *filename, u32 user, u32 group,
		 int flag)
{
	struct inode *inode;
	long err = 0;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	inode = at_inode(dfd, filename, flag, &err);
	return inode ? chown_common(inode, user, group) : err;
}

SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, u32, user,
		u32, group, int, flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

long ksys_fchown(unsigned int fd, u32 user, u32 group)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = chown_common(f->f_inode, user, group);
	fput(f);
	return err;
}

SYSCALL_DEFINE3(fchown, unsigned int, fd, u32, user, u32, group)
{
	return ksys_fchown(fd, user, group);
}

/*
 * access(2), faccessat(2), faccessat2(2): may the caller use the file so?
 * Checked with the real uid and gid, not the effective ones (unless
 * AT_EACCESS): a set-user-ID program asks for its user. As Linux, the
 * check runs under borrowed credentials (override_creds).
 */
long do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	const struct cred *old;
	struct cred override;
	struct inode *dir, *inode = NULL;
	long err = 0;
	char *name;

	if (mode & ~(MAY_READ | MAY_WRITE | MAY_EXEC))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	override = *current_cred();
	if (!(flags & AT_EACCESS)) {
		override.fsuid = override.uid;
		override.fsgid = override.gid;
	}
	old = override_creds(&override);
	dir = dirfd_inode(dfd, &err);
	if (!name[0] && (flags & AT_EMPTY_PATH) && dfd != AT_FDCWD) {
		struct file *f = fget(dfd);

		err = -EBADF;
		if (f) {
			inode = f->f_inode;
			fput(f);
		}
	} else if (dir) {
		inode = path_lookup(dir, name, !(flags & AT_SYMLINK_NOFOLLOW),
				    &err);
	}
	if (inode)
		err = mode ? inode_permission(inode, mode) : 0;
	revert_creds(old);
	putname(name);
	return err;
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode,
		int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}
