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

#define pr_err(fmt, ...) printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO fmt, ##__VA_ARGS__)

#define BUG_ON(cond)                                                    \
	do {                                                            \
		if (unlikely(cond))                                     \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#define WARN_ON(cond)                                                   \
	({                                                              \
		int __ret = !!(cond);                                   \
		if (unlikely(__ret))                                    \
			pr_warn("WARNING at %s:%d: %s\n", __FILE__,     \
				__LINE__, #cond);                       \
		__ret;                                                  \
	})

#endif
