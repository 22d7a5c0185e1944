/* struct file lifetime: allocated on open, shared by dup and fork, and
 * released (the owner's release op runs) when the last reference goes. */
#include <linux/fs.h>
#include <linux/slab.h>

struct file *alloc_file(const struct file_operations *fops, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_flags = flags;
	f->f_op = fops;
	return f;
}

void fput(struct file *f)
{
	if (__atomic_sub_fetch(&f->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	kfree(f);
}
