/*
 * Boot, in Linux's order: start_kernel() brings up the machine as pid 0,
 * then rest_init() creates the first two real tasks through the ordinary
 * fork path (kernel_thread -> kernel_clone -> copy_process ...):
 *   pid 1, kernel_init: finishes booting and becomes the first user
 *          program (/init from the initramfs);
 *   pid 2, kthreadd:    creates all other kernel threads.
 * Pid 0 then becomes the idle task.
 */
#include <linux/cmdline.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/futex.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/jiffies.h>
#include <linux/kallsyms.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

char boot_command_line[COMMAND_LINE_SIZE];
static struct completion kthreadd_done;


/* A deliberate kernel bug on request (clonix.crash=null), so tests can
 * check that a kernel fault is reported with a backtrace and ends QEMU.
 * Not instrumented in the debug kernel: the fault is the point, not
 * UBSAN's report of the null pointer before it. */
static noinline __attribute__((no_sanitize_undefined)) void
crash_on_request(void)
{
	char what[16];

	if (cmdline_find_option(boot_command_line, "clonix.crash", what,
				sizeof(what)) > 0 &&
	    !strcmp(what, "null")) {
		printk("clonix.crash=null: dereferencing NULL on purpose\n");
		*(volatile int *)0 = 1;
	}
}

/* The initramfs becomes the root file system. */
static void prepare_rootfs(void)
{
	unsigned long size;
	const void *data = initrd_data(&size);

	if (!data)
		panic("No initramfs: boot with -initrd rootfs.img "
		      "(`make rootfs` builds it)");
	ramfs_init();
	populate_rootfs(data, size);
	free_initrd_mem(data, size);
	proc_root_init();
	init_fs.root = root_inode;
	ihold(root_inode);
	set_fs_pwd(&init_fs, root_inode);
}

/* fds 0, 1 and 2 of pid 1 (and so of everything it starts): the console. */
static void console_on_rootfs(void)
{
	struct file *f = filp_open(root_inode, "/dev/console", O_RDWR, 0);
	int fd;

	if (IS_ERR(f)) {
		pr_err("Warning: unable to open an initial console.\n");
		return;
	}
	for (fd = 0; fd < 3; fd++)
		fd_install(get_unused_fd_flags(0), fd ? get_file(f) : f);
}

static const char *envp_init[] = { "HOME=/", "TERM=linux", NULL };

static int run_init_process(const char *init_filename)
{
	const char *argv[] = { init_filename, NULL };

	printk("Run %s as init process\n", init_filename);
	return kernel_execve(init_filename, argv, envp_init);
}

static int try_to_run_init_process(const char *init_filename)
{
	int ret = run_init_process(init_filename);

	if (ret && ret != -ENOENT)
		pr_err("Starting init: %s exists but couldn't execute it "
		       "(error %d)\n", init_filename, ret);
	return ret;
}

/*
 * pid 1. Finish booting, then become the first user program: rdinit=
 * (default /init) from the initramfs, else init=, else the usual
 * suspects, as Linux does. Returning 0 after a successful exec sends us
 * through ret_from_kernel_thread into user mode, at /init's entry point.
 */
static noinline int kernel_init(void *unused)
{
	static char rdinit[256] = "/init", init[256];
	int ret;

	(void)unused;
	wait_for_completion(&kthreadd_done);
	printk("kernel_init: pid %d started, parent %d\n", current->pid,
	       current->real_parent->pid);
	yield();	/* let kthreadd start before anyone needs it */
	crash_on_request();
#ifdef CONFIG_DEBUG_KERNEL
	debug_selftest();	/* debug_selftest=<fault> */
#endif
	if (cmdline_find_option_bool(boot_command_line, "clonix.selftest"))
		boot_selftests();
	prepare_rootfs();
	console_on_rootfs();
	show_state();
	show_mem();

	if (cmdline_find_option(boot_command_line, "rdinit", rdinit,
				sizeof(rdinit)) >= (int)sizeof(rdinit) ||
	    cmdline_find_option(boot_command_line, "init", init,
				sizeof(init)) >= (int)sizeof(init))
		panic("rdinit= or init= is longer than %zu bytes",
		      sizeof(init) - 1);
	ret = run_init_process(rdinit);
	if (!ret)
		return 0;
	if (ret != -ENOENT)
		pr_err("Failed to execute %s (error %d)\n", rdinit, ret);
	if (init[0]) {
		ret = run_init_process(init);
		if (!ret)
			return 0;
		panic("Requested init %s failed (error %d).", init, ret);
	}
	if (!try_to_run_init_process("/sbin/init") ||
	    !try_to_run_init_process("/etc/init") ||
	    !try_to_run_init_process("/bin/init") ||
	    !try_to_run_init_process("/bin/sh"))
		return 0;
	panic("No working init found.  Try passing init= option to kernel.");
}

static noinline void rest_init(void)
{
	pid_t pid;

	pid = kernel_thread(kernel_init, NULL, "kernel_init", CLONE_FS);
	child_reaper = find_task_by_pid(pid);
	/* Linux's init: no signal it does not handle kills or stops it. */
	child_reaper->signal->flags |= SIGNAL_UNKILLABLE;
	pid = kernel_thread(kthreadd, NULL, "kthreadd",
			    CLONE_FS | CLONE_FILES);
	printk("rest_init: created kernel_init (pid 1) and kthreadd (pid %d)"
	       " with kernel_clone\n", pid);
	complete(&kthreadd_done);
	/* We are the idle task from now on. */
	cpu_startup_entry();
}

noinline void start_kernel(void)
{
	setup_arch();
	mem_init_done();
	kmem_cache_init();
	show_mem();
	sched_init();
	cred_init();
	fork_init();
	futex_init();
	arch_late_setup();
	printk("kallsyms: %d symbols\n", kallsyms_num());
	printk("init_task: pid %d \"%s\", kernel stack %p-%p (THREAD_SIZE "
	       "%lu)\n", init_task.pid, init_task.comm, init_task.stack,
	       (char *)init_task.stack + THREAD_SIZE, THREAD_SIZE);
	init_completion(&kthreadd_done);
	rest_init();
}

/* Every task, as `ps` would list them. */
void show_state(void)
{
	struct task_struct *p;

	printk("  PID  PPID STATE          COMM\n");
	printk("%5d %5d %-14s %s\n", init_task.pid, 0,
	       task_state_name(&init_task), init_task.comm);
	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		printk("%5d %5d %-14s %s\n", p->pid, p->real_parent->pid,
		       task_state_name(p), p->comm);
	spin_unlock_irq(&tasklist_lock);
}
