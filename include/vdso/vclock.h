/* What both vDSOs' time functions (arch/riscv/kernel/vdso/vgettimeofday.c,
 * arch/x86/entry/vdso/vdso32/vclock_gettime.c) share: the user ABI's time
 * structures, and the vvar page they read (vdso/datapage.h), reached
 * without a relocation. Plain C: the vDSO has no kernel headers. */
#ifndef _VDSO_VCLOCK_H
#define _VDSO_VCLOCK_H

#include <vdso/datapage.h>

struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct __kernel_old_timeval {
	long tv_sec;
	long tv_usec;
};

/* The vvar page, a page below the vDSO (its linker script); hidden, so
 * it is reached relative to the code (RISC-V) or the GOT (i386). */
extern const struct vdso_data _vdso_data __attribute__((visibility("hidden")));

int __vdso_gettimeofday(struct __kernel_old_timeval *tv, void *tz);
long __vdso_time(long *t);

#endif
