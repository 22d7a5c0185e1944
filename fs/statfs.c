/*
 * statfs, fstatfs (and i386's statfs64 / fstatfs64): what df shows. The
 * file system is a RAM file system (ramfs's magic number, or that of the
 * super block a directory was given); its size is the machine's memory
 * and what is free is the free memory, since its files live in pages of
 * RAM. /proc (PROC_SUPER_MAGIC) and pipes store nothing and have no
 * blocks. Each call copies struct kstatfs out in its
 * own layout: struct statfs of the architecture's word size (asm-generic
 * on RISC-V, 32-bit words on i386), statfs64 with 64-bit counts.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define ST_VALID 0x0020	/* f_flags is filled in (Linux's ST_VALID) */

typedef struct {
	int val[2];
} __kernel_fsid_t;

/* The architecture's struct statfs: long words (asm-generic/statfs.h). */
struct statfs {
	long f_type;
	long f_bsize;
	long f_blocks;
	long f_bfree;
	long f_bavail;
	long f_files;
	long f_ffree;
	__kernel_fsid_t f_fsid;
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};

static void statfs_by_inode(struct inode *inode, struct kstatfs *st)
{
	memset(st, 0, sizeof(*st));
	st->f_type = inode->i_sb->s_magic;
	st->f_bsize = PAGE_SIZE;
	st->f_frsize = PAGE_SIZE;
	if (inode->i_sb->s_magic == RAMFS_MAGIC) {
		st->f_blocks = totalram_pages;
		st->f_bfree = nr_free_pages();
		st->f_bavail = st->f_bfree;
	}	/* /proc and pipes store nothing: no blocks, as Linux says */
	st->f_namelen = NAME_MAX;
	st->f_flags = ST_VALID;
}

int user_statfs(const char __user *pathname, struct kstatfs *st)
{
	struct inode *inode;
	long err = 0;
	char *name = getname(pathname);

	if (IS_ERR(name))
		return PTR_ERR(name);
	inode = path_lookup(current->fs->pwd, name, true, &err);
	putname(name);
	if (!inode)
		return err;
	statfs_by_inode(inode, st);
	return 0;
}

int fd_statfs(int fd, struct kstatfs *st)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	statfs_by_inode(f->f_inode, st);
	fput(f);
	return 0;
}

/* A count that a 32-bit word cannot hold is EOVERFLOW, as Linux. */
static int do_statfs_native(const struct kstatfs *st, struct statfs __user *p)
{
	struct statfs buf;

	memset(&buf, 0, sizeof(buf));
	buf.f_type = st->f_type;
	buf.f_bsize = st->f_bsize;
	buf.f_blocks = st->f_blocks;
	buf.f_bfree = st->f_bfree;
	buf.f_bavail = st->f_bavail;
	buf.f_files = st->f_files;
	buf.f_ffree = st->f_ffree;
	buf.f_namelen = st->f_namelen;
	buf.f_frsize = st->f_frsize;
	buf.f_flags = st->f_flags;
	if ((u64)(unsigned long)buf.f_blocks != st->f_blocks ||
	    (u64)(unsigned long)buf.f_bfree != st->f_bfree)
		return -EOVERFLOW;
	return copy_to_user(p, &buf, sizeof(buf)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(statfs, const char __user *, pathname,
		struct statfs __user *, buf)
{
	struct kstatfs st;
	int err = user_statfs(pathname, &st);

	return err ? err : do_statfs_native(&st, buf);
}

SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct kstatfs st;
	int err = fd_statfs(fd, &st);

	return err ? err : do_statfs_native(&st, buf);
}
