/*
 * /proc/sys: the kernel's tunables as files, as Linux's sysctl tree.
 * /proc/sys/kernel/threads-max: the most tasks that may exist at once
 * (max_threads, which fork_init sets, as Linux's set_max_threads, so that
 * kernel stacks take at most an eighth of RAM). Reading it prints the
 * number; root may write another, from 20 to FUTEX_TID_MASK as Linux
 * allows (anything else is EINVAL), and fork then fails with EAGAIN only
 * at that many — or with ENOMEM when memory runs out first.
 * /proc/sys/kernel/pid_max: the pid after which alloc_pid wraps back to
 * 300; root may write from 301 to PID_MAX_LIMIT, as Linux, else EINVAL.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "internal.h"

#define MIN_THREADS 20
#define MAX_THREADS 0x3fffffff	/* FUTEX_TID_MASK: a tid must fit */

static int threads_max_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", READ_ONCE(max_threads));
	return 0;
}

/* A decimal number, optionally followed by one newline, as Linux's
 * proc_dointvec takes it; -EINVAL for anything else. */
static long parse_decimal(const char *kbuf, size_t n, unsigned long *val)
{
	char buf[24], *end;

	if (!n || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, kbuf, n);
	buf[n] = 0;
	if (buf[n - 1] == '\n')
		buf[--n] = 0;
	if (!n || buf[0] < '0' || buf[0] > '9')
		return -EINVAL;
	*val = simple_strtoul(buf, &end, 10);
	return *end || n > 10 ? -EINVAL : 0;
}

static ssize_t threads_max_write(const char *kbuf, size_t n)
{
	unsigned long val;
	long err = parse_decimal(kbuf, n, &val);

	if (err)
		return err;
	if (val < MIN_THREADS || val > MAX_THREADS)
		return -EINVAL;
	WRITE_ONCE(max_threads, (int)val);
	return n;
}

static int pid_max_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", READ_ONCE(pid_max));
	return 0;
}

/* Pids already given above a lowered pid_max keep them until they are freed. */
static ssize_t pid_max_write(const char *kbuf, size_t n)
{
	unsigned long val;
	long err = parse_decimal(kbuf, n, &val);

	if (err)
		return err;
	if (val < (unsigned long)pid_max_min ||
	    val > (unsigned long)pid_max_max)
		return -EINVAL;
	WRITE_ONCE(pid_max, (int)val);
	return n;
}

static const struct proc_entry kernel_entries[] = {
	{ "pid_max", S_IFREG | 0644, pid_max_show, pid_max_write },
	{ "threads-max", S_IFREG | 0644, threads_max_show, threads_max_write },
};

/* A directory under /proc for the tunables; boot has no way on without. */
static struct inode *proc_sys_mkdir(struct inode *dir, const char *name)
{
	long err = 0;
	struct inode *inode = ramfs_create(dir, name, strlen(name),
					   S_IFDIR | 0555, &err);

	if (!inode)
		panic("proc: cannot create /proc/.../%s (%ld)", name, err);
	inode->i_sb = &proc_sb;
	return inode;
}

void proc_sys_init(void)
{
	struct inode *kernel = proc_sys_mkdir(proc_sys_mkdir(proc_root, "sys"),
					      "kernel");
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kernel_entries); i++)
		if (!proc_create_entry(kernel, &kernel_entries[i],
				       &proc_reg_file_ops))
			panic("proc: no memory for /proc/sys/kernel/%s",
			      kernel_entries[i].name);
}
