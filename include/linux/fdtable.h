/* files_struct: a task's open-file table, shared with CLONE_FILES. */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/spinlock.h>

#define NR_OPEN_DEFAULT 64

struct file;

struct files_struct {
	int count;
	spinlock_t file_lock;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long close_on_exec;	/* bit per fd */
};

extern struct files_struct init_files;

struct files_struct *dup_fd(struct files_struct *oldf, int *errorp);
void put_files_struct(struct files_struct *files);

#endif
