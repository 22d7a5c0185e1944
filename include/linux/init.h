/* Markers for boot-time code and data (kept for Linux's look; Clonix does
 * not free init memory). */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#define __init
#define __initdata


#define COMMAND_LINE_SIZE 512
extern char boot_command_line[COMMAND_LINE_SIZE];	/* init/main.c */

/* Architecture boot hooks, called by start_kernel() in this order. */
void setup_arch(void);		/* find RAM, console, paging, mem_map */
void arch_late_setup(void);	/* interrupts and the timer; irqs on */

#endif
