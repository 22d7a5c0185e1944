/*
 * The memory devices of major 1, as Linux's drivers/char/mem.c: /dev/null
 * (reads end at once, writes vanish), /dev/zero (reads zeros, writes
 * vanish, mappings are zeroed memory), /dev/full (reads zeros, writes
 * fail with ENOSPC), and /dev/random and /dev/urandom (bytes from
 * getrandom's generator; writes are accepted and ignored, as Linux's only
 * mix them in). Their reads fill the kernel buffer fs/read_write.c hands
 * them, a chunk at a time, so a huge read still gives the CPU up between
 * chunks.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/string.h>

static ssize_t read_null(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	(void)f;
	(void)kbuf;
	(void)n;
	(void)pos;
	return 0;
}

static ssize_t write_null(struct file *f, const char *kbuf, size_t n,
			  loff_t *pos)
{
	(void)f;
	(void)kbuf;
	(void)pos;
	return n;
}

static ssize_t read_zero(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	(void)f;
	(void)pos;
	memset(kbuf, 0, n);
	return n;
}

static ssize_t write_full(struct file *f, const char *kbuf, size_t n,
			  loff_t *pos)
{
	(void)f;
	(void)kbuf;
	(void)n;
	(void)pos;
	return -ENOSPC;
}

static ssize_t read_random(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	(void)f;
	(void)pos;
	get_random_bytes(kbuf, n);
	return n;
}

const struct file_operations null_fops = {
	.read = read_null,
	.write = write_null,
};

/* mmap of /dev/zero: zeroed memory. MAP_PRIVATE is plain anonymous
 * memory; MAP_SHARED is shared anonymous memory (Linux's shmem). */
static int mmap_zero(struct file *f, struct vm_area_struct *vma)
{
	if (vma->vm_flags & VM_SHARED)
		return shmem_zero_setup(vma);
	vma->vm_file = NULL;	/* anonymous, as vma_set_anonymous() */
	fput(f);
	return 0;
}

const struct file_operations zero_fops = {
	.read = read_zero,
	.write = write_null,
	.mmap = mmap_zero,
};

const struct file_operations full_fops = {
	.read = read_zero,
	.write = write_full,
};

const struct file_operations random_fops = {
	.read = read_random,
	.write = write_null,
};
