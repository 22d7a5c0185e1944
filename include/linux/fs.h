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
#include <linux/types.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/stat.h>

#define NAME_MAX 255
#define PATH_MAX 4096
#define MAX_NESTED_LINKS 8
/* The most one read, write or getrandom moves, as Linux: a count that
 * fits an int, whole pages. */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

struct file;
struct inode;

struct file_operations {
	ssize_t (*read)(struct file *f, char *kbuf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *kbuf, size_t n,
			 loff_t *pos);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	void (*release)(struct file *f);
};

struct inode {
	unsigned long i_ino;
	u32 i_mode;		/* S_IF* type and permission bits */
	unsigned int i_nlink;	/* names: 0 once unlinked */
	int i_count;		/* open files and cwd/root using it */
	u32 i_rdev;		/* device number, for /dev nodes */
	u64 i_mtime;		/* seconds */
	loff_t i_size;
	char *i_data;		/* file contents or symlink target */
	size_t i_capacity;	/* bytes allocated at i_data; 0: not ours */
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
int ramfs_set_data(struct inode *inode, const void *data, size_t size,
		   bool copy);
int ramfs_unlink(struct inode *dir, const char *name, int len);
/* Take / drop a use of an inode; an unlinked one is freed at the last. */
void ihold(struct inode *inode);
void iput(struct inode *inode);
extern const struct file_operations ramfs_file_operations;
extern const struct file_operations ramfs_dir_operations;

/* fs/open.c */
struct file *filp_open(struct inode *dir, const char *name, int flags,
		       u32 mode);

/* fs/namei.c: the inode a path names, from dir (or / for absolute ones) */
struct inode *path_lookup(struct inode *dir, const char *path, bool follow,
			  long *err);
struct inode *path_parent(struct inode *dir, const char *path,
			  const char **last, int *lastlen, long *err);

char *getname(const char *upath);	/* ERR_PTR on failure */
void putname(char *name);
void ramfs_truncate(struct inode *inode);

/* fs/proc.c */
void proc_root_init(void);

/* fs/initramfs.c */
int populate_rootfs(const void *archive, unsigned long size);

/* fs/file.c: file descriptors of current */
int get_unused_fd_flags(unsigned int flags);
void fd_install(int fd, struct file *file);
struct file *fget(int fd);
int close_fd(int fd);
void do_close_on_exec(void);

/* fs/read_write.c */
loff_t vfs_llseek(struct file *f, loff_t offset, int whence);

/* fs/exec.c */
int do_execve(const char *filename, const char *const *argv,
	      const char *const *envp, bool from_kernel);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

/* drivers/tty/tty_io.c */
extern const struct file_operations tty_fops;
extern const struct file_operations null_fops;

#endif
