/*
 * The RAM file system: directories are lists of inodes, a regular file's
 * bytes sit in pages in its page cache (mm/filemap.c), a symlink's target
 * in i_link. A name removed while the inode is still in use (an open file,
 * a working directory) leaves the inode alive, nameless, until the last
 * user lets go; it keeps its old directory alive meanwhile, so ".." from a
 * removed working directory still leads somewhere, as in Linux.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct inode *root_inode;
static struct super_block ramfs_sb;
static unsigned long next_ino = 1;
static DEFINE_SPINLOCK(ramfs_lock);

static struct inode *new_inode(u32 mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_sb = &ramfs_sb;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	INIT_LIST_HEAD(&inode->i_children);
	INIT_LIST_HEAD(&inode->i_sibling);
	INIT_LIST_HEAD(&inode->i_data.i_mmap);
	init_rwsem(&inode->i_data.i_mmap_rwsem);
	spin_lock(&ramfs_lock);
	inode->i_ino = next_ino++;
	spin_unlock(&ramfs_lock);
	return inode;
}

void ramfs_init(void)
{
	ramfs_sb.s_maxbytes = MAX_LFS_FILESIZE;
	root_inode = new_inode(S_IFDIR | 0755);
	if (!root_inode)
		panic("ramfs: no memory for the root directory");
	root_inode->i_parent = root_inode;
}

/* The entry called name (len bytes) in dir, or NULL. */
struct inode *ramfs_lookup(struct inode *dir, const char *name, int len)
{
	struct inode *child;

	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->i_parent;
	list_for_each_entry(child, &dir->i_children, i_sibling)
		if ((int)strlen(child->i_name) == len &&
		    !memcmp(child->i_name, name, len))
			return child;
	return NULL;
}

/* A new, empty entry in dir; *err = -EEXIST, -ENAMETOOLONG, -ENOMEM... */
struct inode *ramfs_create(struct inode *dir, const char *name, int len,
			   u32 mode, long *err)
{
	struct inode *inode;

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
	if (len == 0 || ramfs_lookup(dir, name, len)) {
		*err = -EEXIST;
		return NULL;
	}
	inode = new_inode(mode);
	if (!inode) {
		*err = -ENOMEM;
		return NULL;
	}
	memcpy(inode->i_name, name, len);
	inode->i_name[len] = '\0';
	inode->i_parent = dir;
	list_add_tail(&inode->i_sibling, &dir->i_children);
	if (S_ISDIR(mode))
		dir->i_nlink++;
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
	if (size < old)
		truncate_pagecache(inode, size);
	return 0;
}

void ihold(struct inode *inode)
{
	__atomic_fetch_add(&inode->i_count, 1, __ATOMIC_RELAXED);
}

static void free_inode(struct inode *inode)
{
	truncate_inode_pages(&inode->i_data, 0);
	kfree(inode->i_link);
	kfree(inode);
}

/*
 * Drop a use of an inode. The last use of a removed one frees it, and
 * with it the hold it had on its old directory, which may be the last use
 * of that one in turn: a loop, not recursion, however deep the chain.
 */
void iput(struct inode *inode)
{
	while (inode &&
	       !__atomic_sub_fetch(&inode->i_count, 1, __ATOMIC_ACQ_REL) &&
	       !inode->i_nlink) {
		struct inode *parent = inode->i_parent;

		free_inode(inode);
		inode = parent;
	}
}

/*
 * A regular file that no directory holds, of size bytes: the object behind
 * a MAP_SHARED|MAP_ANONYMOUS mapping (Linux's shmem "/dev/zero (deleted)").
 * It hangs off the root, which it holds, as a removed file holds its old
 * directory, and it goes when its last user iput()s it.
 */
struct inode *ramfs_get_unnamed_inode(u32 mode, loff_t size)
{
	struct inode *inode = new_inode(S_IFREG | mode);

	if (!inode)
		return NULL;
	strscpy(inode->i_name, "dev/zero", sizeof(inode->i_name));
	inode->i_nlink = 0;
	inode->i_size = size;
	inode->i_parent = root_inode;
	ihold(root_inode);
	return inode;
}

/* Take inode's name out of dir. Nobody using it: it goes now; else it
 * lives on, holding dir, until iput() drops the last use. */
static void remove_name(struct inode *dir, struct inode *inode)
{
	list_del_init(&inode->i_sibling);
	inode->i_nlink = 0;
	if (S_ISDIR(inode->i_mode))
		dir->i_nlink--;
	if (inode->i_count) {
		ihold(dir);
		return;
	}
	free_inode(inode);
}

/* Remove a name that is not a directory's (unlink). */
int ramfs_unlink(struct inode *dir, const char *name, int len)
{
	struct inode *inode = ramfs_lookup(dir, name, len);

	if (!len || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return -EISDIR;	/* unlink("/"), ".", "..": directories */
	if (!inode)
		return -ENOENT;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	remove_name(dir, inode);
	return 0;
}

/* Remove an empty directory (rmdir), with Linux's errors: "." is EINVAL,
 * ".." ENOTEMPTY, the root EBUSY. */
int ramfs_rmdir(struct inode *dir, const char *name, int len)
{
	struct inode *inode;

	if (!len)
		return -EBUSY;	/* "/" */
	if (len == 1 && name[0] == '.')
		return -EINVAL;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return -ENOTEMPTY;
	inode = ramfs_lookup(dir, name, len);
	if (!inode)
		return -ENOENT;
	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (inode == root_inode)
		return -EBUSY;
	if (!list_empty(&inode->i_children))
		return -ENOTEMPTY;
	remove_name(dir, inode);
	return 0;
}

static ssize_t ramfs_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	return filemap_read(f->f_inode, kbuf, n, pos);
}

static ssize_t ramfs_write(struct file *f, const char *kbuf, size_t n,
			   loff_t *pos)
{
	ssize_t err = generic_write_checks(f, pos, &n);

	if (err)
		return err;
	return generic_perform_write(f->f_inode, kbuf, n, pos);
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.mmap = generic_file_mmap,
};

const struct file_operations ramfs_dir_operations = { 0 };
