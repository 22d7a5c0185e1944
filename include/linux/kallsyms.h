/* Symbol lookup for backtraces: a table of the kernel's functions,
 * generated from vmlinux by scripts/kallsyms.sh at link time. */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

/* Name of the function holding addr, with the offset into it; NULL if none. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset);
int kallsyms_num(void);

#endif
