/* What the kernel tells the vDSO's time functions (Linux's
 * include/vdso/datapage.h, reduced): the vvar page, mapped read-only into
 * every process just below the vDSO. Clonix's clocks are all the RISC-V
 * `time` counter scaled by its rate (ktime_get_ns), and the time of day
 * starts at the epoch at boot, so the page holds that rate, written once
 * at boot; the vDSO computes exactly what clock_gettime(2) would. Plain C
 * types: the vDSO includes this without the kernel's headers. */
#ifndef _VDSO_DATAPAGE_H
#define _VDSO_DATAPAGE_H

struct vdso_data {
	unsigned long long timebase_hz;	/* the `time` CSR's counts a second */
};

#endif
