/*
 * The RAM file system: directories are lists of inodes, a file's bytes sit
 * in one buffer. Files unpacked from the initramfs point straight into the
 * initrd (i_capacity 0: not ours) until someone writes to them; then they
 * get a buffer of their own. Nothing here ever sleeps.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct inode *root_inode;
static unsigned long next_ino = 1;
static DEFINE_SPINLOCK(ramfs_lock);

static struct inode *new_inode(u32 mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	INIT_LIST_HEAD(&inode->i_children);
	INIT_LIST_HEAD(&inode->i_sibling);
	spin_lock(&ramfs_lock);
	inode->i_ino = next_ino++;
	spin_unlock(&ramfs_lock);
	return inode;
}

void ramfs_init(void)
{
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

/* Make the inode hold size bytes: point at data (copy false: the caller
 * keeps it alive) or a private copy. */
int ramfs_set_data(struct inode *inode, const void *data, size_t size,
		   bool copy)
{
	char *buf = (char *)data;

	if (copy && size) {
		buf = kmalloc(size, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		memcpy(buf, data, size);
	}
	if (inode->i_capacity)
		kfree(inode->i_data);
	inode->i_data = buf;
	inode->i_size = size;
	inode->i_capacity = copy ? size : 0;
	return 0;
}

/* Room for size bytes in a buffer we own (copying borrowed contents). */
static int ramfs_reserve(struct inode *inode, size_t size)
{
	size_t cap = inode->i_capacity ? inode->i_capacity : 64;
	char *buf;

	if (inode->i_capacity >= size)
		return 0;
	while (cap < size)
		cap *= 2;
	buf = kmalloc(cap, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, 0, cap);
	memcpy(buf, inode->i_data, inode->i_size);
	if (inode->i_capacity)
		kfree(inode->i_data);
	inode->i_data = buf;
	inode->i_capacity = cap;
	return 0;
}

void ihold(struct inode *inode)
{
	__atomic_fetch_add(&inode->i_count, 1, __ATOMIC_RELAXED);
}

static void free_inode(struct inode *inode)
{
	if (inode->i_capacity)
		kfree(inode->i_data);
	kfree(inode);
}

void iput(struct inode *inode)
{
	if (!__atomic_sub_fetch(&inode->i_count, 1, __ATOMIC_ACQ_REL) &&
	    !inode->i_nlink)
		free_inode(inode);
}

/* Remove a name; the file itself goes when nobody has it open. */
int ramfs_unlink(struct inode *dir, const char *name, int len)
{
	struct inode *inode = ramfs_lookup(dir, name, len);

	if (!inode || inode == dir || inode == dir->i_parent)
		return -ENOENT;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	list_del_init(&inode->i_sibling);
	inode->i_nlink = 0;
	if (!inode->i_count)
		free_inode(inode);
	return 0;
}

static ssize_t ramfs_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	struct inode *inode = f->f_inode;

	if (*pos >= inode->i_size)
		return 0;
	if ((loff_t)n > inode->i_size - *pos)
		n = inode->i_size - *pos;
	memcpy(kbuf, inode->i_data + *pos, n);
	*pos += n;
	return n;
}

static ssize_t ramfs_write(struct file *f, const char *kbuf, size_t n,
			   loff_t *pos)
{
	struct inode *inode = f->f_inode;
	int err;

	if (f->f_flags & O_APPEND)
		*pos = inode->i_size;
	err = ramfs_reserve(inode, *pos + n);
	if (err)
		return err;
	memcpy(inode->i_data + *pos, kbuf, n);
	*pos += n;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	return n;
}

/* Truncate to zero (O_TRUNC). */
void ramfs_truncate(struct inode *inode)
{
	if (!inode->i_capacity)
		inode->i_data = NULL;
	inode->i_size = 0;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
};

const struct file_operations ramfs_dir_operations = { 0 };
