/*
 * Unpack the initramfs (a cpio "newc" archive) into the RAM file system,
 * as Linux's populate_rootfs() does: directories, regular files (whose
 * bytes stay in the initrd, which is never freed), and symbolic links,
 * with their modes. /dev/console and /dev/null are made afterwards, so
 * that pid 1 has a terminal whatever the archive holds.
 */
#include <linux/syscalls.h>
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/string.h>

#define CONSOLE_DEV ((5 << 8) | 1)	/* char 5,1 as in Linux */
#define TTY_DEV ((5 << 8) | 0)	/* char 5,0: /dev/tty */
#define MEM_DEV(minor) ((1 << 8) | (minor))	/* char 1,minor */

/* Create the entry for path (parents must exist, as cpio lists them). */
static int make_entry(const struct cpio_entry *e)
{
	const char *path = e->name, *last;
	struct inode *parent, *inode;
	long err = 0;
	int lastlen;

	while (*path == '/')
		path++;
	if (!strcmp(path, ".") || !*path)
		return 0;	/* the root itself */
	parent = path_parent(root_inode, path, &last, &lastlen, &err);
	if (!parent)
		return err;
	inode = ramfs_lookup(parent, last, lastlen);
	if (inode && S_ISDIR(inode->i_mode) && S_ISDIR(e->mode))
		return 0;	/* listed twice */
	if (inode)
		return -EEXIST;
	if (!S_ISDIR(e->mode) && !S_ISREG(e->mode) && !S_ISLNK(e->mode))
		return 0;	/* device nodes etc.: we make our own */
	inode = ramfs_create(parent, last, lastlen, e->mode, &err);
	if (!inode)
		return err;
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	inode->i_mtime.tv_sec = e->mtime;
	inode->i_atime = inode->i_mtime;
	if (!S_ISDIR(e->mode))
		return ramfs_set_data(inode, e->data, e->size);
	return 0;
}

static void make_device(const char *name, u32 rdev,
			const struct file_operations *fops)
{
	struct inode *dev = ramfs_lookup(root_inode, "dev", 3), *node;
	long err = 0;

	if (!dev)
		dev = ramfs_create(root_inode, "dev", 3, S_IFDIR | 0755, &err);
	if (!dev || !S_ISDIR(dev->i_mode))
		panic("initramfs: cannot create /dev");
	node = ramfs_lookup(dev, name, strlen(name));
	if (!node)
		node = ramfs_create(dev, name, strlen(name), S_IFCHR | 0666,
				    &err);
	if (!node)
		panic("initramfs: cannot create /dev/%s (%ld)", name, err);
	node->i_mode = S_IFCHR | 0666;
	node->i_rdev = rdev;
	node->i_fop = &def_chr_fops;
	if (register_chrdev(rdev, fops))
		panic("initramfs: device number of /dev/%s taken", name);
}

int populate_rootfs(const void *archive, unsigned long size)
{
	struct cpio_entry entry;
	size_t off = 0;
	int n = 0, r;

	while ((r = cpio_next(archive, size, &off, &entry)) > 0) {
		int err = make_entry(&entry);

		if (err)
			pr_warn("initramfs: %s: error %d, skipped\n",
				entry.name, err);
		else
			n++;
	}
	if (r < 0)
		panic("initramfs: not a cpio newc archive, or corrupt at "
		      "offset %zu", off);
	make_device("console", CONSOLE_DEV, &tty_fops);
	make_device("tty", TTY_DEV, &tty_fops);	/* the controlling tty */
	make_device("null", MEM_DEV(3), &null_fops);
	make_device("zero", MEM_DEV(5), &zero_fops);
	make_device("full", MEM_DEV(7), &full_fops);
	make_device("random", MEM_DEV(8), &random_fops);
	make_device("urandom", MEM_DEV(9), &random_fops);
	printk("initramfs: unpacked %d entries (%lu bytes)\n", n, size);
	return n;
}

/*
 * Every file now has its own copy in the page cache: give the initrd's
 * pages back to the allocator (Linux's "Freeing initrd memory").
 */
void free_initrd_mem(const void *start, unsigned long size)
{
	free_reserved_area(start, (const char *)start + size, "initrd");
}
