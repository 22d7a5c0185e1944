/*
 * panic(): the kernel cannot go on. Print why, with a backtrace, and stop
 * the machine so that QEMU exits with a failure status — a test sees the
 * message and the status, never a hang. kernel_power_off() is the orderly
 * end (MenuOS `quit`, reboot(2)).
 */
#include <linux/irqflags.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>

void __noreturn panic(const char *fmt, ...)
{
	static int in_panic;
	va_list args;

	local_irq_disable();
	if (in_panic++)
		machine_power_off(true);	/* panic inside panic */
	printk("Kernel panic - not syncing: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	printk("\n");
	dump_stack();
	printk("---[ end Kernel panic - not syncing ]---\n");
	machine_power_off(true);
}

#ifdef CONFIG_DEBUG_KERNEL
static int in_report;

/* A report starts: interrupts off, nothing else printed in between. A
 * fault inside a report (the reporter's own bug) stops at once. */
void report_begin(void)
{
	local_irq_disable();
	if (__atomic_fetch_add(&in_report, 1, __ATOMIC_RELAXED))
		machine_power_off(true);
	printk("=================================================="
	       "================\n");
}

/* The report ends with a backtrace; then the machine stops with a
 * failure status, so the test that caused it fails. */
void __noreturn report_end(void)
{
	dump_stack();
	printk("---[ end of debug report: stopping with a failure status ]---"
	       "\n");
	machine_power_off(true);
}

/* WARN_ON(cond) in the debug kernel (Linux's panic_on_warn). */
void __noreturn warn_report(const char *file, int line, const char *cond)
{
	report_begin();
	printk("WARNING: at %s:%d: %s\n", file, line, cond);
	report_end();
}
#endif

void __noreturn kernel_power_off(void)
{
	printk("reboot: Power down\n");
	machine_power_off(false);
}
