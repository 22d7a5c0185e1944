/*
 * Kernel command line helpers (lib/cmdline.c), after Linux's
 * arch/x86/boot/cmdline.c. The command line comes from /chosen/bootargs
 * (RISC-V) or the multiboot header (x86), e.g.
 * "console=ttyS0 init=/bin/sh quiet". Words are separated by spaces; a
 * value may be double-quoted to hold spaces: init="/bin/my prog".
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

/*
 * Find the last "option=value" on the command line and copy value into
 * buf (quotes removed, cut to bufsize - 1 chars, NUL-terminated). Returns
 * the value's full length, so a result >= bufsize means it was cut; 0 if
 * the last occurrence is a bare "option"; -1 if option is not there.
 */
int cmdline_find_option(const char *cmdline, const char *option, char *buf,
			int bufsize);

/* Whether option appears as a word on its own, like "quiet" or "debug". */
bool cmdline_find_option_bool(const char *cmdline, const char *option);

#endif
