/* fs_struct: a task's root and current directory and its umask, shared
 * with CLONE_FS. */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/spinlock.h>

struct inode;
struct kmem_cache;

struct fs_struct {
	int users;
	spinlock_t lock;
	int umask;		/* permission bits new files do not get */
	struct inode *root;
	struct inode *pwd;
};

extern struct fs_struct init_fs;
extern struct kmem_cache *fs_cachep;

void set_fs_pwd(struct fs_struct *fs, struct inode *inode);
void free_fs_struct(struct fs_struct *fs);

#endif
