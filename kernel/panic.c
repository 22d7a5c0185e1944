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

void __noreturn kernel_power_off(void)
{
	printk("reboot: Power down\n");
	machine_power_off(false);
}
