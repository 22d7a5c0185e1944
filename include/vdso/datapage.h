/* What the kernel tells the vDSO's time functions (Linux's
 * include/vdso/datapage.h, reduced): the vvar page, mapped read-only into
 * every process just below the vDSO. Clonix's clocks are all one counter
 * scaled to nanoseconds since boot (ktime_get_ns), and the time of day
 * starts at the epoch at boot, so the page holds the scale, written once
 * at boot, and the vDSO computes exactly what clock_gettime(2) would:
 *   RISC-V: the `time` CSR, counting timebase_hz a second;
 *   i386: the time-stamp counter, ns = tsc * cyc2ns_mul >> cyc2ns_shift
 *   (arch/x86/kernel/time.c).
 * Plain C types: the vDSO includes this without the kernel's headers. */
#ifndef _VDSO_DATAPAGE_H
#define _VDSO_DATAPAGE_H

struct vdso_data {
	unsigned long long timebase_hz;	/* RISC-V: time CSR counts a second */
	unsigned int cyc2ns_mul;	/* i386: the TSC's scale ... */
	unsigned int cyc2ns_shift;	/* ... and shift */
};

#endif
