/*
 * A task's open-file table: files_struct, shared with CLONE_FILES. The
 * descriptors themselves are a struct fdtable — max_fds file pointers and
 * two bitmaps, open_fds and close_on_exec. Most processes never use more
 * than NR_OPEN_DEFAULT descriptors, and those fit in the table embedded in
 * files_struct; a process that needs a higher descriptor (up to its
 * RLIMIT_NOFILE) is moved to a bigger table by expand_files(), doubling.
 * Tables never shrink. Everything here is guarded by file_lock.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/bitops.h>
#include <linux/spinlock.h>

#define NR_OPEN_DEFAULT BITS_PER_LONG

struct file;
struct kmem_cache;

struct fdtable {
	unsigned int max_fds;		/* a multiple of BITS_PER_LONG */
	struct file **fd;		/* max_fds slots */
	unsigned long *close_on_exec;	/* bit per fd */
	unsigned long *open_fds;	/* bit per fd: in use (or reserved) */
};

struct files_struct {
	int count;			/* tasks sharing it */
	spinlock_t file_lock;
	struct fdtable *fdt;		/* &fdtab, or a bigger one */
	struct fdtable fdtab;
	unsigned int next_fd;		/* no free fd below this one */
	unsigned long close_on_exec_init[1];
	unsigned long open_fds_init[1];
	struct file *fd_array[NR_OPEN_DEFAULT];
};

static inline struct fdtable *files_fdtable(struct files_struct *files)
{
	return files->fdt;
}

extern struct files_struct init_files;
extern struct kmem_cache *files_cachep;	/* kernel/fork.c */

/* fs/file.c */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);

#endif
