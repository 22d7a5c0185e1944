/* struct sigaction as rt_sigaction(2) passes it on RISC-V (asm-generic:
 * no sa_restorer field). */
#ifndef _ASM_RISCV_SIGNAL_H
#define _ASM_RISCV_SIGNAL_H

struct sigaction {
	unsigned long sa_handler;
	unsigned long sa_flags;
	unsigned long long sa_mask;
};

#define sigaction_restorer(sa) 0UL
#define sigaction_set_restorer(sa, r) ((void)(r))

#endif
