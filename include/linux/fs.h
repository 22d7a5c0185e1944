/* Open files: struct file and the operations a file's owner provides.
 * The console and the RAM filesystem plug in here. */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>

struct file;
struct inode;

struct file_operations {
	ssize_t (*read)(struct file *f, char *ubuf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t n,
			 loff_t *pos);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*release)(struct file *f);
};

struct file {
	int f_count;		/* references: fds and dup()s */
	unsigned int f_flags;	/* O_* given to open */
	loff_t f_pos;
	const struct file_operations *f_op;
	struct inode *f_inode;
	void *private_data;
};

struct file *alloc_file(const struct file_operations *fops, unsigned int flags);
static inline struct file *get_file(struct file *f)
{
	__atomic_fetch_add(&f->f_count, 1, __ATOMIC_RELAXED);
	return f;
}
void fput(struct file *f);

#endif
