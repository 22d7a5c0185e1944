/*
 * Creating tasks: the fork path, function for function as in Linux.
 *
 *   sys_clone / sys_fork / sys_vfork / kernel_thread
 *     -> kernel_clone            (do_fork is Linux 3.18's name for it)
 *        -> copy_process         checks, then copies or shares each part:
 *           -> dup_task_struct   task_struct + kernel stack (+ arch copy)
 *           -> sched_fork        scheduler state
 *           -> copy_files, copy_fs, copy_sighand, copy_signal, copy_mm
 *           -> copy_thread       (arch) the child's pt_regs and thread.ra/sp
 *           -> alloc_pid
 *        -> wake_up_new_task     the child joins the run queue
 *
 * copy_process undoes exactly what it did when a step fails, through the
 * bad_fork_* ladder at its end, so a failed fork leaks nothing.
 */
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/fs_struct.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/time.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

DEFINE_SPINLOCK(tasklist_lock);	/* guards the process tree and task list */
int nr_threads;			/* tasks alive, excluding the idle task */
int max_threads;		/* the limit copy_process enforces */
int nr_processes_user;		/* user processes: RLIMIT_NPROC counts these */
unsigned long total_forks;	/* tasks created since boot (/proc/stat) */

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *signal_cachep;
static struct kmem_cache *sighand_cachep;
struct kmem_cache *files_cachep;
struct kmem_cache *fs_cachep;
static struct kmem_cache *mm_cachep;
struct kmem_cache *vm_area_cachep;

void fork_init(void)
{
	signals_init();
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 16);
	signal_cachep = kmem_cache_create("signal_cache",
					  sizeof(struct signal_struct), 8);
	sighand_cachep = kmem_cache_create("sighand_cache",
					   sizeof(struct sighand_struct), 8);
	files_cachep = kmem_cache_create("files_cache",
					 sizeof(struct files_struct), 8);
	fs_cachep = kmem_cache_create("fs_cache", sizeof(struct fs_struct), 8);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 8);
	vm_area_cachep = kmem_cache_create("vm_area_struct",
					   sizeof(struct vm_area_struct), 8);
	if (!task_struct_cachep || !signal_cachep || !sighand_cachep ||
	    !files_cachep || !fs_cachep || !mm_cachep || !vm_area_cachep)
		panic("fork_init: out of memory");

	/* As Linux's set_max_threads(): thread stacks may use at most 1/8
	 * of RAM. RLIMIT_NPROC defaults to half of that. */
	max_threads = totalram_pages * PAGE_SIZE / (8 * THREAD_SIZE);
	if (max_threads < 20)
		max_threads = 20;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	/* Queued signals (rt_sigqueueinfo, SIGCHLD's siginfo ...): Linux's
	 * default, the same as RLIMIT_NPROC's. */
	init_task.signal->rlim[RLIMIT_SIGPENDING].rlim_cur = max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING].rlim_max = max_threads / 2;
	printk("fork: max_threads %d, RLIMIT_NPROC %d\n", max_threads,
	       max_threads / 2);
}

static noinline struct task_struct *alloc_task_struct_node(int node)
{
	(void)node;	/* one memory node */
	return kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
}

static void free_task_struct(struct task_struct *tsk)
{
	kmem_cache_free(task_struct_cachep, tsk);
}

static void *alloc_thread_stack_node(int node)
{
	(void)node;
	return (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
}

static void free_thread_stack(struct task_struct *tsk)
{
	free_pages((unsigned long)tsk->stack, THREAD_SIZE_ORDER);
	tsk->stack = NULL;
}

/* The last reference to a dead task is gone: free it and its stack. */
void put_task_struct(struct task_struct *t)
{
	if (__atomic_sub_fetch(&t->usage, 1, __ATOMIC_ACQ_REL))
		return;
	BUG_ON(t == current);
	exit_creds(t);
	free_thread_stack(t);
	free_task_struct(t);
}

/*
 * A copy of orig's task_struct (arch_dup_task_struct) with a kernel stack
 * of its own. Two references: one for the parent (dropped when the child is
 * reaped, in release_task), one dropped when the dead child switches away
 * for the last time (finish_task_switch).
 */
noinline struct task_struct *dup_task_struct(struct task_struct *orig,
					     int node)
{
	struct task_struct *tsk;
	void *stack;

	tsk = alloc_task_struct_node(node);
	if (!tsk)
		return NULL;
	stack = alloc_thread_stack_node(node);
	if (!stack)
		goto free_tsk;
	if (arch_dup_task_struct(tsk, orig))
		goto free_stack;
	tsk->stack = stack;
	clear_tsk_need_resched(tsk);
	tsk->usage = 2;
	tsk->fail_nth = 0;	/* fault injection is the parent's, not inherited */
	return tsk;

free_stack:
	free_pages((unsigned long)stack, THREAD_SIZE_ORDER);
free_tsk:
	free_task_struct(tsk);
	return NULL;
}

/* Open files: share the table (CLONE_FILES) or copy it (dup_fd, in
 * fs/file.c). */
noinline int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *oldf = current->files, *newf;
	int error = 0;

	if (!oldf)
		return 0;
	if (clone_flags & CLONE_FILES) {
		__atomic_fetch_add(&oldf->count, 1, __ATOMIC_RELAXED);
		return 0;
	}
	newf = dup_fd(oldf, &error);
	if (!newf)
		return error;
	tsk->files = newf;
	return 0;
}

/* Root and working directory: share (CLONE_FS) or copy. */
noinline int copy_fs(unsigned long clone_flags, struct task_struct *tsk)
{
	struct fs_struct *fs = current->fs, *new;

	if (!fs)
		return 0;
	if (clone_flags & CLONE_FS) {
		spin_lock(&fs->lock);
		fs->users++;
		spin_unlock(&fs->lock);
		return 0;
	}
	new = kmem_cache_alloc(fs_cachep, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	new->users = 1;
	spin_lock_init(&new->lock);
	spin_lock(&fs->lock);
	new->umask = fs->umask;
	new->root = fs->root;
	new->pwd = fs->pwd;
	if (new->root)
		ihold(new->root);
	if (new->pwd)
		ihold(new->pwd);
	spin_unlock(&fs->lock);
	tsk->fs = new;
	return 0;
}

/* Signal actions: share (CLONE_SIGHAND) or copy. */
noinline int copy_sighand(unsigned long clone_flags, struct task_struct *tsk)
{
	struct sighand_struct *sig;

	if (clone_flags & CLONE_SIGHAND) {
		__atomic_fetch_add(&current->sighand->count, 1,
				   __ATOMIC_RELAXED);
		return 0;
	}
	sig = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	tsk->sighand = sig;
	spin_lock_init(&sig->siglock);
	sig->count = 1;
	memcpy(sig->action, current->sighand->action, sizeof(sig->action));
	return 0;
}

/* execve: signal actions shared with another process (CLONE_SIGHAND
 * without CLONE_THREAD) are copied first, so resetting the new program's
 * handlers leaves the other's alone (Linux's unshare_sighand). */
int unshare_sighand(struct task_struct *me)
{
	struct sighand_struct *old = me->sighand, *new;

	if (READ_ONCE(old->count) == 1)
		return 0;
	new = kmem_cache_alloc(sighand_cachep, GFP_KERNEL);
	if (!new)
		return -ENOMEM;
	spin_lock_init(&new->siglock);
	new->count = 1;
	spin_lock_irq(&tasklist_lock);
	spin_lock(&old->siglock);
	memcpy(new->action, old->action, sizeof(new->action));
	me->sighand = new;
	spin_unlock(&old->siglock);
	spin_unlock_irq(&tasklist_lock);
	__cleanup_sighand(old);
	return 0;
}

void __cleanup_sighand(struct sighand_struct *sighand)
{
	if (!__atomic_sub_fetch(&sighand->count, 1, __ATOMIC_ACQ_REL) &&
	    sighand != &init_sighand)
		kmem_cache_free(sighand_cachep, sighand);
}

/* Process-wide state: a thread (CLONE_THREAD) shares its group's. */
noinline int copy_signal(unsigned long clone_flags, struct task_struct *tsk)
{
	struct signal_struct *sig;

	if (clone_flags & CLONE_THREAD) {
		__atomic_fetch_add(&current->signal->sig_count, 1,
				   __ATOMIC_RELAXED);
		current->signal->nr_threads++;
		__atomic_fetch_add(&current->signal->live, 1, __ATOMIC_RELAXED);
		return 0;
	}
	sig = kmem_cache_zalloc(signal_cachep, GFP_KERNEL);
	if (!sig)
		return -ENOMEM;
	tsk->signal = sig;
	sig->sig_count = 1;
	sig->nr_threads = 1;
	init_waitqueue_head(&sig->wait_chldexit);
	init_sigpending(&sig->shared_pending);
	INIT_LIST_HEAD(&sig->thread_head);
	sig->pgrp = task_pgrp_nr(current);	/* the parent's group ... */
	sig->session = task_session_nr(current);	/* ... and session */
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	sig->tty = current->signal->tty;	/* the controlling terminal */
	sig->live = 1;
	itimer_init(sig, tsk);	/* pending timers are not inherited */
	return 0;
}

void put_signal_struct(struct signal_struct *sig)
{
	if (!__atomic_sub_fetch(&sig->sig_count, 1, __ATOMIC_ACQ_REL) &&
	    sig != &init_signals) {
		flush_sigqueue(&sig->shared_pending);	/* nobody took them */
		kmem_cache_free(signal_cachep, sig);
	}
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	INIT_LIST_HEAD(&mm->mmap);
	spin_lock_init(&mm->page_table_lock);
	init_rwsem(&mm->mmap_lock);
	mm->mm_users = 1;
	mm->mm_count = 1;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* Drop a reference to the mm_struct itself (lazy TLB users hold these). */
void mmdrop(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_count, 1, __ATOMIC_ACQ_REL))
		return;
	BUG_ON(mm == &init_mm);
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/*
 * Another task's address space, with a use (mm_users) taken: NULL for a
 * kernel thread or a task that has exited (/proc reads it so). The
 * kernel is not preempted and has one CPU, so nothing can change p->mm
 * between the read and the increment; with SMP this takes task_lock(p),
 * as Linux's does.
 */
struct mm_struct *get_task_mm(struct task_struct *p)
{
	struct mm_struct *mm = p->mm;

	if (!mm || (p->flags & PF_KTHREAD))
		return NULL;
	__atomic_fetch_add(&mm->mm_users, 1, __ATOMIC_RELAXED);
	return mm;
}

/* The last task using this address space is done with it. */
void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_users, 1, __ATOMIC_ACQ_REL))
		return;
	exit_mmap(mm);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		fput(mm->exe_file);
	}
	mmdrop(mm);
}

/* Copy every VMA of oldmm, and the pages behind it, into mm. oldmm stays
 * locked meanwhile (the copy reschedules; its other threads must not
 * change it), and a SIGKILL stops the copy as in Linux. */
/* A copy of orig, on no list yet, with a reference to its file. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig)
{
	struct vm_area_struct *new = kmem_cache_alloc(vm_area_cachep,
						      GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *orig;
	INIT_LIST_HEAD(&new->vm_list);
	INIT_LIST_HEAD(&new->shared);
	if (new->vm_file)
		get_file(new->vm_file);
	return new;
}

/*
 * Copy oldmm's VMAs and pages into mm. A file-backed VMA's copy joins the
 * file's i_mmap list before its pages are copied, so a truncation that
 * runs meanwhile unmaps them in the child too. madvise's MADV_DONTFORK
 * keeps a VMA out of the child, MADV_WIPEONFORK gives the child it empty.
 */
static int dup_mmap(struct mm_struct *mm, struct mm_struct *oldmm)
{
	struct vm_area_struct *mpnt, *tmp;
	int retval = 0;

	mmap_write_lock(oldmm);
	list_for_each_entry(mpnt, &oldmm->mmap, vm_list) {
		if (fatal_signal_pending(current)) {
			retval = -EINTR;
			break;
		}
		if (mpnt->vm_flags & VM_DONTCOPY)
			continue;
		tmp = vm_area_dup(mpnt);
		if (!tmp) {
			retval = -ENOMEM;
			break;
		}
		tmp->vm_mm = mm;
		list_add_tail(&tmp->vm_list, &mm->mmap);
		vma_link_file(tmp);
		if (!(tmp->vm_flags & VM_WIPEONFORK))
			retval = copy_page_range(mm, oldmm, tmp);
		if (retval)
			break;
		/* as many VMAs as a user made, whose page tables may all be
		 * shared (no copy_pmd_range loop to call it): mmap_lock is a
		 * sleeping lock */
		cond_resched();
	}
	/* copy_pte_range took write access away from the parent's private
	 * pages: its TLB must forget the writable translations. */
	flush_tlb_mm(oldmm);
	mmap_write_unlock(oldmm);
	return retval;
}

/*
 * A new address space that is a copy of the current one: same layout and
 * the same pages, shared copy-on-write (copy_pte_range) until one side
 * writes.
 */
noinline struct mm_struct *dup_mm(struct task_struct *tsk,
				  struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct list_head save;

	(void)tsk;
	if (!mm)
		return NULL;
	save = mm->mmap;
	memcpy(&mm->start_code, &oldmm->start_code,
	       sizeof(*mm) - offsetof(struct mm_struct, start_code));
	mm->mmap = save;
	/* It runs the same program: the file stays unwritable while it does
	 * (this cannot fail: oldmm already keeps writers out). */
	if (oldmm->exe_file && !deny_write_access(oldmm->exe_file))
		mm->exe_file = get_file(oldmm->exe_file);
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);	/* frees what dup_mmap managed to copy */
		return NULL;
	}
	return mm;
}

/* The address space: none for kernel threads, shared (CLONE_VM), or copied. */
noinline int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm, *mm;

	tsk->mm = NULL;
	tsk->active_mm = NULL;
	if (!oldmm)
		return 0;	/* a kernel thread borrows whatever is loaded */
	if (clone_flags & CLONE_VM) {
		__atomic_fetch_add(&oldmm->mm_users, 1, __ATOMIC_RELAXED);
		mm = oldmm;
	} else {
		mm = dup_mm(tsk, oldmm);
		if (!mm)
			return -ENOMEM;
	}
	tsk->mm = mm;
	tsk->active_mm = mm;
	return 0;
}

/* Would one more task break RLIMIT_NPROC (Clonix has no capabilities: it
 * binds every user task) or threads-max? */
static bool too_many_tasks(struct task_struct *p,
			   struct kernel_clone_args *args)
{
	if (!args->fn &&
	    (unsigned long)nr_processes_user >= task_rlimit(p, RLIMIT_NPROC))
		return true;
	return nr_threads >= max_threads;
}

/*
 * Create a new task as a copy of current, sharing what clone_flags say. It
 * is not yet runnable: kernel_clone wakes it up. Returns an ERR_PTR on
 * failure, with everything allocated so far released again.
 */
noinline struct task_struct *copy_process(int node,
					  struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct task_struct *p;
	int retval;
	pid_t pid;

	/* Flag combinations Linux refuses, and features Clonix lacks. */
	if ((clone_flags & (CLONE_NEWNS | CLONE_FS)) ==
	    (CLONE_NEWNS | CLONE_FS))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & CLONE_THREAD) && !(clone_flags & CLONE_SIGHAND))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & CLONE_SIGHAND) && !(clone_flags & CLONE_VM))
		return ERR_PTR(-EINVAL);
	/* init's siblings would be children of the idle task, which never
	 * reaps them: Linux refuses them. (init may have threads.) */
	if ((clone_flags & CLONE_PARENT) &&
	    (current->signal->flags & SIGNAL_UNKILLABLE))
		return ERR_PTR(-EINVAL);
	if (clone_flags & (CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS |
			   CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
			   CLONE_NEWNET | CLONE_PIDFD))
		return ERR_PTR(-EINVAL);	/* no namespaces or pidfds */

	retval = -ENOMEM;
	p = dup_task_struct(current, node);
	if (!p)
		goto fork_out;
	p->proc_dir = NULL;	/* made when first asked for */
	/* Our own references to the credentials: from here on a failure's
	 * put_task_struct drops them (exit_creds). */
	retval = copy_creds(p, clone_flags);
	if (retval < 0)
		goto bad_fork_free;

	retval = -EAGAIN;
	if (too_many_tasks(p, args))
		goto bad_fork_free;

	p->flags &= ~(PF_IDLE | PF_EXITING);
	p->flags |= PF_FORKNOEXEC;	/* until it calls execve */
	if (args->fn)
		p->flags |= PF_KTHREAD;
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	INIT_LIST_HEAD(&p->tasks);
	p->vfork_done = NULL;
	init_sigpending(&p->pending);	/* signals are not inherited; the mask is */
	p->jobctl = 0;
	p->restore_sigmask = false;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM) {
		/* A thread on the same memory gets no alternate stack: it
		 * would share ours. */
		p->sas_ss_sp = p->sas_ss_size = 0;
		p->sas_ss_flags = 0;
	}
	p->exit_state = 0;
	p->exit_code = 0;
	p->set_child_tid = (clone_flags & CLONE_CHILD_SETTID) ?
				   args->child_tid : NULL;
	p->clear_child_tid = (clone_flags & CLONE_CHILD_CLEARTID) ?
				     args->child_tid : NULL;
	p->robust_list = NULL;	/* a new thread registers its own */
	p->start_time = ktime_get_ns();	/* the clock /proc/uptime reads */
	p->utime = p->stime = 0;
	p->min_flt = 0;
	if (args->name)
		set_task_comm(p, args->name);

	retval = sched_fork(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_files(clone_flags, p);
	if (retval)
		goto bad_fork_free;
	retval = copy_fs(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_files;
	retval = copy_sighand(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_fs;
	retval = copy_signal(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_sighand;
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_fork_cleanup_signal;
	retval = copy_thread(p, args);
	if (retval)
		goto bad_fork_cleanup_mm;

	pid = alloc_pid();
	if (pid < 0) {
		retval = pid;
		goto bad_fork_cleanup_mm;
	}
	p->pid = pid;
	if (clone_flags & CLONE_THREAD) {
		p->group_leader = current->group_leader;
		p->tgid = current->tgid;
		p->exit_signal = -1;
	} else {
		p->group_leader = p;
		p->tgid = pid;
		p->exit_signal = args->exit_signal;
	}

	/* Link the child into the process tree: CLONE_PARENT and threads
	 * share our parent; a thread never signals it (exit_signal -1). */
	if (clone_flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = current->real_parent;
		if (!(clone_flags & CLONE_THREAD))
			p->exit_signal = current->group_leader->exit_signal;
	} else {
		p->real_parent = current;
	}
	p->parent = p->real_parent;
	/* A kernel thread's /proc/<pid> now; a process's when first asked
	 * for (proc_pid_lookup). */
	if (args->fn && !(clone_flags & CLONE_THREAD)) {
		retval = proc_pid_instantiate(p);
		if (retval)
			goto bad_fork_free_pid;
	}
	spin_lock_irq(&tasklist_lock);
	/* The limits again, where the task is counted: other forks may have
	 * been counted since the first look (dup_mmap lets others run), and
	 * Linux lets them all through; here the limits hold exactly. Not
	 * for a kernel thread, whose /proc entry exists already. */
	if (!args->fn && too_many_tasks(p, args)) {
		spin_unlock_irq(&tasklist_lock);
		retval = -EAGAIN;
		goto bad_fork_free_pid;
	}
	spin_lock(&p->sighand->siglock);
	list_add_tail(&p->thread_node, &p->signal->thread_head);
	spin_unlock(&p->sighand->siglock);
	/* Only a process (its leader) is its parent's child; a thread is
	 * found through its group (signal->thread_head). */
	if (thread_group_leader(p))
		list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &init_task.tasks);
	nr_threads++;
	total_forks++;
	if (!(p->flags & PF_KTHREAD))
		nr_processes_user++;
	spin_unlock_irq(&tasklist_lock);
	return p;

	/* Undo, newest first, exactly what was done above. */
bad_fork_free_pid:
	free_pid(pid);
bad_fork_cleanup_mm:
	if (p->mm)
		mmput(p->mm);
bad_fork_cleanup_signal:
	if (clone_flags & CLONE_THREAD) {
		p->signal->nr_threads--;
		__atomic_fetch_sub(&p->signal->live, 1, __ATOMIC_RELAXED);
	}
	put_signal_struct(p->signal);
bad_fork_cleanup_sighand:
	__cleanup_sighand(p->sighand);
bad_fork_cleanup_fs:
	if (p->fs)
		free_fs_struct(p->fs);
bad_fork_cleanup_files:
	if (p->files)
		put_files_struct(p->files);
bad_fork_free:
	p->usage = 1;
	put_task_struct(p);
fork_out:
	return ERR_PTR(retval);
}

/* Guards every task's vfork_done: the completion it points to is on the
 * parent's kernel stack, which a parent killed while it waits leaves. */
DEFINE_SPINLOCK(vfork_lock);

/*
 * Wait until a CLONE_VFORK child has exec'd or exited (mm_release), or
 * until we are killed (Linux's killable wait: a vfork parent must not
 * hang unkillable behind a child that never lets go). Killed, we take
 * our completion back from the child before it leaves the stack.
 */
static void wait_for_vfork_done(struct task_struct *child,
				struct completion *vfork)
{
	if (wait_for_completion_killable(vfork)) {
		spin_lock(&vfork_lock);
		child->vfork_done = NULL;
		spin_unlock(&vfork_lock);
	}
	put_task_struct(child);
}

/*
 * The one entry point for every way of creating a task. Returns the
 * child's pid in the parent, or -errno. The child itself never returns
 * here: it starts at ret_from_fork (or ret_from_kernel_thread).
 */
noinline pid_t kernel_clone(struct kernel_clone_args *args)
{
	u64 clone_flags = args->flags;
	struct completion vfork;
	struct task_struct *p;
	pid_t nr;

	p = copy_process(0, args);
	if (IS_ERR(p))
		return PTR_ERR(p);
	nr = p->pid;
	if (clone_flags & CLONE_PARENT_SETTID)
		put_user(nr, args->parent_tid);
	if (clone_flags & CLONE_VFORK) {
		p->vfork_done = &vfork;
		init_completion(&vfork);
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (clone_flags & CLONE_VFORK)
		wait_for_vfork_done(p, &vfork);
	return nr;
}

/* Linux 3.18's name for kernel_clone, kept for the labs that use it: x86's
 * sys_fork and sys_vfork come through here. */
noinline long do_fork(unsigned long clone_flags, unsigned long stack_start,
		      unsigned long stack_size, int __user *parent_tidptr,
		      int __user *child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = clone_flags & CSIGNAL,
		.parent_tid = parent_tidptr,
		.child_tid = child_tidptr,
		.stack = stack_start,
		.stack_size = stack_size,
	};

	return kernel_clone(&args);
}

/* Start a kernel thread running fn(arg). */
pid_t kernel_thread(int (*fn)(void *), void *arg, const char *name,
		    unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = (flags | CLONE_VM | CLONE_UNTRACED) & ~CSIGNAL,
		.exit_signal = flags & CSIGNAL,
		.fn = fn,
		.fn_arg = arg,
		.name = name,
	};

	return kernel_clone(&args);
}

/*
 * fork(2) and vfork(2), as Linux 3.18 has them: i386 keeps these old
 * system calls (numbers 2 and 190), RISC-V has only clone. fork is a clone
 * that shares nothing; vfork shares the address space and puts the parent
 * to sleep until the child has exec'd or exited (see kernel_clone).
 */
SYSCALL_DEFINE0(fork)
{
	return do_fork(SIGCHLD, 0, 0, NULL, NULL);
}

SYSCALL_DEFINE0(vfork)
{
	return do_fork(CLONE_VFORK | CLONE_VM | SIGCHLD, 0, 0, NULL, NULL);
}

/*
 * clone(2). RISC-V and i386 both use the CLONE_BACKWARDS argument order:
 * flags, new stack, parent tid pointer, tls, child tid pointer. glibc's
 * fork() is clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0,
 * NULL, 0, &tid) -- which is why `b sys_clone` stops on fork().
 */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls,
		int __user *, child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = (u32)clone_flags & ~CSIGNAL,
		.pidfd = parent_tidptr,
		.child_tid = child_tidptr,
		.parent_tid = parent_tidptr,
		.exit_signal = (u32)clone_flags & CSIGNAL,
		.stack = newsp,
		.tls = tls,
	};

	return kernel_clone(&args);
}
