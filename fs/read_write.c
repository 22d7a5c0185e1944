/*
 * read, write, readv, writev, pread64, pwrite64, lseek, sendfile. Every
 * offset and count a user passes is checked before any file code sees it
 * (rw_verify_area): a negative offset or one whose end overflows is
 * EINVAL, a count is cut to MAX_RW_COUNT. Data moves between user memory
 * and the file through a kernel bounce buffer, one chunk at a time, so a
 * bad user pointer is -EFAULT and never a kernel fault; the file offset
 * moves by exactly the bytes that reached the user (or the file), never
 * by a chunk that faulted. Long transfers give up the CPU between chunks
 * and stop when the task is being killed. The bounce buffer is Clonix's
 * own (Linux copies straight from the page cache), so fault injection
 * never picks it (__GFP_NOINJECT): reading /proc/self/fail-nth after a
 * call must not itself move, or fail, the count it reports.
 */
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/overflow.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define IO_CHUNK 4096
#define UIO_MAXIOV 1024

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* Files with a position: not the terminal or a pipe (ESPIPE). */
static bool file_seekable(const struct file *f)
{
	return f->f_op != &tty_fops && !S_ISFIFO(f->f_inode->i_mode);
}

/* Linux's rw_verify_area: the count to use (at most MAX_RW_COUNT), or
 * -EINVAL for a negative offset or a range whose end overflows loff_t. */
static ssize_t rw_verify_area(loff_t pos, size_t count)
{
	loff_t end;

	if (pos < 0)
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (check_add_overflow(pos, (loff_t)count, &end))
		return -EINVAL;
	return count;
}

/* The bounce buffer for a transfer of count bytes: a chunk, or less for a
 * shorter one (a task blocked in a 1-byte read of a pipe holds 8 bytes of
 * slab, not a page). */
static void *alloc_bounce_buffer(size_t count)
{
	return kmalloc(min(count, (size_t)IO_CHUNK),
		       GFP_KERNEL | __GFP_NOINJECT);
}

/* A transfer that stops early: what was done, else the error. */
static ssize_t done_or(ssize_t done, ssize_t err)
{
	return done ? done : err;
}

ssize_t vfs_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t done = 0, ret;
	char *kbuf;

	if ((f->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (S_ISDIR(f->f_inode->i_mode))
		return -EISDIR;
	if (!f->f_op->read)
		return -EINVAL;
	ret = rw_verify_area(*ppos, count);
	if (ret <= 0)
		return ret;
	count = ret;
	kbuf = alloc_bounce_buffer(count);
	if (!kbuf)
		return -ENOMEM;
	while (done < (ssize_t)count) {
		size_t n = min(count - done, (size_t)IO_CHUNK);
		loff_t pos = *ppos;
		ssize_t got = f->f_op->read(f, kbuf, n, &pos);
		size_t lost;

		if (got <= 0) {
			done = done_or(done, got);
			break;
		}
		lost = copy_to_user(ubuf + done, kbuf, got);
		*ppos = pos - lost;	/* only what the user received */
		done += got - lost;
		if (lost) {
			done = done_or(done, -EFAULT);
			break;
		}
		if (got < (ssize_t)n || S_ISFIFO(f->f_inode->i_mode))
			break;	/* a terminal line, EOF, what a pipe had */
		if (fatal_signal_pending(current)) {
			done = done_or(done, -EINTR);
			break;
		}
		cond_resched();
	}
	kfree(kbuf);
	return done;
}

ssize_t vfs_write(struct file *f, const char __user *ubuf, size_t count,
		  loff_t *ppos)
{
	ssize_t done = 0, ret;
	char *kbuf;

	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	ret = rw_verify_area(*ppos, count);
	if (ret <= 0)
		return ret;
	count = ret;
	kbuf = alloc_bounce_buffer(count);
	if (!kbuf)
		return -ENOMEM;
	while (done < (ssize_t)count) {
		size_t n = min(count - done, (size_t)IO_CHUNK);
		size_t lost = copy_from_user(kbuf, ubuf + done, n);
		ssize_t put = n > lost ?
			f->f_op->write(f, kbuf, n - lost, ppos) : 0;

		if (put < 0) {
			done = done_or(done, put);
			break;
		}
		done += put;
		if (lost) {
			done = done_or(done, -EFAULT);
			break;
		}
		if (put < (ssize_t)n)
			break;	/* short write: the file is full */
		if (fatal_signal_pending(current)) {
			done = done_or(done, -EINTR);
			break;
		}
		cond_resched();
	}
	kfree(kbuf);
	return done;
}

/* Read a regular file into a kernel buffer (exec reads programs so). */
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos)
{
	if (!S_ISREG(f->f_inode->i_mode) || f->f_inode->i_fop)
		return -EINVAL;
	if (*pos < 0)
		return -EINVAL;
	return filemap_read(f->f_inode, buf, count, pos);
}

SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_read(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf,
		size_t, count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_write(f, buf, count, &f->f_pos);
	fput(f);
	return ret;
}

/* pread64/pwrite64: at an explicit offset; the file's own stays put
 * (with O_APPEND a pwrite still appends, as Linux's does). */
static long do_pio(unsigned int fd, char __user *buf, size_t count, loff_t pos,
		   bool write)
{
	struct file *f;
	long ret;

	if (pos < 0)
		return -EINVAL;
	f = fget(fd);
	if (!f)
		return -EBADF;
	if (!file_seekable(f))
		ret = -ESPIPE;
	else
		ret = write ? vfs_write(f, buf, count, &pos) :
			      vfs_read(f, buf, count, &pos);
	fput(f);
	return ret;
}

long ksys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	return do_pio(fd, buf, count, pos, false);
}

long ksys_pwrite64(unsigned int fd, const char __user *buf, size_t count,
		   loff_t pos)
{
	return do_pio(fd, (char __user *)buf, count, pos, true);
}

SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count,
		loff_t, pos)
{
	return ksys_pread64(fd, buf, count, pos);
}

SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf,
		size_t, count,
		loff_t, pos)
{
	return ksys_pwrite64(fd, buf, count, pos);
}

/* readv/writev: one read or write per vector entry, stopping at the
 * first error or short transfer; returns the bytes moved or -errno. The
 * total is checked first: more than MAX_RW_COUNT in all is cut there,
 * a negative length is EINVAL, as Linux. */
static long do_iov(unsigned int fd, const struct iovec __user *uvec,
		   unsigned long vlen, bool write)
{
	struct file *f;
	size_t total = 0, left = MAX_RW_COUNT;
	long moved = 0;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) {
		struct iovec iov;

		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return -EFAULT;
		if ((ssize_t)iov.iov_len < 0)
			return -EINVAL;
		total += min(iov.iov_len, MAX_RW_COUNT - total);
	}
	f = fget(fd);
	if (!f)
		return -EBADF;
	for (i = 0; i < vlen && left; i++) {
		struct iovec iov;
		long r;

		if (copy_from_user(&iov, &uvec[i], sizeof(iov))) {
			moved = done_or(moved, -EFAULT);
			break;
		}
		iov.iov_len = min(iov.iov_len, left);
		if (!iov.iov_len)
			continue;
		r = write ? vfs_write(f, iov.iov_base, iov.iov_len, &f->f_pos) :
			    vfs_read(f, iov.iov_base, iov.iov_len, &f->f_pos);
		if (r < 0) {
			moved = done_or(moved, r);
			break;
		}
		moved += r;
		left -= r;
		if (r < (long)iov.iov_len)
			break;
	}
	fput(f);
	return moved;
}

SYSCALL_DEFINE3(writev, unsigned int, fd, const struct iovec __user *, uvec,
		unsigned long, vlen)
{
	return do_iov(fd, uvec, vlen, true);
}

SYSCALL_DEFINE3(readv, unsigned int, fd, const struct iovec __user *, uvec,
		unsigned long, vlen)
{
	return do_iov(fd, uvec, vlen, false);
}

/*
 * Move f's position (Linux's vfs_llseek and generic_file_llseek): the new
 * position, or -errno. A position past what the file system can hold is
 * EINVAL, as is a negative one; SEEK_DATA and SEEK_HOLE treat the whole
 * file as data, with the hole at its end.
 */
loff_t vfs_llseek(struct file *f, loff_t offset, int whence)
{
	struct inode *inode = f->f_inode;
	loff_t pos;

	if (f->f_op->llseek)
		return f->f_op->llseek(f, offset, whence);	/* /proc */
	if (inode->i_fop)
		return -ESPIPE;	/* the terminal and device files */
	switch (whence) {
	case SEEK_SET:
		pos = offset;
		break;
	case SEEK_CUR:
		if (check_add_overflow(f->f_pos, offset, &pos))
			return -EINVAL;
		break;
	case SEEK_END:
		if (check_add_overflow(inode->i_size, offset, &pos))
			return -EINVAL;
		break;
	case SEEK_DATA:
		if (offset < 0 || offset >= inode->i_size)
			return -ENXIO;
		pos = offset;
		break;
	case SEEK_HOLE:
		if (offset < 0 || offset >= inode->i_size)
			return -ENXIO;
		pos = inode->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0 || pos > inode->i_sb->s_maxbytes)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* lseek: on a 32-bit kernel a position past 2 GiB cannot be returned in
 * the long result: EOVERFLOW (the position has moved, as in Linux). */
SYSCALL_DEFINE3(lseek, unsigned int, fd, long, offset, unsigned int, whence)
{
	struct file *f = fget(fd);
	loff_t pos;
	long ret;

	if (!f)
		return -EBADF;
	pos = vfs_llseek(f, offset, whence);
	ret = pos;
	if (ret != pos)
		ret = -EOVERFLOW;
	fput(f);
	return ret;
}

/*
 * sendfile: copy up to count bytes from in_fd to out_fd inside the kernel,
 * a chunk at a time through a bounce buffer (Linux splices pages; the
 * result is the same). in_fd must be open for reading and be a regular
 * file (a file with pages; anything else is EINVAL, as a file without
 * splice_read on Linux); out_fd any file open for writing, but not
 * O_APPEND (EINVAL). *ppos is where to read (the caller's offset, or
 * in_fd's own position) and moves by what reached out_fd. max is the
 * largest offset the caller can be told of: a copy past it is cut there,
 * and one starting at or after it is EOVERFLOW.
 */
static long do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count,
			loff_t max)
{
	struct file *in, *out;
	ssize_t done = 0, ret;
	loff_t pos;
	char *kbuf;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	if ((in->f_flags & O_ACCMODE) == O_WRONLY)
		goto fput_in;
	ret = -EINVAL;
	if (!S_ISREG(in->f_inode->i_mode) || !in->f_op->read)
		goto fput_in;
	if (!ppos)
		ppos = &in->f_pos;
	ret = rw_verify_area(*ppos, count);
	if (ret < 0)
		goto fput_in;
	count = ret;

	ret = -EBADF;
	out = fget(out_fd);
	if (!out)
		goto fput_in;
	if ((out->f_flags & O_ACCMODE) == O_RDONLY)
		goto fput_out;
	ret = -EINVAL;
	if (!out->f_op->write || (out->f_flags & O_APPEND))
		goto fput_out;
	ret = rw_verify_area(out->f_pos, count);
	if (ret < 0)
		goto fput_out;
	count = ret;

	if (!max)
		max = min(in->f_inode->i_sb->s_maxbytes,
			  out->f_inode->i_sb->s_maxbytes);
	pos = *ppos;
	if (pos + (loff_t)count > max) {
		ret = -EOVERFLOW;
		if (pos >= max)
			goto fput_out;
		count = max - pos;
	}

	ret = -ENOMEM;
	kbuf = alloc_bounce_buffer(count);
	if (!kbuf)
		goto fput_out;
	while (done < (ssize_t)count) {
		size_t n = min(count - done, (size_t)IO_CHUNK);
		ssize_t got = in->f_op->read(in, kbuf, n, &pos);
		ssize_t put;

		if (got <= 0) {
			done = done_or(done, got);
			break;
		}
		put = out->f_op->write(out, kbuf, got, &out->f_pos);
		if (put < 0) {
			done = done_or(done, put);
			break;
		}
		done += put;
		*ppos += put;	/* only what reached out_fd */
		if (put < got || got < (ssize_t)n)
			break;	/* out is full, or in ended */
		if (fatal_signal_pending(current)) {
			done = done_or(done, -EINTR);
			break;
		}
		cond_resched();
	}
	kfree(kbuf);
	ret = done;
fput_out:
	fput(out);
fput_in:
	fput(in);
	return ret;
}

/* sendfile64 (RISC-V's sendfile, i386's sendfile64): a loff_t offset. */
SYSCALL_DEFINE4(sendfile64, int, out_fd, int, in_fd, loff_t __user *, offset,
		size_t, count)
{
	loff_t pos;
	long ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, 0);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count, 0);
	if (copy_to_user(offset, &pos, sizeof(pos)))
		return -EFAULT;
	return ret;
}

/* i386's sendfile: a 32-bit off_t offset, so nothing past MAX_NON_LFS. */
SYSCALL_DEFINE4(sendfile, int, out_fd, int, in_fd, long __user *, offset,
		size_t, count)
{
	loff_t pos;
	long off;
	long ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count, MAX_NON_LFS);
	if (copy_from_user(&off, offset, sizeof(off)))
		return -EFAULT;
	pos = off;
	ret = do_sendfile(out_fd, in_fd, &pos, count, MAX_NON_LFS);
	off = pos;
	if (copy_to_user(offset, &off, sizeof(off)))
		return -EFAULT;
	return ret;
}
