/* Bits of EFLAGS, CR0 and CR4 the kernel uses (Linux's names). */
#ifndef _ASM_X86_PROCESSOR_FLAGS_H
#define _ASM_X86_PROCESSOR_FLAGS_H

#define X86_EFLAGS_FIXED 0x00000002	/* bit 1 always reads as 1 */
#define X86_EFLAGS_IF 0x00000200	/* interrupts enabled */
#define X86_EFLAGS_DF 0x00000400	/* string direction */
#define X86_EFLAGS_IOPL 0x00003000	/* I/O privilege level */
#define X86_EFLAGS_NT 0x00004000	/* nested task */
#define X86_EFLAGS_AC 0x00040000	/* alignment check */

#define X86_CR0_PE 0x00000001	/* protected mode */
#define X86_CR0_MP 0x00000002	/* wait/fwait obey TS */
#define X86_CR0_EM 0x00000004	/* emulate the FPU: every x87 insn traps */
#define X86_CR0_TS 0x00000008	/* task switched: the next FPU insn traps */
#define X86_CR0_NE 0x00000020	/* x87 errors as exception 16, not IRQ 13 */
#define X86_CR0_WP 0x00010000	/* write protect: the kernel obeys R/O PTEs */
#define X86_CR0_PG 0x80000000	/* paging */

#define X86_CR4_PSE 0x00000010	/* 4 MiB pages */
#define X86_CR4_OSFXSR 0x00000200	/* fxsave/fxrstor and SSE allowed */
#define X86_CR4_OSXMMEXCPT 0x00000400	/* SSE errors as exception 19 */

#endif
