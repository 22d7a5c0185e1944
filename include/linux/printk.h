/* printk and panic: the kernel's messages to the console. */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <linux/kernel.h>

#define CON_BOOT 1	/* an early console, dropped when a real one comes */

struct console {
	const char *name;
	unsigned int flags;	/* CON_* */
	void (*write)(struct console *con, const char *s, unsigned int n);
	struct console *next;
};

void register_console(struct console *con);
int printk(const char *fmt, ...) __printf(1, 2);
int vprintk(const char *fmt, va_list args);
void __noreturn panic(const char *fmt, ...) __printf(1, 2);
/* Architecture: print the caller's call chain. */
void dump_stack(void);
/* The debug kernel's reports (kernel/panic.c): report_begin(), the
 * report's lines, report_end() (backtrace, then a failure stop). */
void report_begin(void);
void __noreturn report_end(void);
void __noreturn warn_report(const char *file, int line, const char *cond);

#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)

#define BUG_ON(cond)                                                    \
	do {                                                            \
		if (unlikely(cond))                                     \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/* The debug kernel stops at a warning (CONFIG_PANIC_ON_WARN, as Linux's
 * panic_on_warn); the normal one prints it and goes on. */
#ifdef CONFIG_PANIC_ON_WARN
#define WARN_ON(cond)                                                   \
	({                                                              \
		int __ret = !!(cond);                                   \
		if (unlikely(__ret))                                    \
			warn_report(__FILE__, __LINE__, #cond);         \
		__ret;                                                  \
	})
#else
#define WARN_ON(cond)                                                   \
	({                                                              \
		int __ret = !!(cond);                                   \
		if (unlikely(__ret))                                    \
			pr_warn("WARNING at %s:%d: %s\n", __FILE__,     \
				__LINE__, #cond);                       \
		__ret;                                                  \
	})
#endif

#endif
