/* RISC-V supervisor CSR numbers, bits and accessors (Linux's asm/csr.h names). */
#ifndef _ASM_RISCV_CSR_H
#define _ASM_RISCV_CSR_H

#include <linux/const.h>

/* sstatus bits */
#define SR_SIE _AC(0x00000002, UL)	/* interrupts enabled in S-mode */
#define SR_SPIE _AC(0x00000020, UL)	/* SIE before the trap */
#define SR_SPP _AC(0x00000100, UL)	/* trapped from S-mode (1) or U-mode (0) */
#define SR_FS _AC(0x00006000, UL)	/* floating-point state: */
#define SR_FS_OFF _AC(0x00000000, UL)
#define SR_FS_INITIAL _AC(0x00002000, UL)
#define SR_FS_CLEAN _AC(0x00004000, UL)
#define SR_FS_DIRTY _AC(0x00006000, UL)
#define SR_SUM _AC(0x00040000, UL)	/* S-mode may access U pages */
#define SR_IE SR_SIE
#define SR_PIE SR_SPIE
#define SR_PP SR_SPP

/* satp */
#define SATP_MODE_SV39 (_AC(8, UL) << 60)
#define SATP_PPN_MASK ((_AC(1, UL) << 44) - 1)

/* scause */
#define CAUSE_IRQ_FLAG (_AC(1, UL) << 63)
#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXT 9
#define EXC_INST_MISALIGNED 0
#define EXC_INST_ACCESS 1
#define EXC_INST_ILLEGAL 2
#define EXC_BREAKPOINT 3
#define EXC_LOAD_MISALIGNED 4
#define EXC_LOAD_ACCESS 5
#define EXC_STORE_MISALIGNED 6
#define EXC_STORE_ACCESS 7
#define EXC_SYSCALL 8
#define EXC_INST_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15

/* sie / sip bits */
#define IE_SIE (_AC(1, UL) << IRQ_S_SOFT)
#define IE_TIE (_AC(1, UL) << IRQ_S_TIMER)
#define IE_EIE (_AC(1, UL) << IRQ_S_EXT)

#define CSR_SSTATUS 0x100
#define CSR_SIE 0x104
#define CSR_STVEC 0x105
#define CSR_SSCRATCH 0x140
#define CSR_SEPC 0x141
#define CSR_SCAUSE 0x142
#define CSR_STVAL 0x143
#define CSR_SIP 0x144
#define CSR_SATP 0x180
#define CSR_SCOUNTEREN 0x106
#define SCOUNTEREN_TM (_AC(1, UL) << 1)	/* user mode may read `time` */
#define CSR_TIME 0xc01

#ifndef __ASSEMBLY__

#define __csr_str(x) #x
#define csr_str(x) __csr_str(x)

#define csr_read(csr)                                                   \
	({                                                              \
		unsigned long __v;                                      \
		__asm__ __volatile__("csrr %0, " csr_str(csr)          \
				     : "=r"(__v)                        \
				     :                                  \
				     : "memory");                       \
		__v;                                                    \
	})

#define csr_write(csr, val)                                             \
	({                                                              \
		unsigned long __v = (unsigned long)(val);               \
		__asm__ __volatile__("csrw " csr_str(csr) ", %0"       \
				     :                                  \
				     : "rK"(__v)                        \
				     : "memory");                       \
	})

#define csr_set(csr, val)                                               \
	({                                                              \
		unsigned long __v = (unsigned long)(val);               \
		__asm__ __volatile__("csrs " csr_str(csr) ", %0"       \
				     :                                  \
				     : "rK"(__v)                        \
				     : "memory");                       \
	})

#define csr_clear(csr, val)                                             \
	({                                                              \
		unsigned long __v = (unsigned long)(val);               \
		__asm__ __volatile__("csrc " csr_str(csr) ", %0"       \
				     :                                  \
				     : "rK"(__v)                        \
				     : "memory");                       \
	})

#define csr_read_clear(csr, val)                                        \
	({                                                              \
		unsigned long __v = (unsigned long)(val);               \
		__asm__ __volatile__("csrrc %0, " csr_str(csr) ", %1"  \
				     : "=r"(__v)                        \
				     : "rK"(__v)                        \
				     : "memory");                       \
		__v;                                                    \
	})

#endif /* __ASSEMBLY__ */
#endif
