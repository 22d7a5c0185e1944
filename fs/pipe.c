/*
 * Pipes (pipe(2), pipe(7)): a 64 KiB ring buffer between a read end and a
 * write end, each a struct file on one nameless FIFO inode. A reader with
 * nothing to read sleeps until a writer writes or the last writer closes
 * (then read returns 0: end of file); a writer with no room sleeps until a
 * reader makes some. A write of at most PIPE_BUF bytes goes in whole or
 * not at all, so concurrent writers never interleave inside one. Writing
 * with no reader left is EPIPE plus SIGPIPE; O_NONBLOCK turns each sleep
 * into EAGAIN. Reads and writes see the kernel buffer that
 * fs/read_write.c copies through.
 *
 * A FIFO (fifo(7), made by mknod) is the same pipe reached by name: its
 * ring is created at the first open and freed at the last close, and
 * fifo_open makes a reader wait for a writer and a writer for a reader,
 * as Linux does.
 */
#include <linux/syscalls.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define FIONREAD 0x541B

static unsigned int pipe_len(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

static struct pipe_inode_info *file_pipe(const struct file *f)
{
	return f->f_inode->i_private;
}

/* Sleep until cond, or a signal: 0, or -ERESTARTSYS (the signal code
 * makes that EINTR, or restarts the call under SA_RESTART). */
#define pipe_wait(wq, cond)                                              \
	({                                                               \
		wait_event_interruptible(wq, (cond) ||                   \
						     signal_pending(current)); \
		(cond) ? 0 : -ERESTARTSYS;                               \
	})

static ssize_t pipe_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	struct pipe_inode_info *pipe = file_pipe(f);
	size_t done = 0;
	int err;

	(void)pos;
	spin_lock(&pipe->lock);
	while (!pipe_len(pipe)) {
		bool eof = !pipe->writers;

		spin_unlock(&pipe->lock);
		if (eof)
			return 0;	/* end of file */
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = pipe_wait(pipe->rd_wait,
				pipe_len(pipe) || !pipe->writers);
		if (err)
			return err;
		spin_lock(&pipe->lock);
	}
	while (done < n && pipe_len(pipe)) {
		unsigned int off = pipe->tail % pipe->ring_size;
		size_t k = min(n - done, (size_t)min(pipe_len(pipe),
						     pipe->ring_size - off));

		memcpy(kbuf + done, pipe->buf + off, k);
		pipe->tail += k;
		done += k;
	}
	spin_unlock(&pipe->lock);
	wake_up(&pipe->wr_wait);
	return done;
}

/* Room for a chunk of `want` bytes (all of it: writes of up to PIPE_BUF
 * are atomic), or no reader left to wait for. */
static bool pipe_writable(const struct pipe_inode_info *pipe, size_t want)
{
	return pipe->ring_size - pipe_len(pipe) >= want || !pipe->readers;
}

/* Write all n bytes (the caller's chunk is at most PIPE_BUF, so this is
 * atomic: wait until they all fit, then copy them under the lock), or as
 * many as a non-blocking pipe has room for. */
static ssize_t pipe_write(struct file *f, const char *kbuf, size_t n,
			  loff_t *pos)
{
	struct pipe_inode_info *pipe = file_pipe(f);
	size_t done = 0;
	int err;

	(void)pos;
	spin_lock(&pipe->lock);
	while (done < n) {
		size_t want = min(n - done, (size_t)PIPE_BUF);
		unsigned int off, room;
		size_t k;

		if (!pipe->readers) {
			spin_unlock(&pipe->lock);
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		room = pipe->ring_size - pipe_len(pipe);
		if (room < want) {
			spin_unlock(&pipe->lock);
			if (done)
				wake_up(&pipe->rd_wait);
			if (f->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			err = pipe_wait(pipe->wr_wait,
					pipe_writable(pipe, want));
			if (err)
				return done ? (ssize_t)done : err;
			spin_lock(&pipe->lock);
			continue;
		}
		off = pipe->head % pipe->ring_size;
		k = min(n - done, (size_t)min(room, pipe->ring_size - off));
		memcpy(pipe->buf + off, kbuf + done, k);
		pipe->head += k;
		done += k;
	}
	spin_unlock(&pipe->lock);
	wake_up(&pipe->rd_wait);
	return done;
}

/* Linux's pipe_poll: readable when there are bytes (or, with no writer
 * left, hung up), writable when there is room, an error with no reader. */
static unsigned int pipe_poll(struct file *f, poll_table *pt)
{
	struct pipe_inode_info *pipe = file_pipe(f);
	int acc = f->f_flags & O_ACCMODE;
	unsigned int mask = 0;

	poll_wait(f, &pipe->rd_wait, pt);
	poll_wait(f, &pipe->wr_wait, pt);
	if (acc != O_WRONLY) {
		if (pipe_len(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	}
	if (acc != O_RDONLY) {
		if (pipe_len(pipe) < pipe->ring_size)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int n = pipe_len(file_pipe(f));

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user(n, (int __user *)arg);
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	if (pipe)
		kfree(pipe->buf);
	kfree(pipe);
}

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (pipe)
		pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (!pipe || !pipe->buf) {
		free_pipe_info(pipe);
		return NULL;
	}
	pipe->ring_size = PIPE_SIZE;
	spin_lock_init(&pipe->lock);
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

/*
 * Who holds a FIFO's ring: fifo_open finds or makes it and counts the new
 * end, put_pipe_end uncounts one and frees the ring with the last. This
 * lock orders the two, so an open never finds a ring being freed; the
 * ring's own lock covers the counts that readers and writers look at.
 */
static DEFINE_SPINLOCK(pipe_ends_lock);

/* Count (+1) or uncount (-1) the ends an open file holds. */
static void count_pipe_ends(struct pipe_inode_info *pipe, bool reader,
			    bool writer, int delta)
{
	spin_lock(&pipe->lock);
	if (reader) {
		pipe->readers += delta;
		pipe->r_counter += delta > 0;
	}
	if (writer) {
		pipe->writers += delta;
		pipe->w_counter += delta > 0;
	}
	spin_unlock(&pipe->lock);
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
}

/* An end is let go (its last close, or an interrupted FIFO open): the
 * other side learns (EOF or EPIPE), and the ring goes with the last end. */
static void put_pipe_end(struct inode *inode, bool reader, bool writer)
{
	struct pipe_inode_info *pipe;
	bool last;

	spin_lock(&pipe_ends_lock);
	pipe = inode->i_private;
	count_pipe_ends(pipe, reader, writer, -1);
	last = !pipe->readers && !pipe->writers;
	if (last)
		inode->i_private = NULL;
	spin_unlock(&pipe_ends_lock);
	if (last)
		free_pipe_info(pipe);
}

static void pipe_release(struct file *f)
{
	int acc = f->f_flags & O_ACCMODE;

	put_pipe_end(f->f_inode, acc != O_WRONLY, acc != O_RDONLY);
}

/* The FIFO's ring, made at its first open, returned with pipe_ends_lock
 * held; NULL (and the lock not held) without memory. */
static struct pipe_inode_info *get_fifo_ring(struct inode *inode)
{
	struct pipe_inode_info *spare = NULL;

	for (;;) {
		spin_lock(&pipe_ends_lock);
		if (inode->i_private || spare)
			break;
		spin_unlock(&pipe_ends_lock);
		spare = alloc_pipe_info();	/* may not sleep under a lock */
		if (!spare)
			return NULL;
	}
	if (!inode->i_private) {
		inode->i_private = spare;
		spare = NULL;
	}
	free_pipe_info(spare);	/* another opener made it first */
	return inode->i_private;
}

/*
 * Linux's fifo_open: a reader waits until some writer has opened since it
 * came (w_counter moves), a writer until some reader has, unless
 * O_NONBLOCK (a reader goes on; a writer with no reader gets ENXIO);
 * O_RDWR never waits. A signal ends the wait (-ERESTARTSYS).
 */
static int fifo_open(struct inode *inode, struct file *f)
{
	int acc = f->f_flags & O_ACCMODE;
	bool nonblock = f->f_flags & O_NONBLOCK;
	bool reader = acc != O_WRONLY, writer = acc != O_RDONLY;
	struct pipe_inode_info *pipe;
	unsigned int seen;

	pipe = get_fifo_ring(inode);
	if (!pipe)
		return -ENOMEM;
	if (acc == O_WRONLY && nonblock && !pipe->readers) {
		bool unused = !pipe->writers;

		if (unused)
			inode->i_private = NULL;
		spin_unlock(&pipe_ends_lock);
		if (unused)
			free_pipe_info(pipe);
		return -ENXIO;
	}
	count_pipe_ends(pipe, reader, writer, +1);
	seen = acc == O_RDONLY ? pipe->w_counter : pipe->r_counter;
	spin_unlock(&pipe_ends_lock);
	if (acc == O_RDONLY && !nonblock && !pipe->writers &&
	    pipe_wait(pipe->rd_wait, pipe->w_counter != seen)) {
		put_pipe_end(inode, true, false);
		return -ERESTARTSYS;
	}
	if (acc == O_WRONLY && !pipe->readers &&
	    pipe_wait(pipe->wr_wait, pipe->r_counter != seen)) {
		put_pipe_end(inode, false, true);
		return -ERESTARTSYS;
	}
	return 0;
}

const struct file_operations pipefifo_fops = {
	.open = fifo_open,
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.poll = pipe_poll,
	.release = pipe_release,
};

/* Where pipe(2)'s nameless inodes live (Linux's pipefs; fstatfs of a
 * pipe says PIPEFS_MAGIC). */
static struct super_block pipefs_sb = {
	.s_magic = 0x50495045,	/* PIPEFS_MAGIC */
};

/* A new pipe: its inode and its two open ends, or -ENOMEM. */
static int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();
	struct inode *inode = pipe ? new_inode(&pipefs_sb, S_IFIFO | 0600) :
				     NULL;

	if (!inode)
		goto nomem;
	inode->i_nlink = 0;	/* nameless: freed with its last file */
	inode->i_uid = current_fsuid();
	inode->i_gid = current_fsgid();
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	res[0] = alloc_file(inode, O_RDONLY | (flags & O_NONBLOCK));
	res[1] = res[0] ? alloc_file(inode, O_WRONLY | (flags & O_NONBLOCK))
			: NULL;
	if (!res[1]) {
		if (res[0]) {
			res[0]->f_op = NULL;	/* no release: nothing counted */
			fput(res[0]);
		} else {
			ihold(inode);
			iput(inode);
		}
		goto nomem;
	}
	pipe->readers = pipe->writers = 1;
	return 0;
nomem:
	free_pipe_info(pipe);
	return -ENOMEM;
}

long do_pipe2(int __user *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd_flags(flags);
	if (fd[1] < 0 || copy_to_user(fildes, fd, sizeof(fd))) {
		err = fd[1] < 0 ? fd[1] : -EFAULT;
		if (fd[0] >= 0)
			put_unused_fd(fd[0]);
		if (fd[1] >= 0)
			put_unused_fd(fd[1]);
		fput(files[0]);
		fput(files[1]);
		return err;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;
}

SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}
