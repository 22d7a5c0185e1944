/*
 * Open files and file descriptors. A struct file is created by open,
 * shared by dup and fork, and released when its last reference goes; a
 * process's descriptors are slots in its files_struct pointing at them.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>

struct file *alloc_file(struct inode *inode, unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_flags = flags;
	f->f_inode = inode;
	ihold(inode);
	if (inode->i_fop)
		f->f_op = inode->i_fop;
	else if (S_ISDIR(inode->i_mode))
		f->f_op = &ramfs_dir_operations;
	else
		f->f_op = &ramfs_file_operations;
	return f;
}

void fput(struct file *f)
{
	if (__atomic_sub_fetch(&f->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	iput(f->f_inode);
	kfree(f);
}

/* The lowest free descriptor, or -EMFILE (RLIMIT_NOFILE or table full). */
int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long limit = task_rlimit(current, RLIMIT_NOFILE);
	int fd;

	if (limit > NR_OPEN_DEFAULT)
		limit = NR_OPEN_DEFAULT;
	spin_lock(&files->file_lock);
	for (fd = 0; fd < (int)limit; fd++) {
		if (files->fd[fd])
			continue;
		/* Reserve the slot until fd_install fills it. */
		files->fd[fd] = ERR_PTR(-EBUSY);
		if (flags & O_CLOEXEC)
			files->close_on_exec |= 1UL << fd;
		else
			files->close_on_exec &= ~(1UL << fd);
		spin_unlock(&files->file_lock);
		return fd;
	}
	spin_unlock(&files->file_lock);
	return -EMFILE;
}

void put_unused_fd(int fd)
{
	current->files->fd[fd] = NULL;
}

void fd_install(int fd, struct file *file)
{
	current->files->fd[fd] = file;
}

/* The open file behind fd with a reference taken, or NULL. */
struct file *fget(int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT || !files)
		return NULL;
	spin_lock(&files->file_lock);
	if (files->fd[fd] && !IS_ERR(files->fd[fd]))
		f = get_file(files->fd[fd]);
	spin_unlock(&files->file_lock);
	return f;
}

int close_fd(int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (fd < 0 || fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	spin_lock(&files->file_lock);
	f = files->fd[fd];
	if (!f || IS_ERR(f)) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1UL << fd);
	spin_unlock(&files->file_lock);
	fput(f);
	return 0;
}

void do_close_on_exec(void)
{
	struct files_struct *files = current->files;
	int fd;

	for (fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->close_on_exec & (1UL << fd))
			close_fd(fd);
}

/* Put f in the lowest free slot >= minfd. */
static int dup_to(struct file *f, int minfd, unsigned int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd < 0)
		return fd;
	if (fd < minfd) {
		/* Rare (F_DUPFD with a floor): search again above it. */
		int want;

		put_unused_fd(fd);
		for (want = minfd; want < NR_OPEN_DEFAULT; want++)
			if (!current->files->fd[want])
				break;
		if (want >= NR_OPEN_DEFAULT)
			return -EMFILE;
		fd = want;
	}
	fd_install(fd, get_file(f));
	return fd;
}

long sys_dup(unsigned int oldfd)
{
	struct file *f = fget(oldfd);
	long fd;

	if (!f)
		return -EBADF;
	fd = dup_to(f, 0, 0);
	fput(f);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct file *f;

	if (oldfd == newfd || (flags & ~O_CLOEXEC))
		return -EINVAL;
	if (newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	close_fd(newfd);
	current->files->fd[newfd] = f;
	if (flags & O_CLOEXEC)
		current->files->close_on_exec |= 1UL << newfd;
	return newfd;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct files_struct *files = current->files;
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		ret = dup_to(f, arg, 0);
		break;
	case F_GETFD:
		ret = (files->close_on_exec >> fd) & 1 ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			files->close_on_exec |= 1UL << fd;
		else
			files->close_on_exec &= ~(1UL << fd);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->f_flags;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~(O_APPEND | O_NONBLOCK)) |
			     (arg & (O_APPEND | O_NONBLOCK));
		ret = 0;
		break;
	default:
		ret = -EINVAL;
	}
	fput(f);
	return ret;
}
