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
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define PIPE_SIZE (64 * 1024)	/* Linux's default pipe capacity */
#define PIPE_BUF 4096		/* writes this small are atomic */
#define FIONREAD 0x541B

struct pipe_inode_info {
	char *buf;			/* PIPE_SIZE bytes */
	unsigned int head, tail;	/* bytes written / read, mod 2^32 */
	unsigned int readers, writers;	/* open read and write ends */
	struct wait_queue_head rd_wait;	/* readers waiting for data */
	struct wait_queue_head wr_wait;	/* writers waiting for room */
};

static unsigned int pipe_len(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

static struct pipe_inode_info *file_pipe(const struct file *f)
{
	return f->f_inode->i_private;
}

/* Sleep until cond, or a signal: 0, or -EINTR (no restart yet). */
#define pipe_wait(wq, cond)                                              \
	({                                                               \
		wait_event_interruptible(wq, (cond) ||                   \
						     signal_pending(current)); \
		(cond) ? 0 : -EINTR;                                     \
	})

static ssize_t pipe_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	struct pipe_inode_info *pipe = file_pipe(f);
	size_t done = 0;
	int err;

	(void)pos;
	if (!pipe_len(pipe)) {
		if (!pipe->writers)
			return 0;	/* end of file */
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = pipe_wait(pipe->rd_wait,
				pipe_len(pipe) || !pipe->writers);
		if (err)
			return err;
	}
	while (done < n && pipe_len(pipe)) {
		unsigned int off = pipe->tail % PIPE_SIZE;
		size_t k = min(n - done, (size_t)min(pipe_len(pipe),
						     PIPE_SIZE - off));

		memcpy(kbuf + done, pipe->buf + off, k);
		pipe->tail += k;
		done += k;
	}
	wake_up(&pipe->wr_wait);
	return done;
}

/* Write all n bytes (the caller's chunk is at most PIPE_BUF, so this is
 * atomic: wait until they all fit), or as many as a non-blocking pipe
 * has room for. */
static ssize_t pipe_write(struct file *f, const char *kbuf, size_t n,
			  loff_t *pos)
{
	struct pipe_inode_info *pipe = file_pipe(f);
	size_t done = 0;
	int err;

	(void)pos;
	while (done < n) {
		unsigned int off, room;
		size_t k;

		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		room = PIPE_SIZE - pipe_len(pipe);
		if (room < min(n - done, (size_t)PIPE_BUF)) {
			if (f->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			err = pipe_wait(pipe->wr_wait,
					PIPE_SIZE - pipe_len(pipe) >=
						min(n - done, (size_t)PIPE_BUF) ||
					!pipe->readers);
			if (err)
				return done ? (ssize_t)done : err;
			continue;
		}
		off = pipe->head % PIPE_SIZE;
		k = min(n - done, (size_t)min(room, PIPE_SIZE - off));
		memcpy(pipe->buf + off, kbuf + done, k);
		pipe->head += k;
		done += k;
		wake_up(&pipe->rd_wait);
	}
	return done;
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int n = pipe_len(file_pipe(f));

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user(n, (int *)arg);
}

/* The last close of an end: the other side learns (EOF or EPIPE), and the
 * pipe goes with the last end. */
static void pipe_release(struct file *f)
{
	struct pipe_inode_info *pipe = file_pipe(f);

	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	if (!pipe->readers && !pipe->writers) {
		kfree(pipe->buf);
		kfree(pipe);
		f->f_inode->i_private = NULL;
	}
}

const struct file_operations pipefifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* A new pipe: its inode and its two open ends, or -ENOMEM. */
static int create_pipe_files(struct file **res, int flags)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);
	struct inode *inode = NULL;

	if (pipe)
		pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (pipe && pipe->buf)
		inode = new_inode(S_IFIFO | 0600);
	if (!inode)
		goto nomem;
	inode->i_nlink = 0;	/* nameless: freed with its last file */
	inode->i_fop = &pipefifo_fops;
	inode->i_private = pipe;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
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
	if (pipe)
		kfree(pipe->buf);
	kfree(pipe);
	return -ENOMEM;
}

long do_pipe2(int *fildes, int flags)
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

SYSCALL_DEFINE2(pipe2, int *, fildes, int, flags)
{
	return do_pipe2(fildes, flags);
}
