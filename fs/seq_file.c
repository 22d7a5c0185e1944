/*
 * seq_file: generate a file's text into a kernel buffer (see
 * include/linux/seq_file.h). /proc uses it for every file: the text is
 * made once, at the first read, and read(2) serves that snapshot.
 */
#include <asm/page.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <stdarg.h>

void seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len >= m->size) {
		m->count = m->size;	/* overflowed: show runs again */
		return;
	}
	memcpy(m->buf + m->count, data, len);
	m->count += len;
}

void seq_puts(struct seq_file *m, const char *s)
{
	seq_write(m, s, strlen(s));
}

void seq_putc(struct seq_file *m, char c)
{
	seq_write(m, &c, 1);
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	size_t room = m->size - m->count;
	va_list ap;
	int len;

	if (seq_has_overflowed(m))
		return;
	va_start(ap, fmt);
	len = vsnprintf(m->buf + m->count, room, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= room)
		m->count = m->size;
	else
		m->count += len;
}

/* Pad the current line with c up to column width (Linux's seq_pad pads
 * /proc/<pid>/maps before the path). */
void seq_pad(struct seq_file *m, char c, size_t width)
{
	size_t start = m->count, col = 0;

	while (start > 0 && m->buf[start - 1] != '\n')
		start--, col++;
	while (col++ < width)
		seq_putc(m, c);
}

loff_t seq_lseek(struct file *f, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += f->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	f->f_pos = offset;
	return offset;
}

int seq_generate(struct seq_file *m, int (*show)(struct seq_file *m),
		 size_t max)
{
	size_t size = PAGE_SIZE;
	int err;

	for (;;) {
		m->buf = kmalloc(size, GFP_KERNEL);
		if (!m->buf)
			return -ENOMEM;
		m->size = size;
		m->count = 0;
		err = show(m);
		if (!err && !seq_has_overflowed(m))
			return 0;
		kfree(m->buf);
		m->buf = NULL;
		if (err)
			return err;
		if (size >= max)
			return -ENOMEM;
		size *= 2;
		cond_resched();
	}
}
