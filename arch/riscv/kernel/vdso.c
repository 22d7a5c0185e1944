/*
 * The vDSO: a small ELF shared object (arch/riscv/kernel/vdso/) the
 * kernel maps into every program at execve, as Linux's
 * arch/riscv/kernel/vdso.c does. It holds the rt_sigreturn trampoline
 * signal handlers return through (VDSO_SYMBOL(mm->context.vdso,
 * rt_sigreturn)), and clock_gettime, gettimeofday, time and clock_getres,
 * which read the time counter and the vvar page mapped just below it
 * (struct vdso_data: the counter's rate). The program learns where the
 * vDSO is from the aux vector (AT_SYSINFO_EHDR); /proc/<pid>/maps names
 * the two mappings [vvar] and [vdso]. Its pages and their mapping at exec
 * are lib/vdso.c's, shared with i386.
 */
#include <asm/timex.h>
#include <asm/vdso.h>
#include <linux/printk.h>
#include <vdso/datapage.h>

/* Boot, after time_init: the pages, and the counter's rate in vvar. */
void vdso_init(void)
{
	struct vdso_data *vdata = vdso_setup_pages();

	vdata->timebase_hz = riscv_timebase;
	printk("vdso: rt_sigreturn at +%#lx\n",
	       (unsigned long)VDSO_SYMBOL(0, rt_sigreturn));
}
