/*
 * seq_file: text generated into a buffer, as Linux's /proc files are. The
 * show function prints with seq_printf; when the text does not fit, the
 * buffer is marked full (seq_has_overflowed) and the caller runs show
 * again with a buffer twice as large, so a long file is never cut short.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/compiler.h>
#include <linux/types.h>

struct file;

struct seq_file {
	char *buf;
	size_t size;
	size_t count;	/* == size once something did not fit */
	void *private;	/* the task, for /proc/<pid> files */
};

void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_pad(struct seq_file *m, char c, size_t width);

static inline bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/*
 * Run show(m) into a fresh buffer, doubling it until the text fits (at
 * most max bytes): 0 with m->buf / m->count set (kfree(m->buf) later),
 * show's error, or -ENOMEM.
 */
/* lseek in a seq_file's text: SEEK_SET and SEEK_CUR only, as Linux's;
 * a read that then starts at 0 makes the text anew. */
loff_t seq_lseek(struct file *f, loff_t offset, int whence);

int seq_generate(struct seq_file *m, int (*show)(struct seq_file *m),
		 size_t max);

#endif
