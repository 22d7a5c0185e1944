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
#include <linux/cpio.h>
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

void boot_selftests(void);
void show_state(void);

/* A deliberate kernel bug on request (clonix.crash=null), so tests can
 * check that a kernel fault is reported with a backtrace and ends QEMU. */
static noinline void crash_on_request(void)
{
	char what[16];

	if (cmdline_find_option(boot_command_line, "clonix.crash", what,
				sizeof(what)) > 0 &&
	    !strcmp(what, "null")) {
		printk("clonix.crash=null: dereferencing NULL on purpose\n");
		*(volatile int *)0 = 1;
	}
}

/* Count the initramfs members, refusing an archive that is not cpio. */
static int check_initramfs(void)
{
	struct cpio_entry entry;
	unsigned long size;
	const void *data = initrd_data(&size);
	size_t off = 0;
	int n = 0, r;

	if (!data)
		panic("No initramfs: boot with -initrd rootfs.img "
		      "(`make rootfs` builds it)");
	while ((r = cpio_next(data, size, &off, &entry)) > 0)
		n++;
	if (r < 0)
		panic("initramfs: not a cpio newc archive, or corrupt at "
		      "offset %zu", off);
	printk("initramfs: %d entries in %lu bytes\n", n, size);
	return n;
}

static noinline int kernel_init(void *unused)
{
	(void)unused;
	wait_for_completion(&kthreadd_done);
	printk("kernel_init: pid %d started, parent %d\n", current->pid,
	       current->real_parent->pid);
	yield();	/* let kthreadd start before anyone needs it */
	crash_on_request();
	check_initramfs();
	if (cmdline_find_option_bool(boot_command_line, "clonix.selftest"))
		boot_selftests();
	show_state();
	show_mem();
	printk("kernel_init: running /init needs execve, which Clonix does "
	       "not have yet; powering off\n");
	kernel_power_off();
}

static noinline void rest_init(void)
{
	pid_t pid;

	pid = kernel_thread(kernel_init, NULL, "kernel_init", CLONE_FS);
	child_reaper = find_task_by_pid(pid);
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
	fork_init();
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
	spin_lock(&tasklist_lock);
	for_each_process(p)
		printk("%5d %5d %-14s %s\n", p->pid, p->real_parent->pid,
		       task_state_name(p), p->comm);
	spin_unlock(&tasklist_lock);
}
