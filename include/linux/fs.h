/*
 * Files and the in-memory file system. Clonix has one file system, a RAM
 * file system filled from the initramfs at boot (fs/ramfs.c). A name is a
 * struct dentry in its directory's list, so a file may have several (hard
 * links); a directory has one, and its inode points back at it and at its
 * parent, which is all "..", getcwd and rename need.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/errno.h>
#include <asm/page.h>
#include <linux/list.h>
#include <linux/radix-tree.h>
#include <linux/rwsem.h>
#include <linux/stat.h>
#include <linux/time.h>
#include <linux/types.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_NESTED_LINKS 8
#define MAXSYMLINKS 40	/* links one lookup may follow in all */
/* The most one read, write or getrandom moves, as Linux: a count that
 * fits an int, whole pages. */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

/*
 * The largest file offset. A file's pages are indexed by an unsigned long
 * page number, so a 32-bit kernel reaches 2^32 pages (16 TiB) and a 64-bit
 * one the whole positive loff_t range, as Linux's MAX_LFS_FILESIZE. A
 * 32-bit program that did not open with O_LARGEFILE is held to
 * MAX_NON_LFS, the largest offset its 32-bit off_t can hold.
 */
#define MAX_LFS_FILESIZE                                          \
	(sizeof(long) == 8 ? (loff_t)(~0ULL >> 1)                  \
			   : (loff_t)(unsigned long)~0UL << PAGE_SHIFT)
#define MAX_NON_LFS ((loff_t)0x7fffffff)
/* A 64-bit kernel's off_t is 64 bits: every open is O_LARGEFILE. */
#define force_o_largefile() (sizeof(long) == 8)

struct file;
struct inode;
struct vm_area_struct;

struct poll_table_struct;

struct file_operations {
	/* Called by open once the struct file exists (the terminal picks its
	 * tty here); an error undoes the open. */
	int (*open)(struct inode *inode, struct file *f);
	/* lseek for a special file that has positions (/proc's): without
	 * it, a special file answers ESPIPE. */
	loff_t (*llseek)(struct file *f, loff_t offset, int whence);
	ssize_t (*read)(struct file *f, char *kbuf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *kbuf, size_t n,
			 loff_t *pos);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* The POLL* events ready now; poll_wait()s on its queues. */
	unsigned int (*poll)(struct file *f, struct poll_table_struct *pt);
	void (*release)(struct file *f);
	/* Set up a new mapping of the file (vma->vm_file is set); files
	 * without it cannot be mapped: mmap gives -ENODEV. */
	int (*mmap)(struct file *f, struct vm_area_struct *vma);
};

/* What an inode of a special file system does differently. */
struct inode_operations {
	/* A symbolic link whose target is computed at each use (/proc/self):
	 * writes it, NUL-terminated, into buf (size bytes); its length. */
	int (*get_link)(struct inode *inode, char *buf, int size);
};

/*
 * What Linux keeps per mounted file system; Clonix has one, the RAM one.
 * A new inode belongs to its directory's super block, so a directory
 * given another one (a /proc of its own, say) heads a separate file
 * system: statfs shows its magic, and rename and link across say EXDEV.
 */
struct super_block {
	loff_t s_maxbytes;	/* the largest file offset it can store */
	unsigned long s_magic;	/* statfs's f_type */
};

/*
 * A file's data: its pages, by page number, in a radix tree (the page
 * cache, which for a RAM file system is the only copy). An index with no
 * page is a hole and reads as zeros, so a sparse file costs only the pages
 * written.
 */
struct address_space {
	struct radix_tree_root i_pages;
	unsigned long nrpages;
	struct list_head i_mmap;	/* the VMAs mapping it (vma->shared) */
	struct rw_semaphore i_mmap_rwsem;	/* write to change i_mmap */
};

/*
 * A name in a directory (Linux's dentry, reduced to what a RAM file system
 * needs): hard links are several dentries for one inode.
 */
struct dentry {
	struct inode *d_inode;	/* what the name names */
	struct inode *d_parent;	/* the directory holding the name */
	struct list_head d_child;	/* link in d_parent->i_children */
	loff_t d_off;		/* its place for getdents64: grows along
				 * i_children, never reused (dentry_set_off) */
	unsigned int d_len;
	unsigned int d_hash;	/* of the name, compared first by d_lookup */
	char d_name[];		/* d_len bytes and a NUL */
};

struct inode {
	unsigned long i_ino;
	u32 i_mode;		/* S_IF* type and permission bits */
	u32 i_uid;		/* owner and group */
	u32 i_gid;
	unsigned int i_nlink;	/* names (a directory: 2 + subdirectories);
				 * 0 once the last is removed */
	int i_count;		/* open files and cwd/root using it */
	int i_writecount;	/* > 0: files open for writing; < 0: running
				 * programs (see deny_write_access) */
	u32 i_rdev;		/* device number, for /dev nodes */
	struct timespec64 i_atime;	/* last read */
	struct timespec64 i_mtime;	/* last change of the data */
	struct timespec64 i_ctime;	/* last change of the inode */
	loff_t i_size;
	struct super_block *i_sb;
	struct address_space i_data;	/* a regular file's pages */
	char *i_link;		/* a symlink's target (i_size bytes) */
	const struct inode_operations *i_op;	/* /proc's special inodes */
	const struct file_operations *i_fop;	/* device and /proc files */
	void *i_private;	/* their owner's data */
	/* A directory has exactly one name: */
	struct dentry *i_dentry;	/* it (NULL: root, or removed) */
	/* A directory: the directory holding it (root: itself). Another
	 * inode: NULL, or a directory it holds a use of until it is freed
	 * (/proc/<pid>/'s files hold their process's directory). */
	struct inode *i_parent;
	struct list_head i_children;	/* a directory's entries (dentries) */
};

struct file {
	int f_count;		/* references: fds and dup()s */
	unsigned int f_flags;	/* O_* given to open */
	unsigned int f_mode;	/* FMODE_WRITER: holds write access */
	loff_t f_pos;
	const struct file_operations *f_op;
	struct inode *f_inode;
	void *private_data;
};

#define FMODE_WRITER 0x1	/* counted in its inode's i_writecount */

/*
 * A regular file is written or run, never both at once, as Linux has it:
 * i_writecount counts the files open for writing (get_write_access) or,
 * below zero, the address spaces running the file (deny_write_access,
 * held by mm->exe_file). Opening a running program for writing, or
 * truncating it, is ETXTBSY; so is running a file open for writing.
 */
static inline int get_write_access(struct inode *inode)
{
	int n = __atomic_load_n(&inode->i_writecount, __ATOMIC_RELAXED);

	do {
		if (n < 0)
			return -ETXTBSY;
	} while (!__atomic_compare_exchange_n(&inode->i_writecount, &n, n + 1,
					      false, __ATOMIC_ACQ_REL,
					      __ATOMIC_RELAXED));
	return 0;
}

static inline void put_write_access(struct inode *inode)
{
	__atomic_fetch_sub(&inode->i_writecount, 1, __ATOMIC_RELEASE);
}

int deny_write_access(struct file *file);

static inline void allow_write_access(struct file *file)
{
	__atomic_fetch_add(&file->f_inode->i_writecount, 1, __ATOMIC_RELEASE);
}

struct file *alloc_file(struct inode *inode, unsigned int flags);
struct file *alloc_empty_file(unsigned int flags);
void file_attach_inode(struct file *f, struct inode *inode);
static inline struct file *get_file(struct file *f)
{
	__atomic_fetch_add(&f->f_count, 1, __ATOMIC_RELAXED);
	return f;
}
void fput(struct file *f);

/* fs/ramfs.c */
#define RAMFS_MAGIC 0x858458f6
extern struct inode *root_inode;
void ramfs_init(void);
struct inode *new_inode(struct super_block *sb, u32 mode);
struct inode *ramfs_lookup(struct inode *dir, const char *name, int len);
struct dentry *d_lookup(struct inode *dir, const char *name, int len);
struct dentry *ramfs_lookup_dentry(struct inode *dir, const char *name,
				   int len);
struct inode *ramfs_create(struct inode *dir, const char *name, int len,
			   u32 mode, long *err);
int ramfs_set_data(struct inode *inode, const void *data, size_t size);
int ramfs_link(struct inode *inode, struct inode *dir, const char *name,
	       int len);
int ramfs_unlink(struct inode *dir, const char *name, int len);
int ramfs_rmdir(struct inode *dir, const char *name, int len);
int ramfs_rename(struct inode *old_dir, struct dentry *old,
		 struct inode *new_dir, const char *name, int len,
		 unsigned int flags);
int ramfs_setsize(struct inode *inode, loff_t size);
/* The time to stamp on an inode now (Linux's current_time). */
struct timespec64 current_time(struct inode *inode);
/* A new regular file with no name (shared anonymous memory's object). */
struct inode *ramfs_get_unnamed_inode(u32 mode, loff_t size);
/* Take / drop a use of an inode; an unlinked one is freed at the last. */
void ihold(struct inode *inode);
void iput(struct inode *inode);
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations ramfs_dir_operations;

/* fs/open.c */
struct file *filp_open(struct inode *dir, const char *name, int flags,
		       u32 mode);
/* The directory a *at() call's relative path starts from. */
struct inode *dirfd_inode(int dfd, long *err);
/* fs/stat.c: what filename names from dfd (AT_SYMLINK_NOFOLLOW,
 * AT_EMPTY_PATH: dfd's own file), or NULL and *err. */
struct inode *at_inode(int dfd, const char __user *filename, int flags,
		long *err);
long do_truncate(struct inode *inode, loff_t length);
long do_sys_truncate(const char __user *pathname, loff_t length);
long do_sys_ftruncate(unsigned int fd, loff_t length, bool large);
long do_fchmodat(int dfd, const char __user *filename, u32 mode);
long do_fchownat(int dfd, const char __user *filename, u32 user, u32 group,
		 int flag);
long ksys_fchown(unsigned int fd, u32 user, u32 group);
long vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len);
long ksys_fallocate(int fd, int mode, loff_t offset, loff_t len);

/* fs/namei.c: the name-space calls shared with i386's older forms */
long do_renameat2(int olddfd, const char __user *oldname, int newdfd,
		  const char __user *newname, unsigned int flags);
long do_linkat(int olddfd, const char __user *oldname, int newdfd,
	       const char __user *newname, int flags);
long do_symlinkat(const char __user *oldname, int newdfd,
		const char __user *newname);

/* fs/utimes.c: times[0] is atime, times[1] mtime; NULL: both now.
 * tv_nsec may be UTIME_NOW or UTIME_OMIT. */
#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)
long do_utimes(int dfd, const char __user *filename, struct timespec64 *times,
	       int flags);

/* fs/statfs.c */
struct kstatfs {
	long f_type;
	long f_bsize;
	u64 f_blocks;
	u64 f_bfree;
	u64 f_bavail;
	u64 f_files;
	u64 f_ffree;
	long f_namelen;
	long f_frsize;
	long f_flags;
};
int user_statfs(const char __user *pathname, struct kstatfs *st);
int fd_statfs(int fd, struct kstatfs *st);

/* fs/namei.c: the inode a path names, from dir (or / for absolute ones) */
struct inode *path_lookup(struct inode *dir, const char *path, bool follow,
			  long *err);
struct inode *path_parent(struct inode *dir, const char *path,
			  const char **last, int *lastlen, long *err);

/* fs/namei.c: permission checks with current's fsuid/fsgid (root passes
 * as Linux's root: read and write always, execute where an x bit is set
 * or on a directory). mask: MAY_READ | MAY_WRITE | MAY_EXEC. */
#define MAY_EXEC 0x1
#define MAY_WRITE 0x2
#define MAY_READ 0x4
int generic_permission(struct inode *inode, int mask);
int inode_permission(struct inode *inode, int mask);
bool inode_owner_or_capable(const struct inode *inode);
/* Create / remove names with the permission checks (write and search on
 * the directory, the sticky bit), then ramfs does it. */
struct inode *vfs_create(struct inode *dir, const char *name, int len,
			 u32 mode, long *err);
struct inode *vfs_mknod(struct inode *dir, const char *name, int len,
			u32 mode, unsigned int dev, long *err);
struct inode *vfs_mkdir(struct inode *dir, const char *name, int len,
			u32 mode, long *err);
int vfs_unlink(struct inode *dir, const char *name, int len);
int vfs_rmdir(struct inode *dir, const char *name, int len);

char *getname(const char __user *upath);	/* ERR_PTR on failure */
void putname(char *name);

/* fs/char_dev.c */
extern const struct file_operations def_chr_fops;
int register_chrdev(u32 rdev, const struct file_operations *fops);

/* fs/pipe.c */
extern const struct file_operations pipefifo_fops;
long do_pipe2(int __user *fildes, int flags);
long do_mknodat(int dfd, const char __user *filename, u32 mode,
		unsigned int dev);

/* fs/proc/: /proc, made at boot; each process's /proc/<pid> directory
 * is made by copy_process and removed by release_task. */
struct task_struct;
extern struct super_block proc_sb;	/* the super block of /proc's inodes */
extern struct inode *proc_root;	/* /proc */
void proc_root_init(void);
int proc_pid_instantiate(struct task_struct *task);
void proc_pid_lookup(const char *name, int len);
void proc_fill_pids(void);
void proc_flush_pid(struct task_struct *task);
void proc_pid_transfer(struct task_struct *old, struct task_struct *new);

/* fs/initramfs.c */
int populate_rootfs(const void *archive, unsigned long size);
void free_initrd_mem(const void *start, unsigned long size);

/* fs/file.c: file descriptors of current */
extern unsigned int sysctl_nr_open;
int get_unused_fd_flags(unsigned int flags);
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
struct file *fget(unsigned int fd);
int close_fd(unsigned int fd);
void do_close_on_exec(void);

/* fs/read_write.c */
loff_t vfs_llseek(struct file *f, loff_t offset, int whence);
ssize_t vfs_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos);
ssize_t vfs_write(struct file *f, const char __user *ubuf, size_t count,
		  loff_t *ppos);
/* Read a file from the kernel (exec reads programs so): bytes or -errno. */
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos);

/* mm/filemap.c and mm/truncate.c: file data in the page cache */
ssize_t generic_write_checks(struct file *f, loff_t *pos, size_t *count);
ssize_t filemap_read(struct inode *inode, char *kbuf, size_t count,
		     loff_t *pos);
ssize_t generic_perform_write(struct inode *inode, const char *kbuf,
			      size_t count, loff_t *pos);
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);
void truncate_inode_pages_range(struct address_space *mapping,
				loff_t lstart, loff_t lend);
void truncate_pagecache(struct inode *inode, loff_t newsize);
struct page *find_or_create_page(struct address_space *mapping,
				 unsigned long index);
int generic_file_mmap(struct file *f, struct vm_area_struct *vma);

/* fs/exec.c */
int do_execve(const char __user *filename,
		const char __user *const __user *argv,
	      const char __user *const __user *envp, bool from_kernel);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

/* drivers/tty/tty_io.c */
extern const struct file_operations tty_fops;
/* drivers/char/mem.c: /dev/null, /dev/zero, /dev/full, /dev/[u]random */
extern const struct file_operations null_fops;
extern const struct file_operations zero_fops;
extern const struct file_operations full_fops;
extern const struct file_operations random_fops;

#endif
