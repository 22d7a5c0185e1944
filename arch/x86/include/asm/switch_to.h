/* switch_to(): the arch side of a context switch, __switch_to in
 * entry_32.S. (User programs' x87/SSE registers do not move yet: that
 * comes with running user programs on i386.) */
#ifndef _ASM_X86_SWITCH_TO_H
#define _ASM_X86_SWITCH_TO_H

#include <linux/sched.h>

#define switch_to(prev, next, last)                        \
	do {                                               \
		(last) = __switch_to(prev, next);          \
	} while (0)

#endif
