/*
 * execve: replace the calling process's program. Everything that can fail
 * is done first — finding the file, copying the arguments, building the
 * complete new address space — while the old program is still intact, so
 * a failed exec returns an error to a program that can carry on. Then,
 * past the point of no return, the new address space replaces the old,
 * close-on-exec files are closed, signal handlers reset, and the saved
 * user registers are set so that returning from the system call lands at
 * the new program's entry point.
 */
#include <asm/elf.h>
#include <asm/mmu_context.h>
#include <linux/syscalls.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>


/* Append one string (from the kernel or from user space) to bprm. A kernel
 * caller (kernel_execve) passes kernel strings in the user-typed arguments,
 * with from_kernel set: only then are they read directly (the __force). */
static int copy_string(struct linux_binprm *bprm, const char __user *str,
		       bool from_kernel)
{
	size_t room = ARG_MAX - bprm->strings_len;
	long len;

	if (from_kernel) {
		const char *kstr = (__force const char *)str;

		len = strnlen(kstr, room);
		if ((size_t)len < room)
			memcpy(bprm->strings + bprm->strings_len, kstr, len + 1);
	} else {
		len = strncpy_from_user(bprm->strings + bprm->strings_len, str,
					room);
		if (len < 0)
			return len;
	}
	if ((size_t)len >= room)
		return -E2BIG;
	bprm->strings_len += len + 1;
	return 0;
}

/* Copy a NULL-terminated array of strings; returns how many, or -errno. */
static int copy_strings(struct linux_binprm *bprm,
		const char __user *const __user *argv,
			bool from_kernel)
{
	int n;

	if (!argv)
		return 0;	/* Linux allows a NULL argv or envp */
	for (n = 0;; n++) {
		const char __user *str;
		int err;

		if (from_kernel)
			str = ((__force const char __user *const *)argv)[n];
		else if (copy_from_user(&str, &argv[n], sizeof(str)))
			return -EFAULT;
		if (!str)
			return n;
		if (n >= MAX_ARG_STRINGS)
			return -E2BIG;
		err = copy_string(bprm, str, from_kernel);
		if (err)
			return err;
	}
}

/* The point of no return: current takes the new address space. */
static void exec_mmap(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	struct mm_struct *old_mm = tsk->mm, *active_mm = tsk->active_mm;

	mm_release(tsk);	/* a vfork parent may go on now */
	tsk->mm = mm;
	tsk->active_mm = mm;
	switch_mm(active_mm, mm, tsk);
	if (old_mm)
		mmput(old_mm);
	else
		mmdrop(active_mm);	/* a kernel thread's borrowed mm */
}

/*
 * execve from a thread (Linux's de_thread): the other threads are killed
 * (zap_other_threads) and waited for; if we are not the leader, we wait
 * for it to become a zombie too, take over its pid — the process's — and
 * its place in the process tree, and reap it. Then we are a one-thread
 * process with the process's pid, as if the leader had called execve.
 * -EAGAIN if a group exit or another execve got there first, or we are
 * killed meanwhile.
 */
static noinline int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	spinlock_t *lock = &tsk->sighand->siglock;
	struct task_struct *leader;
	pid_t tid;

	if (thread_group_empty(tsk))
		goto no_thread_group;
	spin_lock_irq(lock);
	if ((sig->flags & SIGNAL_GROUP_EXIT) || sig->group_exec_task) {
		spin_unlock_irq(lock);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	sig->notify_count = zap_other_threads(tsk);
	if (!thread_group_leader(tsk))
		sig->notify_count--;	/* the leader stays, a zombie */
	while (sig->notify_count) {
		__set_current_state(TASK_INTERRUPTIBLE);
		spin_unlock_irq(lock);
		schedule();
		if (fatal_signal_pending(tsk))
			goto killed;
		spin_lock_irq(lock);
	}
	spin_unlock_irq(lock);

	if (!thread_group_leader(tsk)) {
		leader = tsk->group_leader;
		for (;;) {
			spin_lock_irq(&tasklist_lock);
			sig->notify_count = -1;	/* exit_notify wakes us */
			if (leader->exit_state)
				break;
			__set_current_state(TASK_INTERRUPTIBLE);
			spin_unlock_irq(&tasklist_lock);
			schedule();
			if (fatal_signal_pending(tsk))
				goto killed;
		}
		/* Swap pids: we become the process's pid, the leader dies
		 * with ours. We take its place as its parent's child. */
		tid = tsk->pid;
		tsk->pid = leader->pid;
		leader->pid = tid;
		tsk->start_time = leader->start_time;
		tsk->real_parent = leader->real_parent;
		tsk->parent = leader->parent;
		list_replace_init(&leader->sibling, &tsk->sibling);
		tsk->group_leader = tsk;
		leader->group_leader = tsk;
		tsk->exit_signal = SIGCHLD;
		leader->exit_signal = -1;
		leader->exit_state = EXIT_DEAD;
		proc_pid_transfer(leader, tsk);
		spin_unlock_irq(&tasklist_lock);
		release_task(leader);
	}
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
no_thread_group:
	tsk->exit_signal = SIGCHLD;	/* a new program: its parent hears */
	return 0;

killed:
	spin_lock_irq(&tasklist_lock);
	sig->group_exec_task = NULL;
	sig->notify_count = 0;
	spin_unlock_irq(&tasklist_lock);
	return -EAGAIN;
}

/* Signal handlers point into the old program: back to SIG_DFL. */
static void flush_signal_handlers(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];

		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->mask = 0;
		ka->restorer = 0;
	}
	/* execve(2): the alternate signal stack is not preserved. */
	t->sas_ss_sp = t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

noinline int do_execve(const char __user *filename,
		       const char __user *const __user *argv,
		       const char __user *const __user *envp, bool from_kernel)
{
	struct linux_binprm bprm = { 0 };
	long err = 0;
	int n;

	bprm.filename = from_kernel ? (__force const char *)filename :
				      getname(filename);
	if (IS_ERR(bprm.filename))
		return PTR_ERR(bprm.filename);
	bprm.inode = path_lookup(current->fs->pwd, bprm.filename, true, &err);
	if (!bprm.inode)
		goto out;
	ihold(bprm.inode);	/* nobody may free it while we read it */
	/* A regular file we may execute (root: one with an x bit). */
	err = -EACCES;
	if (!S_ISREG(bprm.inode->i_mode) ||
	    inode_permission(bprm.inode, MAY_EXEC))
		goto out;
	err = -ENOMEM;
	bprm.file = alloc_file(bprm.inode, O_RDONLY | O_LARGEFILE);
	if (!bprm.file)
		goto out;
	err = deny_write_access(bprm.file);	/* ETXTBSY: open for writing */
	if (err) {
		fput(bprm.file);
		bprm.file = NULL;
		goto out;
	}
	err = -ENOMEM;
	bprm.size = bprm.inode->i_size;
	n = kernel_read(bprm.file, bprm.buf, sizeof(bprm.buf), &(loff_t){ 0 });
	if (n < 0) {
		err = n;
		goto out;
	}

	err = -ENOMEM;
	bprm.strings = kmalloc(ARG_MAX, GFP_KERNEL);
	if (!bprm.strings)
		goto out;
	n = copy_strings(&bprm, argv, from_kernel);
	if (n < 0) {
		err = n;
		goto out;
	}
	bprm.argc = n;
	n = copy_strings(&bprm, envp, from_kernel);
	if (n < 0) {
		err = n;
		goto out;
	}
	bprm.envc = n;

	err = -ENOMEM;
	bprm.mm = mm_alloc();
	if (!bprm.mm)
		goto out;
	/* A file table shared with CLONE_FILES is the others' too: the new
	 * program gets its own copy (Linux's unshare_files), so closing its
	 * close-on-exec files does not close theirs. */
	if (READ_ONCE(current->files->count) > 1) {
		int ferr = 0;

		bprm.files = dup_fd(current->files, &ferr);
		if (!bprm.files) {
			err = ferr;
			goto out;
		}
	}
	err = load_elf_binary(&bprm);
	if (err)
		goto out;
	err = de_thread(current);	/* the only thread left */
	if (!err)
		err = unshare_sighand(current);
	if (err)
		goto out;

	/* Point of no return. The new address space keeps the program
	 * file unwritable for as long as it runs it (exe_file). */
	bprm.mm->exe_file = bprm.file;
	bprm.file = NULL;
	exec_mmap(bprm.mm);
	bprm.mm = NULL;
	current->mm->start_brk = current->mm->brk = bprm.start_brk;
	current->mm->start_stack = bprm.sp;
	if (bprm.files) {
		struct files_struct *shared = current->files;

		current->files = bprm.files;	/* only we look at it */
		bprm.files = NULL;
		put_files_struct(shared);
	}
	set_task_comm(current, basename(bprm.filename));
	do_close_on_exec();
	flush_signal_handlers(current);
	current->flags &= ~PF_FORKNOEXEC;	/* a parent's setpgid now fails */
	if (current->flags & PF_KTHREAD) {
		/* kernel_init becoming /init: now a user process. */
		current->flags &= ~PF_KTHREAD;
		nr_processes_user++;
	}
	start_thread(current_pt_regs(), bprm.entry, bprm.sp);
	err = 0;
out:
	if (bprm.files)
		put_files_struct(bprm.files);
	kfree(bprm.phdrs);
	if (bprm.file) {
		allow_write_access(bprm.file);
		fput(bprm.file);
	}
	if (bprm.inode)
		iput(bprm.inode);
	if (bprm.mm)
		mmput(bprm.mm);
	kfree(bprm.strings);
	if (!from_kernel && !IS_ERR(bprm.filename))
		putname((char *)bprm.filename);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execve(filename, argv, envp, false);
}

/* Exec from a kernel thread (kernel_init starting /init). */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	return do_execve((__force const char __user *)filename,
			 (__force const char __user *const __user *)argv,
			 (__force const char __user *const __user *)envp, true);
}
