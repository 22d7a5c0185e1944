/*
 * Files and the in-memory file system. Clonix has one file system, a RAM
 * file system filled from the initramfs at boot (fs/ramfs.c). To stay
 * small, an inode here also carries its name and its parent directory —
 * Linux keeps those in a separate dentry — so a file has exactly one name.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <asm/page.h>
#include <linux/list.h>
#include <linux/radix-tree.h>
#include <linux/types.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_NESTED_LINKS 8
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
	void (*release)(struct file *f);
};

/* What an inode of a special file system does differently. */
struct inode_operations {
	/* A symbolic link whose target is computed at each use (/proc/self):
	 * writes it, NUL-terminated, into buf (size bytes); its length. */
	int (*get_link)(struct inode *inode, char *buf, int size);
};

/* What Linux keeps per mounted file system; Clonix has one, the RAM one. */
struct super_block {
	loff_t s_maxbytes;	/* the largest file offset it can store */
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
};

struct inode {
	unsigned long i_ino;
	u32 i_mode;		/* S_IF* type and permission bits */
	unsigned int i_nlink;	/* names: 0 once unlinked */
	int i_count;		/* open files and cwd/root using it */
	u32 i_rdev;		/* device number, for /dev nodes */
	u64 i_mtime;		/* seconds */
	loff_t i_size;
	struct super_block *i_sb;
	struct address_space i_data;	/* a regular file's pages */
	char *i_link;		/* a symlink's target (i_size bytes) */
	const struct inode_operations *i_op;	/* /proc's special inodes */
	const struct file_operations *i_fop;	/* device and /proc files */
	void *i_private;	/* their owner's data */
	char i_name[NAME_MAX + 1];
	struct inode *i_parent;	/* the directory holding us (root: itself) */
	struct list_head i_children;	/* a directory's entries */
	struct list_head i_sibling;	/* our link in the parent's list */
};

struct file {
	int f_count;		/* references: fds and dup()s */
	unsigned int f_flags;	/* O_* given to open */
	loff_t f_pos;
	const struct file_operations *f_op;
	struct inode *f_inode;
	void *private_data;
};

struct file *alloc_file(struct inode *inode, unsigned int flags);
static inline struct file *get_file(struct file *f)
{
	__atomic_fetch_add(&f->f_count, 1, __ATOMIC_RELAXED);
	return f;
}
void fput(struct file *f);

/* fs/ramfs.c */
extern struct inode *root_inode;
void ramfs_init(void);
struct inode *ramfs_lookup(struct inode *dir, const char *name, int len);
struct inode *ramfs_create(struct inode *dir, const char *name, int len,
			   u32 mode, long *err);
int ramfs_set_data(struct inode *inode, const void *data, size_t size);
int ramfs_unlink(struct inode *dir, const char *name, int len);
int ramfs_rmdir(struct inode *dir, const char *name, int len);
int ramfs_setsize(struct inode *inode, loff_t size);
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
long do_truncate(struct inode *inode, loff_t length);
long do_sys_truncate(const char *pathname, loff_t length);
long do_sys_ftruncate(unsigned int fd, loff_t length, bool large);

/* fs/namei.c: the inode a path names, from dir (or / for absolute ones) */
struct inode *path_lookup(struct inode *dir, const char *path, bool follow,
			  long *err);
struct inode *path_parent(struct inode *dir, const char *path,
			  const char **last, int *lastlen, long *err);

char *getname(const char *upath);	/* ERR_PTR on failure */
void putname(char *name);

/* fs/proc/: /proc, made at boot; each process's /proc/<pid> directory
 * is made by copy_process and removed by release_task. */
struct task_struct;
extern struct super_block proc_sb;	/* the super block of /proc's inodes */
void proc_root_init(void);
int proc_pid_instantiate(struct task_struct *task);
void proc_flush_pid(struct task_struct *task);

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
ssize_t vfs_read(struct file *f, char *ubuf, size_t count, loff_t *ppos);
ssize_t vfs_write(struct file *f, const char *ubuf, size_t count,
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

/* fs/exec.c */
int do_execve(const char *filename, const char *const *argv,
	      const char *const *envp, bool from_kernel);
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
