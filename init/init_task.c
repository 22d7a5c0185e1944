/*
 * init_task: pid 0, the task the kernel boots as and the idle task
 * afterwards. Built statically, with the static structures it owns (its
 * address space init_mm, fs, signals; its files, init_files, are in
 * fs/file.c as in Linux); every other task is copied from it or from its
 * descendants by copy_process().
 */
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs_struct.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <uapi/linux/fs.h>

union thread_union init_thread_union
	__section(".data..init_task") __aligned(THREAD_SIZE);

struct mm_struct init_mm = {
	.mmap = LIST_HEAD_INIT(init_mm.mmap),
	.pgd = swapper_pg_dir,
	.mm_users = 2,
	.mm_count = 1,	/* never dropped */
	.mmap_lock = __RWSEM_INITIALIZER(init_mm.mmap_lock),
};

struct fs_struct init_fs = { .users = 1, .umask = 0022 };

#define INIT_RLIMIT(cur, max) { .rlim_cur = (cur), .rlim_max = (max) }

struct signal_struct init_signals = {
	.sig_count = 1,
	.nr_threads = 1,
	.wait_chldexit = __WAIT_QUEUE_HEAD_INITIALIZER(init_signals.wait_chldexit),
	.thread_head = { &init_task.thread_node, &init_task.thread_node },
	.shared_pending = {
		.list = LIST_HEAD_INIT(init_signals.shared_pending.list),
	},
	.rlim = {
		[0 ... RLIM_NLIMITS - 1] = INIT_RLIMIT(RLIM_INFINITY,
						       RLIM_INFINITY),
		[RLIMIT_STACK] = INIT_RLIMIT(8 * 1024 * 1024, RLIM_INFINITY),
		[RLIMIT_NOFILE] = INIT_RLIMIT(INR_OPEN_CUR, INR_OPEN_MAX),
	},
};

struct sighand_struct init_sighand = { .count = 1 };

struct task_struct init_task = {
	.__state = TASK_RUNNING,
	.stack = &init_thread_union,
	.usage = 2,
	.flags = PF_KTHREAD | PF_IDLE,
	.prio = DEFAULT_PRIO,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
	.thread_node = { &init_signals.thread_head, &init_signals.thread_head },
	.mm = NULL,
	.active_mm = &init_mm,
	.exit_signal = SIGCHLD,
	.pid = 0,
	.tgid = 0,
	.real_parent = &init_task,
	.parent = &init_task,
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
	.group_leader = &init_task,
	.comm = "swapper",
	.real_cred = &init_cred,
	.cred = &init_cred,
	.fs = &init_fs,
	.files = &init_files,
	.signal = &init_signals,
	.sighand = &init_sighand,
	.pending = { .list = LIST_HEAD_INIT(init_task.pending.list) },
};
