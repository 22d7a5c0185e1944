/*
 * The RAM file system: a directory is a list of names (dentries), each
 * naming an inode; a regular file's bytes sit in pages in its page cache
 * (mm/filemap.c), a symlink's target in i_link. An inode lives while it
 * has a name (i_nlink) or a user (i_count): one unlinked while open stays
 * until the last close. A removed directory still in use keeps its old
 * parent alive, so ".." from a removed working directory still leads
 * somewhere, as in Linux. Permission checks are the callers' (fs/namei.c);
 * this file only keeps the tree consistent.
 */
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <uapi/linux/fs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct inode *root_inode;
static struct super_block ramfs_sb;
static unsigned long next_ino = 1;
static DEFINE_SPINLOCK(ramfs_lock);

/* The time of day, for timestamps (there is no clock before boot). */
struct timespec64 current_time(struct inode *inode)
{
	u64 ns = ktime_get_ns();
	struct timespec64 now = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };

	(void)inode;
	return now;
}

/* A new inode of super block sb, not yet in any directory. */
struct inode *new_inode(struct super_block *sb, u32 mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_sb = sb;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	INIT_LIST_HEAD(&inode->i_children);
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	init_rwsem(&inode->i_data.i_mmap_rwsem);
	spin_lock(&ramfs_lock);
	inode->i_ino = next_ino++;
	spin_unlock(&ramfs_lock);
	return inode;
}

/*
 * Owner and group of a new inode (Linux's inode_init_owner): the
 * creator's fsuid, and its fsgid unless the directory is set-group-ID,
 * whose group new entries take (a new directory inherits the bit too).
 */
static void inode_init_owner(struct inode *inode, const struct inode *dir)
{
	inode->i_uid = current_fsuid();
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(inode->i_mode))
			inode->i_mode |= S_ISGID;
	} else {
		inode->i_gid = current_fsgid();
	}
}

void ramfs_init(void)
{
	ramfs_sb.s_maxbytes = MAX_LFS_FILESIZE;
	ramfs_sb.s_magic = RAMFS_MAGIC;
	root_inode = new_inode(&ramfs_sb, S_IFDIR | 0755);
	if (!root_inode)
		panic("ramfs: no memory for the root directory");
	root_inode->i_parent = root_inode;
}

static bool is_dot_or_dotdot(const char *name, int len)
{
	return (len == 1 && name[0] == '.') ||
	       (len == 2 && name[0] == '.' && name[1] == '.');
}

/* A name's hash (Linux's full_name_hash does the same job): a lookup
 * compares it before the bytes, so a directory of many names that differ
 * only at the end (file-000001, file-000002...) costs one comparison of a
 * word per name, not a memcmp. */
static unsigned int d_name_hash(const char *name, int len)
{
	unsigned int hash = 2166136261u;	/* FNV-1a */

	while (len--)
		hash = (hash ^ (unsigned char)*name++) * 16777619u;
	return hash;
}

/* The dentry called name (len bytes) in dir as the tree holds it now,
 * or NULL; not "." or ".." (Linux's d_lookup: no file system asked). */
struct dentry *d_lookup(struct inode *dir, const char *name, int len)
{
	unsigned int hash = d_name_hash(name, len);
	struct dentry *d;

	list_for_each_entry(d, &dir->i_children, d_child)
		if (d->d_hash == hash && (int)d->d_len == len &&
		    !memcmp(d->d_name, name, len))
			return d;
	return NULL;
}

/* The dentry called name in dir, for a path lookup: /proc makes a
 * process's directory the first time one asks for it. */
struct dentry *ramfs_lookup_dentry(struct inode *dir, const char *name,
				   int len)
{
	if (dir == proc_root)
		proc_pid_lookup(name, len);
	return d_lookup(dir, name, len);
}

/* The inode called name (len bytes) in dir, or NULL. */
struct inode *ramfs_lookup(struct inode *dir, const char *name, int len)
{
	struct dentry *d;

	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->i_parent;
	d = ramfs_lookup_dentry(dir, name, len);
	return d ? d->d_inode : NULL;
}

static struct dentry *d_alloc(struct inode *dir, const char *name, int len)
{
	struct dentry *d = kmalloc(sizeof(*d) + len + 1, GFP_KERNEL);

	if (!d)
		return NULL;
	d->d_parent = dir;
	d->d_inode = NULL;
	d->d_len = len;
	d->d_hash = d_name_hash(name, len);
	memcpy(d->d_name, name, len);
	d->d_name[len] = '\0';
	INIT_LIST_HEAD(&d->d_child);
	return d;
}

/*
 * A name joining a directory's list goes at its tail with a directory
 * offset larger than any given before, so a directory read that stopped
 * at offset N resumes after exactly the names it already returned,
 * whatever was removed meanwhile (Linux's dcache_readdir keeps a cursor
 * in the list for the same reason). 0, 1 and 2 are ".", ".." and the
 * end of ".."; 2^63 names would wrap it.
 */
static void d_add_child(struct dentry *d, struct inode *dir)
{
	static loff_t last_off = 2;

	spin_lock(&ramfs_lock);
	d->d_off = ++last_off;
	spin_unlock(&ramfs_lock);
	list_add_tail(&d->d_child, &dir->i_children);
}

/* Put inode under the name d in its directory; a directory is linked to
 * its new parent. */
static void d_instantiate(struct dentry *d, struct inode *inode)
{
	struct inode *dir = d->d_parent;

	d->d_inode = inode;
	d_add_child(d, dir);
	if (S_ISDIR(inode->i_mode)) {
		inode->i_dentry = d;
		inode->i_parent = dir;
		dir->i_nlink++;
	}
	dir->i_mtime = dir->i_ctime = current_time(dir);
}

/* A new, empty entry in dir; *err = -EEXIST, -ENAMETOOLONG, -ENOMEM...
 * No permission checks: the kernel (initramfs, /proc) calls this as is,
 * system calls through vfs_create/vfs_mkdir. */
struct inode *ramfs_create(struct inode *dir, const char *name, int len,
			   u32 mode, long *err)
{
	struct inode *inode;
	struct dentry *d;

	if (!S_ISDIR(dir->i_mode)) {
		*err = -ENOTDIR;
		return NULL;
	}
	if (!dir->i_nlink) {
		*err = -ENOENT;	/* the directory was removed */
		return NULL;
	}
	if (len > NAME_MAX) {
		*err = -ENAMETOOLONG;
		return NULL;
	}
	if (len == 0 || is_dot_or_dotdot(name, len) ||
	    d_lookup(dir, name, len)) {
		*err = -EEXIST;
		return NULL;
	}
	d = d_alloc(dir, name, len);
	inode = d ? new_inode(dir->i_sb, mode) : NULL;
	if (!inode) {
		kfree(d);
		*err = -ENOMEM;
		return NULL;
	}
	inode_init_owner(inode, dir);
	d_instantiate(d, inode);
	return inode;
}

/*
 * Fill a new inode from a kernel buffer (the initramfs): a regular file's
 * bytes go into its pages, a symlink's target into i_link.
 */
int ramfs_set_data(struct inode *inode, const void *data, size_t size)
{
	loff_t pos = 0;
	ssize_t n;

	if (S_ISLNK(inode->i_mode)) {
		if (size >= PATH_MAX)
			return -ENAMETOOLONG;
		inode->i_link = kmalloc(size + 1, GFP_KERNEL);
		if (!inode->i_link)
			return -ENOMEM;
		memcpy(inode->i_link, data, size);
		inode->i_link[size] = '\0';
		inode->i_size = size;
		return 0;
	}
	if ((loff_t)size > inode->i_sb->s_maxbytes)
		return -EFBIG;
	while (pos < (loff_t)size) {
		n = generic_perform_write(inode, (const char *)data + pos,
					  size - pos, &pos);
		if (n < 0)
			return n;
	}
	return 0;
}

/*
 * Set a regular file's size (ftruncate, O_TRUNC): shrinking frees the
 * pages past the end, growing leaves a hole. The caller has checked size
 * against the limits (0 <= size <= s_maxbytes).
 */
int ramfs_setsize(struct inode *inode, loff_t size)
{
	loff_t old = inode->i_size;

	inode->i_size = size;
	inode->i_mtime = inode->i_ctime = current_time(inode);
	if (size < old)
		truncate_pagecache(inode, size);
	return 0;
}

/* A new name in dir for inode, which is not a directory (link(2)). */
int ramfs_link(struct inode *inode, struct inode *dir, const char *name,
	       int len)
{
	struct dentry *d;

	if (!dir->i_nlink)
		return -ENOENT;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (!len || ramfs_lookup(dir, name, len))
		return -EEXIST;
	if (!inode->i_nlink)
		return -ENOENT;	/* linking a removed, still open file */
	d = d_alloc(dir, name, len);
	if (!d)
		return -ENOMEM;
	inode->i_nlink++;
	inode->i_ctime = current_time(inode);
	d_instantiate(d, inode);
	return 0;
}

void ihold(struct inode *inode)
{
	__atomic_fetch_add(&inode->i_count, 1, __ATOMIC_RELAXED);
}

static void free_inode(struct inode *inode)
{
	/* A file given a directory to hold (/proc/<pid>/'s files, whose
	 * process is their directory's) lets go of it now. */
	struct inode *held = S_ISDIR(inode->i_mode) ? NULL : inode->i_parent;

	truncate_inode_pages(&inode->i_data, 0);
	kfree(inode->i_link);
	kfree(inode);
	iput(held);
}

/*
 * Drop a use of an inode. The last use of a removed one frees it; a
 * removed directory also drops the hold it had on its old parent, which
 * may be the last use of that one in turn: a loop, not recursion, however
 * deep the chain.
 */
void iput(struct inode *inode)
{
	while (inode &&
	       !__atomic_sub_fetch(&inode->i_count, 1, __ATOMIC_ACQ_REL) &&
	       !inode->i_nlink) {
		struct inode *parent = S_ISDIR(inode->i_mode) ?
					       inode->i_parent : NULL;

		free_inode(inode);
		inode = parent;
	}
}

/*
 * A regular file that no directory holds, of size bytes: the object behind
 * a MAP_SHARED|MAP_ANONYMOUS mapping (Linux's shmem "/dev/zero (deleted)").
 * It has no name (i_nlink 0), so it goes when its last user iput()s it.
 */
struct inode *ramfs_get_unnamed_inode(u32 mode, loff_t size)
{
	struct inode *inode = new_inode(&ramfs_sb, S_IFREG | mode);

	if (!inode)
		return NULL;
	inode->i_nlink = 0;
	inode->i_size = size;
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	return inode;
}

/*
 * inode lost one of its names in dir. Its last name gone and nobody using
 * it, it goes now; else it lives on until iput() drops the last use (a
 * directory holding dir meanwhile, for "..").
 */
static void drop_name(struct inode *dir, struct inode *inode)
{
	struct timespec64 now = current_time(inode);

	dir->i_mtime = dir->i_ctime = now;
	inode->i_ctime = now;
	if (S_ISDIR(inode->i_mode)) {
		inode->i_nlink = 0;
		inode->i_dentry = NULL;
		dir->i_nlink--;
	} else {
		inode->i_nlink--;
	}
	if (inode->i_nlink)
		return;
	if (inode->i_count) {
		if (S_ISDIR(inode->i_mode))
			ihold(dir);
		return;
	}
	free_inode(inode);
}

/* Take the name d out of its directory. */
static void d_delete(struct dentry *d)
{
	struct inode *dir = d->d_parent, *inode = d->d_inode;

	list_del(&d->d_child);
	kfree(d);
	drop_name(dir, inode);
}

/* Remove a name that is not a directory's (unlink). */
int ramfs_unlink(struct inode *dir, const char *name, int len)
{
	struct dentry *d;

	if (!len || is_dot_or_dotdot(name, len))
		return -EISDIR;	/* unlink("/"), ".", "..": directories */
	d = d_lookup(dir, name, len);
	if (!d)
		return -ENOENT;
	if (S_ISDIR(d->d_inode->i_mode))
		return -EISDIR;
	d_delete(d);
	return 0;
}

/* Remove an empty directory (rmdir), with Linux's errors: "." is EINVAL,
 * ".." ENOTEMPTY, the root EBUSY. */
int ramfs_rmdir(struct inode *dir, const char *name, int len)
{
	struct dentry *d;

	if (!len)
		return -EBUSY;	/* "/" */
	if (len == 1 && name[0] == '.')
		return -EINVAL;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return -ENOTEMPTY;
	d = d_lookup(dir, name, len);
	if (!d)
		return -ENOENT;
	if (!S_ISDIR(d->d_inode->i_mode))
		return -ENOTDIR;
	if (!list_empty(&d->d_inode->i_children))
		return -ENOTEMPTY;
	d_delete(d);
	return 0;
}

/* Is inode dir itself or one of dir's ancestors? */
static bool is_ancestor(struct inode *inode, struct inode *dir)
{
	for (;;) {
		if (dir == inode)
			return true;
		if (dir == root_inode || !dir->i_nlink)
			return false;
		dir = dir->i_parent;
	}
}

/* A directory moved from old_dir to the name d. */
static void move_dir(struct inode *inode, struct inode *old_dir,
		     struct dentry *d)
{
	old_dir->i_nlink--;
	d->d_parent->i_nlink++;
	inode->i_parent = d->d_parent;
	inode->i_dentry = d;
}

/*
 * rename: move the name old (in old_dir) to name in new_dir, replacing
 * what is there, or swapping the two (RENAME_EXCHANGE), with Linux's
 * errors for what cannot be: EINVAL for a directory moved under itself,
 * ENOTDIR / EISDIR when a directory would replace a file or the other
 * way round, ENOTEMPTY for a non-empty directory replaced, EEXIST with
 * RENAME_NOREPLACE, ENOENT with RENAME_EXCHANGE and nothing to swap with.
 * Permissions are the caller's (do_renameat2).
 */
int ramfs_rename(struct inode *old_dir, struct dentry *old,
		 struct inode *new_dir, const char *name, int len,
		 unsigned int flags)
{
	struct inode *inode = old->d_inode, *target;
	struct dentry *new = d_lookup(new_dir, name, len);
	struct timespec64 now = current_time(inode);

	target = new ? new->d_inode : NULL;
	if (!new_dir->i_nlink)
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && target)
		return -EEXIST;
	if ((flags & RENAME_EXCHANGE) && !target)
		return -ENOENT;
	if (S_ISDIR(inode->i_mode) && is_ancestor(inode, new_dir))
		return -EINVAL;	/* into itself */
	if (flags & RENAME_EXCHANGE) {
		if (S_ISDIR(target->i_mode) && is_ancestor(target, old_dir))
			return -EINVAL;
		if (new == old)
			return 0;
		/* The names stay; the inodes behind them trade places. */
		old->d_inode = target;
		new->d_inode = inode;
		if (S_ISDIR(inode->i_mode))
			move_dir(inode, old_dir, new);
		if (S_ISDIR(target->i_mode))
			move_dir(target, new_dir, old);
		target->i_ctime = now;
	} else if (target) {
		if (target == inode)
			return 0;	/* two names of one file: nothing */
		if (S_ISDIR(inode->i_mode) && !S_ISDIR(target->i_mode))
			return -ENOTDIR;
		if (!S_ISDIR(inode->i_mode) && S_ISDIR(target->i_mode))
			return -EISDIR;
		if (S_ISDIR(target->i_mode) && !list_empty(&target->i_children))
			return -ENOTEMPTY;
		/* The target's name now names inode; the old name goes. */
		new->d_inode = inode;
		if (S_ISDIR(inode->i_mode))
			move_dir(inode, old_dir, new);
		list_del(&old->d_child);
		kfree(old);
		drop_name(new_dir, target);
	} else {
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		new = d_alloc(new_dir, name, len);
		if (!new)
			return -ENOMEM;
		new->d_inode = inode;
		d_add_child(new, new_dir);
		if (S_ISDIR(inode->i_mode))
			move_dir(inode, old_dir, new);
		list_del(&old->d_child);
		kfree(old);
	}
	inode->i_ctime = now;
	old_dir->i_mtime = old_dir->i_ctime = now;
	new_dir->i_mtime = new_dir->i_ctime = now;
	return 0;
}

/*
 * A read updates atime as Linux's default "relatime" does: only when
 * atime is not after mtime or ctime (so "read since written?" can be
 * answered) or is a day old, which keeps reads from dirtying the inode.
 */
static void touch_atime(struct inode *inode)
{
	struct timespec64 now = current_time(inode);
	s64 at = inode->i_atime.tv_sec;

	if (at <= inode->i_mtime.tv_sec || at <= inode->i_ctime.tv_sec ||
	    now.tv_sec - at >= 24 * 60 * 60)
		inode->i_atime = now;
}

static ssize_t ramfs_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	ssize_t ret = filemap_read(f->f_inode, kbuf, n, pos);

	if (ret > 0)
		touch_atime(f->f_inode);
	return ret;
}

/*
 * A write by anyone but root takes set-user-ID, and set-group-ID with
 * group execute, off the file (Linux's file_remove_privs): changed code
 * must not keep someone else's privileges.
 */
static void file_remove_privs(struct inode *inode)
{
	u32 kill = S_ISUID;

	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
		kill |= S_ISGID;
	if ((inode->i_mode & kill) && !capable_fs()) {
		inode->i_mode &= ~kill;
		inode->i_ctime = current_time(inode);
	}
}

static ssize_t ramfs_write(struct file *f, const char *kbuf, size_t n,
			   loff_t *pos)
{
	struct inode *inode = f->f_inode;
	ssize_t err = generic_write_checks(f, pos, &n);

	if (err)
		return err;
	file_remove_privs(inode);
	err = generic_perform_write(inode, kbuf, n, pos);
	if (err > 0)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	return err;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = generic_file_mmap,
};

const struct file_operations ramfs_dir_operations = { 0 };
