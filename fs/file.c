/*
 * Open files and file descriptors. A struct file is created by open,
 * shared by dup and fork, and released when its last reference goes; a
 * process's descriptors are slots in its files_struct's fdtable pointing
 * at them (see include/linux/fdtable.h). The table grows on demand, up to
 * RLIMIT_NOFILE, which itself may not exceed sysctl_nr_open.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

/* The most descriptors a process may have: RLIMIT_NOFILE cannot be set
 * above it (Linux's fs.nr_open sysctl; fixed here). */
unsigned int sysctl_nr_open = 1024 * 1024;

/* The table of init_task (and of kernel threads): the embedded one. */
struct files_struct init_files = {
	.count = 1,
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
	.fdt = &init_files.fdtab,
	.fdtab = {
		.max_fds = NR_OPEN_DEFAULT,
		.fd = &init_files.fd_array[0],
		.close_on_exec = init_files.close_on_exec_init,
		.open_fds = init_files.open_fds_init,
	},
};

/* A struct file not open on anything yet (Linux's alloc_empty_file): open
 * takes one before it creates a name, so running out of memory cannot
 * leave a new file behind an open that failed. Freed with kfree until
 * file_attach_inode. */
struct file *alloc_empty_file(unsigned int flags)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return NULL;
	f->f_count = 1;
	f->f_flags = flags;
	return f;
}

/* Open f on inode: a reference to it and its file operations. */
void file_attach_inode(struct file *f, struct inode *inode)
{
	f->f_inode = inode;
	ihold(inode);
	if (inode->i_fop)
		f->f_op = inode->i_fop;
	else if (S_ISDIR(inode->i_mode))
		f->f_op = &ramfs_dir_operations;
	else
		f->f_op = &ramfs_file_operations;
}

struct file *alloc_file(struct inode *inode, unsigned int flags)
{
	struct file *f = alloc_empty_file(flags);

	if (f)
		file_attach_inode(f, inode);
	return f;
}

void fput(struct file *f)
{
	if (__atomic_sub_fetch(&f->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (f->f_mode & FMODE_WRITER)
		put_write_access(f->f_inode);
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	iput(f->f_inode);
	kfree(f);
}

/* exec: no one may write the file while a program runs it (ETXTBSY). */
int deny_write_access(struct file *file)
{
	struct inode *inode = file->f_inode;
	int n = __atomic_load_n(&inode->i_writecount, __ATOMIC_RELAXED);

	do {
		if (n > 0)
			return -ETXTBSY;
	} while (!__atomic_compare_exchange_n(&inode->i_writecount, &n, n - 1,
					      false, __ATOMIC_ACQ_REL,
					      __ATOMIC_RELAXED));
	return 0;
}

/* ---- the table itself ---------------------------------------------- */

static void free_fdtable(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);
	kfree(fdt);
}

/*
 * A zeroed table with room for at least nr descriptors: the fd array is
 * 1 KiB times a power of two, as in Linux, so each growth doubles it.
 * Big tables come from whole pages (kmalloc); NULL when memory is short.
 */
static struct fdtable *alloc_fdtable(unsigned int nr)
{
	unsigned int max_fds = 1024 / sizeof(struct file *);
	struct fdtable *fdt;

	while (max_fds < nr)
		max_fds *= 2;
	fdt = kmalloc(sizeof(*fdt), GFP_KERNEL);
	if (!fdt)
		return NULL;
	fdt->max_fds = max_fds;
	fdt->fd = kzalloc(max_fds * sizeof(struct file *), GFP_KERNEL);
	/* Both bitmaps in one allocation: open_fds, then close_on_exec. */
	fdt->open_fds = kzalloc(
		2 * BITS_TO_LONGS(max_fds) * sizeof(unsigned long), GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds) {
		free_fdtable(fdt);
		return NULL;
	}
	fdt->close_on_exec = fdt->open_fds + BITS_TO_LONGS(max_fds);
	return fdt;
}

/* Copy all of ofdt into the bigger, zeroed nfdt. */
static void copy_fdtable(struct fdtable *nfdt, const struct fdtable *ofdt)
{
	size_t bitmap = BITS_TO_LONGS(ofdt->max_fds) * sizeof(unsigned long);

	memcpy(nfdt->fd, ofdt->fd, ofdt->max_fds * sizeof(struct file *));
	memcpy(nfdt->open_fds, ofdt->open_fds, bitmap);
	memcpy(nfdt->close_on_exec, ofdt->close_on_exec, bitmap);
}

/*
 * Make sure descriptor nr has a slot. file_lock held; it is dropped while
 * a bigger table is allocated, so the table may have changed on return.
 * Returns 0 (it already fits), 1 (grown: look at the table again),
 * -EMFILE (beyond sysctl_nr_open) or -ENOMEM.
 */
static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable *new_fdt, *cur_fdt;

	if (nr < files_fdtable(files)->max_fds)
		return 0;
	if (nr >= sysctl_nr_open)
		return -EMFILE;
	spin_unlock(&files->file_lock);
	new_fdt = alloc_fdtable(nr + 1);
	spin_lock(&files->file_lock);
	if (!new_fdt)
		return -ENOMEM;
	cur_fdt = files_fdtable(files);
	if (nr < cur_fdt->max_fds) {
		/* A thread sharing the table grew it meanwhile. */
		free_fdtable(new_fdt);
		return 1;
	}
	copy_fdtable(new_fdt, cur_fdt);
	files->fdt = new_fdt;
	/* Everyone reads the table under file_lock: the old one is unused. */
	if (cur_fdt != &files->fdtab)
		free_fdtable(cur_fdt);
	return 1;
}

/* ---- descriptors of current ---------------------------------------- */

/*
 * Reserve the lowest free descriptor >= start and < end, growing the
 * table if needed; fd_install() fills it, put_unused_fd() gives it back.
 * -EMFILE when every descriptor below end is taken.
 */
static int alloc_fd(unsigned int start, unsigned long end, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	unsigned int fd;
	int error;

	spin_lock(&files->file_lock);
repeat:
	fdt = files_fdtable(files);
	fd = max(start, files->next_fd);
	if (fd < fdt->max_fds)
		fd = find_next_zero_bit(fdt->open_fds, fdt->max_fds, fd);
	error = -EMFILE;
	if (fd >= end)
		goto out;
	error = expand_files(files, fd);
	if (error < 0)
		goto out;
	if (error)
		goto repeat;
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	__set_bit(fd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	error = fd;
out:
	spin_unlock(&files->file_lock);
	return error;
}

/* The lowest free descriptor below RLIMIT_NOFILE, reserved, or -EMFILE. */
int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, task_rlimit(current, RLIMIT_NOFILE), flags);
}

/* fd is free again. file_lock held. */
static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files_fdtable(files)->open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

/* Fill the slot get_unused_fd_flags() reserved. */
void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	BUG_ON(fdt->fd[fd] != NULL);
	fdt->fd[fd] = file;
	spin_unlock(&files->file_lock);
}

/* The open file behind fd with a reference taken, or NULL. */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;
	struct fdtable *fdt;

	if (!files)
		return NULL;
	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	if (fd < fdt->max_fds && fdt->fd[fd])
		f = get_file(fdt->fd[fd]);
	spin_unlock(&files->file_lock);
	return f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	struct file *f;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	if (fd >= fdt->max_fds || !fdt->fd[fd]) {
		spin_unlock(&files->file_lock);
		return -EBADF;
	}
	f = fdt->fd[fd];
	fdt->fd[fd] = NULL;
	__clear_bit(fd, fdt->close_on_exec);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
	fput(f);
	return 0;
}

/* execve: close every descriptor marked close-on-exec, a word of the
 * bitmap at a time. */
void do_close_on_exec(void)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;
	unsigned int i, fd;

	spin_lock(&files->file_lock);
	for (i = 0;; i++) {
		unsigned long set;

		fd = i * BITS_PER_LONG;
		fdt = files_fdtable(files);
		if (fd >= fdt->max_fds)
			break;
		set = fdt->close_on_exec[i];
		if (!set)
			continue;
		fdt->close_on_exec[i] = 0;
		for (; set; fd++, set >>= 1) {
			struct file *file;

			if (!(set & 1))
				continue;
			file = fdt->fd[fd];
			if (!file)
				continue;
			fdt->fd[fd] = NULL;
			__put_unused_fd(files, fd);
			spin_unlock(&files->file_lock);
			fput(file);
			cond_resched();
			spin_lock(&files->file_lock);
			fdt = files_fdtable(files);	/* may have grown */
		}
	}
	spin_unlock(&files->file_lock);
}

/* ---- fork and exit ---------------------------------------------------- */

/* Slots up to the last word of open_fds with a bit set. */
static unsigned int count_open_files(const struct fdtable *fdt)
{
	unsigned int words = fdt->max_fds / BITS_PER_LONG;

	while (words > 0 && !fdt->open_fds[words - 1])
		words--;
	return words * BITS_PER_LONG;
}

/* Copy the open descriptors among the BITS_PER_LONG from fd on (the new
 * table's slots are NULL), taking a reference to each file. Both tables'
 * locks are ours. */
static void copy_fd_word(struct fdtable *nfdt, const struct fdtable *ofdt,
			 unsigned int fd)
{
	unsigned int w = BIT_WORD(fd);
	unsigned long open = ofdt->open_fds[w], left = open;

	while (left) {
		unsigned int i = fd + __ffs(left);
		struct file *f = ofdt->fd[i];

		left &= left - 1;
		/* No file yet: reserved by an open() under way in a thread. */
		if (f)
			get_file(f);
		else
			open &= ~BIT_MASK(i);
		nfdt->fd[i] = f;
	}
	nfdt->open_fds[w] = open;
	nfdt->close_on_exec[w] = ofdt->close_on_exec[w];
}

/*
 * fork without CLONE_FILES: a new files_struct with the same open files
 * in the same slots (one more reference each) and the same close-on-exec
 * flags. Its table is only as big as oldf's highest open fd needs. NULL
 * with *errorp set on failure.
 */
struct files_struct *dup_fd(struct files_struct *oldf, int *errorp)
{
	struct fdtable *old_fdt, *new_fdt;
	struct files_struct *newf;
	unsigned int open_files, fd;

	*errorp = -ENOMEM;
	newf = kmem_cache_zalloc(files_cachep, GFP_KERNEL);
	if (!newf)
		return NULL;
	newf->count = 1;
	spin_lock_init(&newf->file_lock);
	new_fdt = &newf->fdtab;
	new_fdt->max_fds = NR_OPEN_DEFAULT;
	new_fdt->fd = &newf->fd_array[0];
	new_fdt->close_on_exec = newf->close_on_exec_init;
	new_fdt->open_fds = newf->open_fds_init;

	spin_lock(&oldf->file_lock);
	old_fdt = files_fdtable(oldf);
	open_files = count_open_files(old_fdt);
	/* Too many for the embedded table: allocate one unlocked, then look
	 * again, as a thread sharing oldf may have opened more meanwhile. */
	while (open_files > new_fdt->max_fds) {
		spin_unlock(&oldf->file_lock);
		if (new_fdt != &newf->fdtab)
			free_fdtable(new_fdt);
		new_fdt = alloc_fdtable(open_files);
		if (!new_fdt) {
			kmem_cache_free(files_cachep, newf);
			return NULL;
		}
		spin_lock(&oldf->file_lock);
		old_fdt = files_fdtable(oldf);
		open_files = count_open_files(old_fdt);
	}
	for (fd = 0; fd < open_files; fd += BITS_PER_LONG) {
		copy_fd_word(new_fdt, old_fdt, fd);
		if (cond_resched_lock(&oldf->file_lock))
			old_fdt = files_fdtable(oldf);	/* may have grown */
	}
	spin_unlock(&oldf->file_lock);
	newf->fdt = new_fdt;
	return newf;
}

/* The last user is gone: close every file. No lock, nobody else sees it. */
static struct fdtable *close_files(struct files_struct *files)
{
	struct fdtable *fdt = files_fdtable(files);
	unsigned int i, fd;

	for (i = 0; i * BITS_PER_LONG < fdt->max_fds; i++) {
		unsigned long set = fdt->open_fds[i];

		for (fd = i * BITS_PER_LONG; set; fd++, set >>= 1) {
			struct file *file = fdt->fd[fd];

			if (!(set & 1) || !file)
				continue;
			fdt->fd[fd] = NULL;
			fput(file);
			cond_resched();
		}
	}
	return fdt;
}

/* Drop a task's use of files (exit, or a failed fork). */
void put_files_struct(struct files_struct *files)
{
	struct fdtable *fdt;

	if (__atomic_sub_fetch(&files->count, 1, __ATOMIC_ACQ_REL))
		return;
	fdt = close_files(files);
	if (fdt != &files->fdtab)
		free_fdtable(fdt);
	if (files != &init_files)
		kmem_cache_free(files_cachep, files);
}

/* ---- system calls ----------------------------------------------------- */

SYSCALL_DEFINE1(dup, unsigned int, oldfd)
{
	struct file *f = fget(oldfd);
	int fd;

	if (!f)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(f);
		return fd;
	}
	fd_install(fd, f);
	return fd;
}

/* newfd becomes another descriptor for oldfd's file (closing what newfd
 * had); -EBADF when newfd is not below RLIMIT_NOFILE. */
long ksys_dup3(unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *file, *tofree;
	struct fdtable *fdt;
	int err;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= task_rlimit(current, RLIMIT_NOFILE))
		return -EBADF;
	spin_lock(&files->file_lock);
	err = expand_files(files, newfd);
	fdt = files_fdtable(files);
	file = oldfd < fdt->max_fds ? fdt->fd[oldfd] : NULL;
	if (!file) {
		err = -EBADF;
		goto out_unlock;
	}
	if (err < 0) {
		if (err == -EMFILE)
			err = -EBADF;
		goto out_unlock;
	}
	tofree = fdt->fd[newfd];
	if (!tofree && test_bit(newfd, fdt->open_fds)) {
		err = -EBUSY;	/* reserved by an open() under way */
		goto out_unlock;
	}
	fdt->fd[newfd] = get_file(file);
	__set_bit(newfd, fdt->open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(newfd, fdt->close_on_exec);
	else
		__clear_bit(newfd, fdt->close_on_exec);
	spin_unlock(&files->file_lock);
	if (tofree)
		fput(tofree);
	return newfd;

out_unlock:
	spin_unlock(&files->file_lock);
	return err;
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd,
		unsigned int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

/* F_DUPFD: the lowest free descriptor >= from; -EINVAL when from is not
 * below RLIMIT_NOFILE. */
static long f_dupfd(unsigned long from, struct file *file, unsigned int flags)
{
	unsigned long nofile = task_rlimit(current, RLIMIT_NOFILE);
	int fd;

	if (from >= nofile)
		return -EINVAL;
	fd = alloc_fd(from, nofile, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}

/* F_GETFD / F_SETFD: fd's close-on-exec flag. */
static long get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool set;

	spin_lock(&files->file_lock);
	set = test_bit(fd, files_fdtable(files)->close_on_exec);
	spin_unlock(&files->file_lock);
	return set ? FD_CLOEXEC : 0;
}

static void set_close_on_exec(unsigned int fd, bool flag)
{
	struct files_struct *files = current->files;
	struct fdtable *fdt;

	spin_lock(&files->file_lock);
	fdt = files_fdtable(files);
	if (flag)
		__set_bit(fd, fdt->close_on_exec);
	else
		__clear_bit(fd, fdt->close_on_exec);
	spin_unlock(&files->file_lock);
}

long do_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
		ret = f_dupfd(arg, f, 0);
		break;
	case F_DUPFD_CLOEXEC:
		ret = f_dupfd(arg, f, O_CLOEXEC);
		break;
	case F_GETFD:
		ret = get_close_on_exec(fd);
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
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

SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return do_fcntl(fd, cmd, arg);
}
