/*
 * Character devices by number: a driver registers the file operations of
 * its device number (register_chrdev), and every character-device inode,
 * whether unpacked at boot into /dev or made later by mknod(2), opens
 * through def_chr_fops, whose chrdev_open finds the driver by the inode's
 * i_rdev and hands the file over to it — Linux's fs/char_dev.c in its
 * simplest form. A number no driver has is ENXIO at open, as in Linux;
 * so are block devices and sockets, which Clonix does not have yet.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/spinlock.h>

#define MAX_CHRDEVS 32

static struct {
	u32 rdev;
	const struct file_operations *fops;
} chrdevs[MAX_CHRDEVS];
static int nr_chrdevs;
static DEFINE_SPINLOCK(chrdevs_lock);

int register_chrdev(u32 rdev, const struct file_operations *fops)
{
	int i, ret = 0;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].rdev == rdev)
			ret = -EBUSY;
	if (!ret && nr_chrdevs == MAX_CHRDEVS)
		ret = -ENOSPC;
	if (!ret) {
		chrdevs[nr_chrdevs].rdev = rdev;
		chrdevs[nr_chrdevs].fops = fops;
		nr_chrdevs++;
	}
	spin_unlock(&chrdevs_lock);
	return ret;
}

static const struct file_operations *chrdev_lookup(u32 rdev)
{
	const struct file_operations *fops = NULL;
	int i;

	spin_lock(&chrdevs_lock);
	for (i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].rdev == rdev)
			fops = chrdevs[i].fops;
	spin_unlock(&chrdevs_lock);
	return fops;
}

static int chrdev_open(struct inode *inode, struct file *f)
{
	const struct file_operations *fops = S_ISCHR(inode->i_mode) ?
		chrdev_lookup(inode->i_rdev) : NULL;	/* no block devices */

	if (!fops)
		return -ENXIO;
	f->f_op = fops;
	return fops->open ? fops->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};
