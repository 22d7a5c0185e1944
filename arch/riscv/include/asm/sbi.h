/* The Supervisor Binary Interface: calls from the kernel into OpenSBI
 * (M-mode firmware) for the timer, power-off and the firmware's identity. */
#ifndef _ASM_RISCV_SBI_H
#define _ASM_RISCV_SBI_H

#include <linux/compiler.h>
#include <linux/types.h>

#define SBI_EXT_0_1_CONSOLE_PUTCHAR 0x1
#define SBI_EXT_BASE 0x10
#define SBI_EXT_TIME 0x54494D45
#define SBI_EXT_SRST 0x53525354

#define SBI_EXT_BASE_GET_SPEC_VERSION 0
#define SBI_EXT_BASE_GET_IMP_ID 1
#define SBI_EXT_BASE_GET_IMP_VERSION 2
#define SBI_EXT_BASE_PROBE_EXT 3

#define SBI_SRST_RESET_TYPE_SHUTDOWN 0
#define SBI_SRST_RESET_REASON_NONE 0
#define SBI_SRST_RESET_REASON_SYS_FAILURE 1

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_ecall(int ext, int fid, unsigned long arg0,
			unsigned long arg1, unsigned long arg2);
void sbi_init(void);
void sbi_print_version(void);
void sbi_set_timer(u64 stime_value);
void sbi_console_putchar(int ch);
void __noreturn sbi_system_shutdown(bool failure);

#endif
