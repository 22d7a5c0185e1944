/*
 * Path lookup: walk a path one component at a time from the root (absolute
 * paths) or from a starting directory, following symbolic links (at most
 * MAX_NESTED_LINKS deep, then -ELOOP) and "." / "..". Errors are Linux's:
 * -ENOENT, -ENOTDIR, -ENAMETOOLONG, -ELOOP.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static struct inode *walk(struct inode *dir, const char *path, bool follow,
			  int depth, long *err);

/* Replace a symlink by what it points to, relative to its directory. */
static struct inode *follow_link(struct inode *link, int depth, long *err)
{
	struct inode *inode;
	char *target;

	if (depth >= MAX_NESTED_LINKS) {
		*err = -ELOOP;
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
	inode = walk(link->i_parent, target, true, depth + 1, err);
	kfree(target);
	return inode;
}

static struct inode *walk(struct inode *dir, const char *path, bool follow,
			  int depth, long *err)
{
	struct inode *inode = dir;

	if (*path == '/') {
		inode = root_inode;
		while (*path == '/')
			path++;
	}
	while (*path) {
		const char *end = strchr(path, '/');
		int len = end ? end - path : (int)strlen(path);
		bool last;

		if (len > NAME_MAX) {
			*err = -ENAMETOOLONG;
			return NULL;
		}
		if (!S_ISDIR(inode->i_mode)) {
			*err = -ENOTDIR;
			return NULL;
		}
		inode = ramfs_lookup(inode, path, len);
		if (!inode) {
			*err = -ENOENT;
			return NULL;
		}
		path += len;
		while (*path == '/')
			path++;
		last = !*path;
		if (S_ISLNK(inode->i_mode) && (!last || follow)) {
			inode = follow_link(inode, depth, err);
			if (!inode)
				return NULL;
		}
		if (last && end && !S_ISDIR(inode->i_mode)) {
			*err = -ENOTDIR;	/* "file/" */
			return NULL;
		}
	}
	return inode;
}

struct inode *path_lookup(struct inode *dir, const char *path, bool follow,
			  long *err)
{
	if (!*path) {
		*err = -ENOENT;
		return NULL;
	}
	return walk(dir, path, follow, 0, err);
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
char *getname(const char *upath)
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
