/*
 * /proc/<pid>: one directory per process (thread-group leader), made the
 * first time someone asks for it — a path lookup of /proc/<pid> (or
 * /proc/self), or a listing of /proc (proc_pid_lookup, proc_fill_pids) —
 * as Linux makes its /proc entries on lookup rather than at fork, so fork
 * pays nothing for them; kernel threads get theirs at once. It is removed
 * when the process is reaped (proc_flush_pid, from release_task), so
 * getdents64 on /proc lists exactly the live processes, zombies included,
 * and opening /proc/<pid>/... of a reaped pid is -ENOENT. The directory's i_private
 * is the task until it is reaped; a file still open after that reads
 * -ESRCH, as Linux's do. Threads get no directory of their own (Linux
 * lists only processes in /proc and keeps threads in /proc/<pid>/task,
 * which Clonix does not have yet).
 *
 * fail-nth is Linux's fault-injection knob (lib/fault-inject.c), per task:
 * the directory's task, the process's leader (Linux has it per thread, in
 * /proc/thread-self and /proc/<pid>/task/<tid>/). Reading and writing it
 * allocate nothing (the VFS's bounce buffer is never injected), so the
 * read that follows the system call under test does not move the count
 * it reports.
 */
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* The task of a /proc/<pid>/ file (its directory's), with a reference;
 * NULL once the process has been reaped. */
struct task_struct *get_proc_task(struct inode *inode)
{
	struct inode *dir = inode->i_parent;
	struct task_struct *task;

	spin_lock_irq(&tasklist_lock);
	task = dir ? dir->i_private : NULL;
	if (task)
		get_task_struct(task);
	spin_unlock_irq(&tasklist_lock);
	return task;
}

/* cmdline: the argument strings, NUL-separated, read from the process's
 * own memory (so what it wrote over its argv shows). Empty for kernel
 * threads and zombies, as in Linux. */
static int proc_pid_cmdline(struct seq_file *m)
{
	struct mm_struct *mm = get_task_mm(m->private);
	unsigned long addr, end;
	char *page;
	int err = 0;

	if (!mm)
		return 0;
	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page) {
		mmput(mm);
		return -ENOMEM;
	}
	addr = mm->arg_start;
	end = mm->arg_end;
	while (addr < end && !seq_has_overflowed(m)) {
		int len = min(end - addr, PAGE_SIZE);
		int got = access_remote_vm(mm, addr, page, len);

		if (got <= 0)
			break;
		seq_write(m, page, got);
		addr += got;
		cond_resched();
	}
	kfree(page);
	mmput(mm);
	return err;
}

static int proc_pid_comm(struct seq_file *m)
{
	struct task_struct *task = m->private;

	seq_printf(m, "%s\n", task->comm);
	return 0;
}

static ssize_t proc_pid_read(struct file *f, char *kbuf, size_t n,
			     loff_t *pos)
{
	struct task_struct *task = get_proc_task(f->f_inode);
	ssize_t ret;

	if (!task)
		return -ESRCH;
	ret = proc_seq_read(f, kbuf, n, pos, task);
	put_task_struct(task);
	return ret;
}

/* No write method: writing gives -EINVAL, as Linux's /proc/<pid> files. */
static const struct file_operations proc_pid_file_ops = {
	.llseek = seq_lseek,
	.read = proc_pid_read,
	.release = proc_seq_release,
};

/* fail-nth, read: the allocations left before the injected failure, 0
 * once it has happened (or when none was asked for). From the stack: no
 * allocation. */
static ssize_t proc_fail_nth_read(struct file *f, char *kbuf, size_t n,
				  loff_t *pos)
{
	struct task_struct *task = get_proc_task(f->f_inode);
	char num[16];
	int len;

	if (!task)
		return -ESRCH;
	len = scnprintf(num, sizeof(num), "%u\n", READ_ONCE(task->fail_nth));
	put_task_struct(task);
	if (*pos >= len)
		return 0;
	n = min(n, (size_t)(len - *pos));
	memcpy(kbuf, num + *pos, n);
	*pos += n;
	return n;
}

/* fail-nth, write: N (decimal, an optional newline) makes the task's Nth
 * fallible allocation from now on fail; 0 turns it off. */
static ssize_t proc_fail_nth_write(struct file *f, const char *kbuf,
				   size_t n, loff_t *pos)
{
	struct task_struct *task;
	unsigned long val = 0;
	size_t i, len = n;

	(void)pos;
	if (len && kbuf[len - 1] == '\n')
		len--;
	if (!len || len > 10)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (kbuf[i] < '0' || kbuf[i] > '9')
			return -EINVAL;
		val = val * 10 + (kbuf[i] - '0');
	}
	if (val > 0xffffffffUL)
		return -EINVAL;
	task = get_proc_task(f->f_inode);
	if (!task)
		return -ESRCH;
	WRITE_ONCE(task->fail_nth, (unsigned int)val);
	put_task_struct(task);
	return n;
}

static const struct file_operations proc_fail_nth_ops = {
	.llseek = seq_lseek,
	.read = proc_fail_nth_read,
	.write = proc_fail_nth_write,
};

static const struct proc_entry pid_entries[] = {
	{ "cmdline", S_IFREG | 0444, proc_pid_cmdline, NULL },
	{ "comm", S_IFREG | 0444, proc_pid_comm, NULL },
	{ "fail-nth", S_IFREG | 0644, NULL, NULL },	/* proc_fail_nth_ops */
	{ "maps", S_IFREG | 0444, show_map, NULL },
	{ "stat", S_IFREG | 0444, proc_pid_stat, NULL },
	{ "status", S_IFREG | 0444, proc_pid_status, NULL },
};

/* Take a /proc/<pid> directory and its files out of /proc. */
static void proc_remove_pid_dir(struct inode *dir)
{
	char name[16];
	size_t i;

	/* The directory's name, copied: removing it frees its dentry. */
	strscpy(name, dir->i_dentry->d_name, sizeof(name));
	spin_lock_irq(&tasklist_lock);
	if (dir->i_private)
		((struct task_struct *)dir->i_private)->proc_dir = NULL;
	dir->i_private = NULL;	/* files still open now read -ESRCH */
	spin_unlock_irq(&tasklist_lock);
	for (i = 0; i < ARRAY_SIZE(pid_entries); i++)
		ramfs_unlink(dir, pid_entries[i].name,
			     strlen(pid_entries[i].name));
	ramfs_rmdir(proc_root, name, strlen(name));
}

/*
 * /proc/<pid> and its files belong to the process's effective user and
 * group (Linux's task_dump_owner for a dumpable task), so a process that
 * is not root may write its own fail-nth. Set when the directory is made
 * and again at each lookup, as Linux's pid_revalidate does, so a setuid
 * shows at the next lookup.
 */
static void proc_pid_set_owner(struct inode *dir, struct task_struct *task)
{
	const struct cred *cred = task->cred;
	struct dentry *d;

	dir->i_uid = cred->euid;
	dir->i_gid = cred->egid;
	list_for_each_entry(d, &dir->i_children, d_child) {
		d->d_inode->i_uid = cred->euid;
		d->d_inode->i_gid = cred->egid;
	}
}

/* Make /proc/<pid> for a new process: 0 or -ENOMEM (fork fails then). */
int proc_pid_instantiate(struct task_struct *task)
{
	char name[16];
	struct inode *dir;
	long err = 0;
	size_t i;

	if (!proc_root)
		return 0;	/* before /proc exists: proc_root_init does it */
	snprintf(name, sizeof(name), "%d", task->tgid);
	dir = ramfs_create(proc_root, name, strlen(name), S_IFDIR | 0555,
			   &err);
	if (!dir)
		return err;
	dir->i_sb = &proc_sb;
	spin_lock_irq(&tasklist_lock);
	dir->i_private = task;
	task->proc_dir = dir;
	spin_unlock_irq(&tasklist_lock);
	for (i = 0; i < ARRAY_SIZE(pid_entries); i++)
		if (!proc_create_entry(dir, &pid_entries[i],
				       pid_entries[i].show ?
				       &proc_pid_file_ops :
				       &proc_fail_nth_ops)) {
			proc_remove_pid_dir(dir);
			return -ENOMEM;
		}
	proc_pid_set_owner(dir, task);
	return 0;
}

/* execve from a thread (de_thread): the thread takes over the leader's
 * pid, and /proc/<pid> now shows it (tasklist_lock held). */
void proc_pid_transfer(struct task_struct *old, struct task_struct *new)
{
	struct inode *dir = old->proc_dir;

	if (dir && dir->i_private == old) {
		dir->i_private = new;
		new->proc_dir = dir;
		old->proc_dir = NULL;
	}
}

/* The process has been reaped: its /proc/<pid>, if it was made, goes. */
void proc_flush_pid(struct task_struct *task)
{
	struct inode *dir = READ_ONCE(task->proc_dir);

	if (dir && task == task->group_leader && dir->i_private == task)
		proc_remove_pid_dir(dir);
}

/* The live thread-group leader with this pid, with a reference, or NULL. */
static struct task_struct *get_pid_leader(pid_t pid)
{
	struct task_struct *task;

	spin_lock_irq(&tasklist_lock);
	task = find_task_by_pid(pid);
	if (task && (task != task->group_leader || list_empty(&task->tasks)))
		task = NULL;
	if (task)
		get_task_struct(task);
	spin_unlock_irq(&tasklist_lock);
	return task;
}

/*
 * A path lookup in /proc asks for name: if it is a live process's id and
 * its directory is not there yet, make it. Out of memory, there is none,
 * and the lookup finds nothing (ENOENT), as a listing leaves it out.
 */
void proc_pid_lookup(const char *name, int len)
{
	struct task_struct *task;
	struct dentry *d;
	pid_t pid = 0;
	int i;

	if (len < 1 || len > 9 || name[0] == '0')
		return;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return;
		pid = pid * 10 + (name[i] - '0');
	}
	task = get_pid_leader(pid);
	if (!task)
		return;
	d = d_lookup(proc_root, name, len);
	if (d) {
		if (d->d_inode->i_private == task)
			proc_pid_set_owner(d->d_inode, task);
		put_task_struct(task);
		return;
	}
	proc_pid_instantiate(task);
	/* Reaped meanwhile (another CPU): release_task's flush found no
	 * directory yet, so this one goes now. */
	if (list_empty(&task->tasks))
		proc_flush_pid(task);
	put_task_struct(task);
}

/* getdents64 of /proc, before it lists: a directory for every process. */
void proc_fill_pids(void)
{
	struct task_struct *p;
	int n = 0, max, i;
	pid_t *pids;

	spin_lock_irq(&tasklist_lock);
	max = nr_threads + 1;
	spin_unlock_irq(&tasklist_lock);
	pids = kmalloc(max * sizeof(*pids), GFP_KERNEL);
	if (!pids)
		return;
	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p == p->group_leader && n < max)
			pids[n++] = p->tgid;
	spin_unlock_irq(&tasklist_lock);
	for (i = 0; i < n; i++) {
		char name[16];

		proc_pid_lookup(name, snprintf(name, sizeof(name), "%d",
					       pids[i]));
		cond_resched();
	}
	kfree(pids);
}
