/*
 * printk: format a message and write it to every registered console. Early
 * in boot the architecture registers a "boot console" (on RISC-V, the SBI
 * firmware's putchar); when a real console (the UART) registers, boot
 * consoles are dropped, as in Linux. Messages are never cut silently: one
 * longer than the line buffer ends with a "[...truncated]" mark.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#define PRINTK_LINE_MAX 1024

static struct console *console_list;
static DEFINE_SPINLOCK(printk_lock);

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&printk_lock, flags);
	/* A real console replaces the boot console(s). */
	if (!(con->flags & CON_BOOT))
		while (console_list && (console_list->flags & CON_BOOT))
			console_list = console_list->next;
	con->next = console_list;
	console_list = con;
	spin_unlock_irqrestore(&printk_lock, flags);
	printk("printk: console [%s] enabled\n", con->name);
}

static void console_emit(const char *s, unsigned int n)
{
	struct console *con;

	for (con = console_list; con; con = con->next)
		con->write(con, s, n);
}

int vprintk(const char *fmt, va_list args)
{
	static char buf[PRINTK_LINE_MAX];
	static const char trunc[] = "[...truncated]\n";
	unsigned long flags;
	const char *text = buf;
	int len, shown;

	spin_lock_irqsave(&printk_lock, flags);
	len = vsnprintf(buf, sizeof(buf), fmt, args);
	shown = min(len, (int)sizeof(buf) - 1);
	/* Drop a KERN_<level> prefix: the console shows every level. */
	if (shown >= 2 && text[0] == KERN_SOH[0]) {
		text += 2;
		shown -= 2;
	}
	console_emit(text, shown);
	if (len >= (int)sizeof(buf))
		console_emit(trunc, sizeof(trunc) - 1);
	spin_unlock_irqrestore(&printk_lock, flags);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);
	return r;
}
