/*
 * A small /proc: /proc/tasks lists every task (pid, ppid, state, name),
 * kernel threads included, for MenuOS's `ps`; /proc/meminfo gives the
 * page counts. A file's text is generated at its first read and served
 * from that snapshot until it is closed.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PROC_BUF_SIZE 16384

struct proc_entry {
	size_t (*show)(char *buf, size_t size);
};

struct proc_buf {
	size_t len;
	char text[];
};

static size_t show_tasks(char *buf, size_t size)
{
	struct task_struct *p = &init_task;
	size_t len;

	len = scnprintf(buf, size, "  PID  PPID STATE          COMM\n");
	spin_lock(&tasklist_lock);
	do {
		len += scnprintf(buf + len, size - len, "%5d %5d %-14s %s\n",
				 p->pid, p == &init_task ? 0 :
				 p->real_parent->pid, task_state_name(p),
				 p->comm);
		p = list_entry(p->tasks.next, struct task_struct, tasks);
	} while (p != &init_task);
	spin_unlock(&tasklist_lock);
	return len;
}

static size_t show_meminfo(char *buf, size_t size)
{
	return scnprintf(buf, size,
			 "MemTotal:  %8lu kB\nMemFree:   %8lu kB\n"
			 "FreePages: %8lu\n",
			 totalram_pages << (PAGE_SHIFT - 10),
			 nr_free_pages() << (PAGE_SHIFT - 10), nr_free_pages());
}

static ssize_t proc_read(struct file *f, char *kbuf, size_t n, loff_t *pos)
{
	const struct proc_entry *entry = f->f_inode->i_private;
	struct proc_buf *pb = f->private_data;

	if (!pb) {
		pb = kmalloc(sizeof(*pb) + PROC_BUF_SIZE, GFP_KERNEL);
		if (!pb)
			return -ENOMEM;
		pb->len = entry->show(pb->text, PROC_BUF_SIZE);
		f->private_data = pb;
	}
	if (*pos >= (loff_t)pb->len)
		return 0;
	n = min(n, pb->len - (size_t)*pos);
	memcpy(kbuf, pb->text + *pos, n);
	*pos += n;
	return n;
}

static void proc_release(struct file *f)
{
	kfree(f->private_data);
}

static const struct file_operations proc_fops = {
	.read = proc_read,
	.release = proc_release,
};

static const struct proc_entry tasks_entry = { show_tasks };
static const struct proc_entry meminfo_entry = { show_meminfo };

static void proc_create(struct inode *dir, const char *name,
			const struct proc_entry *entry)
{
	long err = 0;
	struct inode *inode = ramfs_create(dir, name, strlen(name),
					   S_IFREG | 0444, &err);

	if (!inode)
		panic("proc: cannot create /proc/%s (%ld)", name, err);
	inode->i_fop = &proc_fops;
	inode->i_private = (void *)entry;
}

void proc_root_init(void)
{
	long err = 0;
	struct inode *proc = ramfs_lookup(root_inode, "proc", 4);

	if (!proc)
		proc = ramfs_create(root_inode, "proc", 4, S_IFDIR | 0555, &err);
	if (!proc || !S_ISDIR(proc->i_mode))
		panic("proc: cannot create /proc");
	proc_create(proc, "tasks", &tasks_entry);
	proc_create(proc, "meminfo", &meminfo_entry);
}
