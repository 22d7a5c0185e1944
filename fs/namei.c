/*
 * Path lookup and the name space: walk a path one component at a time
 * from the root (absolute paths) or from a starting directory, following
 * symbolic links (40 in all, 8 inside one another, then -ELOOP) and "." /
 * "..", with search permission needed on every directory passed. Errors
 * are Linux's: -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP, -EACCES.
 * Then the permission checks (generic_permission, may_create,
 * may_delete) and the calls that create, remove, link and rename names.
 */
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/fs.h>

/*
 * May current use inode so (mask: MAY_READ | MAY_WRITE | MAY_EXEC)? The
 * owner's bits if it owns it, else the group's if in its group, else the
 * others'. Root (fsuid 0: Linux's CAP_DAC_OVERRIDE) may read and write
 * anything and search any directory, but execute only a file with an x
 * bit somewhere.
 */
int generic_permission(struct inode *inode, int mask)
{
	u32 mode = inode->i_mode;

	if (current_fsuid() == inode->i_uid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	if (!(mask & ~mode & (MAY_READ | MAY_WRITE | MAY_EXEC)))
		return 0;
	if (capable_fs() && (!(mask & MAY_EXEC) || S_ISDIR(inode->i_mode) ||
			     (inode->i_mode & S_IXUGO)))
		return 0;
	return -EACCES;
}

int inode_permission(struct inode *inode, int mask)
{
	return generic_permission(inode, mask);
}

/* May current change the inode's mode, times, ...: its owner or root
 * (Linux's CAP_FOWNER). */
bool inode_owner_or_capable(const struct inode *inode)
{
	return current_fsuid() == inode->i_uid || capable_fs();
}

/*
 * What one lookup has followed: at most MAXSYMLINKS links in all, of
 * which at most MAX_NESTED_LINKS inside one another (a link in the middle
 * of a path whose target has a link in its middle ...), as Linux 4.1. A
 * link at the end of a path is followed in a loop, not a call, so a chain
 * a -> b -> c -> ... costs no stack.
 */
struct nameidata {
	int total_link_count;
};

/* A copy of a symlink's target, or NULL with *err set. */
static char *get_link(struct nameidata *nd, struct inode *link, long *err)
{
	char *target;

	if (++nd->total_link_count > MAXSYMLINKS) {
		*err = -ELOOP;
		return NULL;
	}
	if (!link->i_size) {
		*err = -ENOENT;
		return NULL;
	}
	if (link->i_size >= PATH_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	target = kmalloc(link->i_size + 1, GFP_KERNEL);
	if (!target) {
		*err = -ENOMEM;
		return NULL;
	}
	if (link->i_op && link->i_op->get_link)	/* /proc/self */
		link->i_op->get_link(link, target, link->i_size + 1);
	else
		memcpy(target, link->i_link, link->i_size);
	target[link->i_size] = '\0';
	return target;
}

static struct inode *walk(struct nameidata *nd, struct inode *dir,
			  const char *path, bool follow, int depth, long *err);

/* Replace a symlink in the middle of a path by what it points to,
 * relative to dir, the directory it was found in. */
static struct inode *follow_link(struct nameidata *nd, struct inode *dir,
				 struct inode *link, int depth, long *err)
{
	struct inode *inode;
	char *target;

	if (depth >= MAX_NESTED_LINKS) {
		*err = -ELOOP;
		return NULL;
	}
	target = get_link(nd, link, err);
	if (!target)
		return NULL;
	inode = walk(nd, dir, target, true, depth + 1, err);
	kfree(target);
	return inode;
}

static struct inode *walk(struct nameidata *nd, struct inode *dir,
			  const char *path, bool follow, int depth, long *err)
{
	struct inode *inode = dir;
	bool must_be_dir = false;	/* the path ended in a link and "/" */
	char *buf = NULL;	/* the target of the last link followed */

restart:
	if (*path == '/') {
		inode = root_inode;
		while (*path == '/')
			path++;
	}
	while (*path) {
		const char *end = strchr(path, '/');
		int len = end ? end - path : (int)strlen(path);
		struct inode *dir;
		bool last;
		int ret;

		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			goto fail;
		}
		if (!S_ISDIR(inode->i_mode)) {
			*err = -ENOTDIR;
			goto fail;
		}
		ret = inode_permission(inode, MAY_EXEC);
		if (ret) {
			*err = ret;	/* no search permission */
			goto fail;
		}
		dir = inode;
		inode = ramfs_lookup(dir, path, len);
		if (!inode) {
			*err = -ENOENT;
			goto fail;
		}
		path += len;
		while (*path == '/')
			path++;
		last = !*path;
		if (S_ISLNK(inode->i_mode) && last && (follow || end)) {
			/* Go on from its target, here ("link/" follows). */
			char *target = get_link(nd, inode, err);

			if (!target)
				goto fail;
			kfree(buf);
			path = buf = target;
			must_be_dir |= end != NULL;
			inode = dir;
			goto restart;
		}
		if (S_ISLNK(inode->i_mode) && !last) {
			inode = follow_link(nd, dir, inode, depth, err);
			if (!inode)
				goto fail;
		}
		if (last && (end || must_be_dir) && !S_ISDIR(inode->i_mode)) {
			*err = -ENOTDIR;	/* "file/" */
			goto fail;
		}
	}
	kfree(buf);
	return inode;
fail:
	kfree(buf);
	return NULL;
}

struct inode *path_lookup(struct inode *dir, const char *path, bool follow,
			  long *err)
{
	struct nameidata nd = { 0 };

	if (!*path) {
		*err = -ENOENT;
		return NULL;
	}
	return walk(&nd, dir, path, follow, 0, err);
}

/* The walk of path_parent (below), for any directory. */
static struct inode *__path_parent(struct inode *dir, const char *path,
				    const char **last, int *lastlen,
				    long *err)
{
	const char *slash;
	int len = strlen(path);
	char *buf;

	while (len > 1 && path[len - 1] == '/')
		len--;	/* "dir/" names dir */
	if (!len) {
		*err = -ENOENT;
		return NULL;
	}
	if (len >= PATH_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	for (slash = path + len - 1; slash >= path && *slash != '/'; slash--)
		;
	*last = slash + 1;
	*lastlen = path + len - *last;
	if (*lastlen > NAME_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	if (slash < path)
		return dir;		/* "name": in dir itself */
	if (slash == path)
		return root_inode;	/* "/name" */
	buf = kmalloc(slash - path + 1, GFP_KERNEL);
	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	memcpy(buf, path, slash - path);
	buf[slash - path] = '\0';
	dir = path_lookup(dir, buf, true, err);
	kfree(buf);
	if (dir && !S_ISDIR(dir->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return dir;
}

/*
 * The directory that would hold path's last component, which is returned
 * in *last / *lastlen (for creating or removing it). /proc's names are
 * the kernel's: a user makes or removes none there (-ENOENT for a new
 * name, -EPERM for an existing one, as Linux answers).
 */
struct inode *path_parent(struct inode *dir, const char *path,
			  const char **last, int *lastlen, long *err)
{
	dir = __path_parent(dir, path, last, lastlen, err);
	if (dir && dir->i_sb == &proc_sb) {
		*err = ramfs_lookup(dir, *last, *lastlen) ? -EPERM : -ENOENT;
		return NULL;
	}
	return dir;
}

/* Copy a path name from user space into a new kernel buffer (Linux's
 * getname); an ERR_PTR on a bad pointer or a name of PATH_MAX or more. */
char *getname(const char __user *upath)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, upath, PATH_MAX);
	if (len < 0 || len >= PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
	}
	return name;
}

void putname(char *name)
{
	kfree(name);
}

/* ---- creating and removing names, with their permission checks ------- */

/*
 * May current make the name (len bytes) in dir? Linux's order: a name too
 * long, one that exists (EEXIST), a removed directory (ENOENT), then
 * write and search permission on dir (EACCES).
 */
static int may_create(struct inode *dir, const char *name, int len)
{
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (!len || ramfs_lookup(dir, name, len))
		return -EEXIST;
	if (!dir->i_nlink)
		return -ENOENT;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * May current remove inode's name from dir? Write and search permission
 * on dir, and in a sticky directory (/tmp) only the owner of the file or
 * of the directory, or root, may (EPERM).
 */
static int may_delete(struct inode *dir, struct inode *inode)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if ((dir->i_mode & S_ISVTX) && current_fsuid() != inode->i_uid &&
	    current_fsuid() != dir->i_uid && !capable_fs())
		return -EPERM;
	return 0;
}

static struct inode *vfs_new(struct inode *dir, const char *name, int len,
			     u32 mode, long *err)
{
	int ret = may_create(dir, name, len);

	if (ret) {
		*err = ret;
		return NULL;
	}
	return ramfs_create(dir, name, len, mode, err);
}

/* A new regular file; mode has had the umask taken off. */
struct inode *vfs_create(struct inode *dir, const char *name, int len,
			 u32 mode, long *err)
{
	return vfs_new(dir, name, len, S_IFREG | (mode & S_IALLUGO), err);
}

struct inode *vfs_mkdir(struct inode *dir, const char *name, int len,
			u32 mode, long *err)
{
	return vfs_new(dir, name, len,
		       S_IFDIR | (mode & (S_IRWXUGO | S_ISVTX)), err);
}

/* A FIFO, socket name or device node (mknod; a regular file goes through
 * vfs_create); mode has had the umask taken off. Device nodes need root
 * (CAP_MKNOD in Linux): EPERM otherwise. */
struct inode *vfs_mknod(struct inode *dir, const char *name, int len,
			u32 mode, unsigned int dev, long *err)
{
	struct inode *inode;

	if ((S_ISCHR(mode) || S_ISBLK(mode)) && !capable_fs()) {
		*err = -EPERM;
		return NULL;
	}
	inode = vfs_new(dir, name, len, mode & (S_IFMT | S_IALLUGO), err);
	if (!inode)
		return NULL;
	if (S_ISFIFO(mode)) {
		inode->i_fop = &pipefifo_fops;
	} else if (S_ISCHR(mode) || S_ISBLK(mode)) {
		inode->i_rdev = dev;
		inode->i_fop = &def_chr_fops;	/* no block devices: ENXIO */
	} else if (S_ISSOCK(mode)) {
		inode->i_fop = &def_chr_fops;	/* no sockets yet: ENXIO */
	}
	return inode;
}

int vfs_unlink(struct inode *dir, const char *name, int len)
{
	struct inode *inode;
	int err;

	if (!len || (len <= 2 && !memcmp(name, "..", len)))
		return -EISDIR;
	inode = ramfs_lookup(dir, name, len);
	if (!inode)
		return -ENOENT;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	err = may_delete(dir, inode);
	return err ? err : ramfs_unlink(dir, name, len);
}

int vfs_rmdir(struct inode *dir, const char *name, int len)
{
	struct inode *inode = len ? ramfs_lookup(dir, name, len) : NULL;
	int err;

	if (inode && S_ISDIR(inode->i_mode) && inode != dir &&
	    inode != dir->i_parent) {
		err = may_delete(dir, inode);
		if (err)
			return err;
	}
	return ramfs_rmdir(dir, name, len);
}

/* Does path end in a slash ("dir/")? Only a directory may be named so. */
static bool trailing_slash(const char *path)
{
	size_t len = strlen(path);

	return len && path[len - 1] == '/';
}

/*
 * rename(2), renameat(2), renameat2(2). The last component of either path
 * may not be "." or ".." (EBUSY; EEXIST with RENAME_NOREPLACE for the
 * new one). Both directories need write and search permission (and the
 * sticky bit's owner rule for what is removed); a directory that moves to
 * another parent needs write permission on itself (its ".." changes).
 * One file system: EXDEV only between super blocks.
 */
long do_renameat2(int olddfd, const char __user *oldname, int newdfd,
		  const char __user *newname, unsigned int flags)
{
	struct inode *olddir, *newdir, *old_parent, *new_parent;
	struct inode *inode, *target;
	const char *oldlast, *newlast;
	int oldlen, newlen;
	struct dentry *d;
	char *from, *to;
	long err = 0;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & RENAME_NOREPLACE) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	if ((flags & RENAME_WHITEOUT) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	if (IS_ERR(to)) {
		putname(from);
		return PTR_ERR(to);
	}
	olddir = dirfd_inode(olddfd, &err);
	newdir = olddir ? dirfd_inode(newdfd, &err) : NULL;
	old_parent = newdir ? path_parent(olddir, from, &oldlast, &oldlen,
					  &err) : NULL;
	new_parent = old_parent ? path_parent(newdir, to, &newlast, &newlen,
					      &err) : NULL;
	if (!new_parent)
		goto out;
	err = -EBUSY;	/* "/", "." or ".." */
	if (!oldlen || (oldlen <= 2 && !memcmp(oldlast, "..", oldlen)))
		goto out;
	if (!newlen || (newlen <= 2 && !memcmp(newlast, "..", newlen))) {
		if (flags & RENAME_NOREPLACE)
			err = -EEXIST;
		goto out;
	}
	err = -EXDEV;
	if (old_parent->i_sb != new_parent->i_sb)
		goto out;
	err = -EINVAL;
	if (flags & RENAME_WHITEOUT)
		goto out;	/* ramfs makes no whiteouts, as Linux's */
	err = -ENOENT;
	d = ramfs_lookup_dentry(old_parent, oldlast, oldlen);
	if (!d)
		goto out;
	inode = d->d_inode;
	target = ramfs_lookup(new_parent, newlast, newlen);
	err = -EEXIST;
	if (target && (flags & RENAME_NOREPLACE))
		goto out;
	err = -ENOENT;
	if (!target && (flags & RENAME_EXCHANGE))
		goto out;
	err = -ENOTDIR;	/* "file/" */
	if (!S_ISDIR(inode->i_mode) &&
	    (trailing_slash(from) ||
	     (trailing_slash(to) && !(flags & RENAME_EXCHANGE))))
		goto out;
	if ((flags & RENAME_EXCHANGE) && !S_ISDIR(target->i_mode) &&
	    trailing_slash(to))
		goto out;
	err = 0;
	if (target == inode && !(flags & RENAME_EXCHANGE))
		goto out;	/* two names of one file: nothing to do */
	err = may_delete(old_parent, inode);
	if (!err && target)
		err = may_delete(new_parent, target);
	else if (!err)
		err = inode_permission(new_parent, MAY_WRITE | MAY_EXEC);
	if (!err && old_parent != new_parent) {
		if (S_ISDIR(inode->i_mode))
			err = inode_permission(inode, MAY_WRITE);
		if (!err && target && (flags & RENAME_EXCHANGE) &&
		    S_ISDIR(target->i_mode))
			err = inode_permission(target, MAY_WRITE);
	}
	if (!err)
		err = ramfs_rename(old_parent, d, new_parent, newlast, newlen,
				   flags);
out:
	putname(to);
	putname(from);
	return err;
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname,
		int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname,
		int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

/*
 * link(2), linkat(2): a new name for an existing file. Not for
 * directories (EPERM); a symlink is linked itself unless
 * AT_SYMLINK_FOLLOW; AT_EMPTY_PATH links the file olddfd is open on
 * (root only, as Linux's CAP_DAC_READ_SEARCH; else ENOENT).
 */
long do_linkat(int olddfd, const char __user *oldname, int newdfd,
	       const char __user *newname, int flags)
{
	struct inode *olddir, *newdir, *inode = NULL, *parent;
	const char *last;
	char *from, *to;
	long err = 0;
	int len;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	if (IS_ERR(to)) {
		putname(from);
		return PTR_ERR(to);
	}
	olddir = dirfd_inode(olddfd, &err);
	if (!from[0] && (flags & AT_EMPTY_PATH) && olddfd != AT_FDCWD) {
		struct file *f = fget(olddfd);

		err = -EBADF;
		if (f) {
			inode = f->f_inode;
			fput(f);
			err = -ENOENT;
			if (!capable_fs())
				inode = NULL;
		}
	} else if (olddir) {
		inode = path_lookup(olddir, from, flags & AT_SYMLINK_FOLLOW,
				    &err);
	}
	if (!inode)
		goto out;
	newdir = dirfd_inode(newdfd, &err);
	parent = newdir ? path_parent(newdir, to, &last, &len, &err) : NULL;
	if (!parent)
		goto out;
	err = may_create(parent, last, len);
	if (err)
		goto out;
	err = -EXDEV;
	if (parent->i_sb != inode->i_sb)
		goto out;
	err = -EPERM;
	if (S_ISDIR(inode->i_mode))
		goto out;
	err = ramfs_link(inode, parent, last, len);
out:
	putname(to);
	putname(from);
	return err;
}

SYSCALL_DEFINE5(linkat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, int, flags)
{
	return do_linkat(olddfd, oldname, newdfd, newname, flags);
}

/* symlink(2), symlinkat(2): a name whose content is the path oldname
 * (not checked, and dangling is fine; empty is ENOENT). */
long do_symlinkat(const char __user *oldname, int newdfd,
		const char __user *newname)
{
	struct inode *dir, *parent, *inode;
	const char *last;
	char *from, *to;
	long err = 0;
	int len;

	from = getname(oldname);
	if (IS_ERR(from))
		return PTR_ERR(from);
	to = getname(newname);
	if (IS_ERR(to)) {
		putname(from);
		return PTR_ERR(to);
	}
	err = -ENOENT;
	if (!from[0])
		goto out;
	dir = dirfd_inode(newdfd, &err);
	parent = dir ? path_parent(dir, to, &last, &len, &err) : NULL;
	if (!parent)
		goto out;
	inode = vfs_new(parent, last, len, S_IFLNK | S_IRWXUGO, &err);
	if (!inode)
		goto out;
	err = ramfs_set_data(inode, from, strlen(from));
	if (err)
		vfs_unlink(parent, last, len);	/* no memory for it */
out:
	putname(to);
	putname(from);
	return err;
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}
