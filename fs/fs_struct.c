/*
 * fs_struct: a task's root and working directory, shared by CLONE_FS
 * tasks. copy_fs (kernel/fork.c) shares or copies it; the last user to
 * let go frees it here, dropping its uses of the two inodes.
 */
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/slab.h>

void free_fs_struct(struct fs_struct *fs)
{
	int users;

	spin_lock(&fs->lock);
	users = --fs->users;
	spin_unlock(&fs->lock);
	if (users || fs == &init_fs)
		return;
	if (fs->root)
		iput(fs->root);
	if (fs->pwd)
		iput(fs->pwd);
	kmem_cache_free(fs_cachep, fs);
}
