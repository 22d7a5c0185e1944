/*
 * /proc: the root directory and its files. /proc sits in the RAM file
 * system's tree, so path lookup, stat and getdents64 need nothing new;
 * its inodes belong to proc_sb and have no stored data: a file's text is
 * printed by its show function (a seq_file) when a read starts at offset
 * 0, and the rest of that read, and any read that follows at a later
 * offset, is served from that snapshot — as Linux's seq_file does, so
 * `top` may lseek to 0 and read again for fresh figures. Nothing is cut
 * short: the buffer doubles until the text fits (PROC_MAX_TEXT).
 *
 * /proc/self is a symbolic link whose target, the caller's pid, is made
 * at each use (i_op->get_link). /proc/<pid> directories are in base.c.
 * Writing is refused as Linux refuses it: -EIO for these files, -EINVAL
 * for those of /proc/<pid>; names cannot be added or removed by users
 * (see proc_root_init).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

struct super_block proc_sb;
struct inode *proc_root;

/* Read from the snapshot of f's text, (re)made when the read starts at
 * 0. task: whose /proc/<pid> file it is, or NULL. */
ssize_t proc_seq_read(struct file *f, char *kbuf, size_t n, loff_t *pos,
		      struct task_struct *task)
{
	const struct proc_entry *entry = f->f_inode->i_private;
	struct seq_file *m = f->private_data;

	if (!m) {
		m = kzalloc(sizeof(*m), GFP_KERNEL);
		if (!m)
			return -ENOMEM;
		f->private_data = m;
	}
	if (*pos == 0 || !m->buf) {
		int err;

		kfree(m->buf);
		m->buf = NULL;
		m->count = 0;
		m->private = task;
		err = seq_generate(m, entry->show, PROC_MAX_TEXT);
		m->private = NULL;
		if (err)
			return err;
	}
	if (*pos >= (loff_t)m->count)
		return 0;
	n = min(n, m->count - (size_t)*pos);
	memcpy(kbuf, m->buf + *pos, n);
	*pos += n;
	return n;
}

void proc_seq_release(struct file *f)
{
	struct seq_file *m = f->private_data;

	if (m) {
		kfree(m->buf);
		kfree(m);
	}
}

static ssize_t proc_reg_read(struct file *f, char *kbuf, size_t n,
			     loff_t *pos)
{
	return proc_seq_read(f, kbuf, n, pos, NULL);
}

/* Linux's proc_reg_write: the file's write method, or -EIO without one.
 * A write is taken whole, as Linux's sysctl files take it. */
static ssize_t proc_reg_write(struct file *f, const char *kbuf, size_t n,
			      loff_t *pos)
{
	const struct proc_entry *entry = f->f_inode->i_private;

	(void)pos;
	return entry->write ? entry->write(kbuf, n) : -EIO;
}

const struct file_operations proc_reg_file_ops = {
	.llseek = seq_lseek,
	.read = proc_reg_read,
	.write = proc_reg_write,
	.release = proc_seq_release,
};

/* A new file in a /proc directory, printed by entry->show. */
struct inode *proc_create_entry(struct inode *dir,
				const struct proc_entry *entry,
				const struct file_operations *fops)
{
	long err = 0;
	struct inode *inode = ramfs_create(dir, entry->name,
					   strlen(entry->name), entry->mode,
					   &err);

	if (!inode)
		return NULL;
	inode->i_sb = &proc_sb;
	inode->i_fop = fops;
	inode->i_private = (void *)entry;
	if (dir != proc_root) {	/* a /proc/<pid> file: it finds its */
		inode->i_parent = dir;	/* process through the directory */
		ihold(dir);
	}
	return inode;
}

/* /proc/self -> the caller's process id. */
static int proc_self_get_link(struct inode *inode, char *buf, int size)
{
	(void)inode;
	return scnprintf(buf, size, "%d", current->tgid);
}

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

/*
 * Clonix's own /proc/tasks: every task, the idle task (pid 0) and
 * threads included, for MenuOS's `ps` (Linux's /proc lists neither).
 */
static int tasks_proc_show(struct seq_file *m)
{
	struct task_struct *p = &init_task;

	seq_puts(m, "  PID  PPID STATE          COMM\n");
	spin_lock_irq(&tasklist_lock);
	do {
		seq_printf(m, "%5d %5d %-14s %s\n", p->pid,
			   p == &init_task ? 0 : p->real_parent->pid,
			   task_state_name(p), p->comm);
		p = list_entry(p->tasks.next, struct task_struct, tasks);
	} while (p != &init_task);
	spin_unlock_irq(&tasklist_lock);
	return 0;
}

static const struct proc_entry proc_root_entries[] = {
	{ "cpuinfo", S_IFREG | 0444, cpuinfo_proc_show, NULL },
	{ "filesystems", S_IFREG | 0444, filesystems_proc_show, NULL },
	{ "loadavg", S_IFREG | 0444, loadavg_proc_show, NULL },
	{ "meminfo", S_IFREG | 0444, meminfo_proc_show, NULL },
	{ "mounts", S_IFREG | 0444, mounts_proc_show, NULL },
	{ "slabinfo", S_IFREG | 0400, slabinfo_show, NULL },
	{ "stat", S_IFREG | 0444, show_stat, NULL },
	{ "tasks", S_IFREG | 0444, tasks_proc_show, NULL },
	{ "uptime", S_IFREG | 0444, uptime_proc_show, NULL },
	{ "version", S_IFREG | 0444, version_proc_show, NULL },
};

/* Make /proc and its files, then a /proc/<pid> for each process that
 * already exists (pid 1, kthreadd and early kernel threads). */
void proc_root_init(void)
{
	struct task_struct *p;
	struct inode *self;
	long err = 0;
	size_t i;

	proc_sb.s_maxbytes = MAX_LFS_FILESIZE;
	proc_sb.s_magic = 0x9fa0;	/* PROC_SUPER_MAGIC, for statfs */
	proc_root = ramfs_lookup(root_inode, "proc", 4);
	if (!proc_root)
		proc_root = ramfs_create(root_inode, "proc", 4,
					 S_IFDIR | 0555, &err);
	if (!proc_root || !S_ISDIR(proc_root->i_mode) ||
	    !list_empty(&proc_root->i_children))
		panic("proc: cannot create an empty /proc");
	proc_root->i_mode = S_IFDIR | 0555;
	proc_root->i_sb = &proc_sb;
	for (i = 0; i < ARRAY_SIZE(proc_root_entries); i++)
		if (!proc_create_entry(proc_root, &proc_root_entries[i],
				       &proc_reg_file_ops))
			panic("proc: no memory for /proc/%s",
			      proc_root_entries[i].name);
	proc_sys_init();
	self = ramfs_create(proc_root, "self", 4, S_IFLNK | 0777, &err);
	if (!self)
		panic("proc: cannot create /proc/self (%ld)", err);
	self->i_sb = &proc_sb;
	self->i_op = &proc_self_inode_operations;
	self->i_size = 11;	/* the longest pid, "-2147483648" */

	/* Boot: no task can come or go while we walk (no lock needed; and
	 * proc_pid_instantiate takes tasklist_lock itself on failure). */
	for_each_process(p)
		if (p == p->group_leader && proc_pid_instantiate(p))
			panic("proc: no memory for /proc/%d", p->pid);
}
