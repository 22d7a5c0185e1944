/*
 * The i386 vDSO: a small ELF shared object (vdso32/) the kernel maps into
 * every program at execve, as Linux's arch/x86/entry/vdso/vma.c does. It
 * holds clock_gettime(64), gettimeofday, time and clock_getres, which read
 * the time-stamp counter and the vvar page mapped just below it (struct
 * vdso_data: the TSC's scale to nanoseconds). The program learns where the
 * vDSO is from the aux vector (AT_SYSINFO_EHDR, and AT_SYSINFO for its
 * entry point, `int $0x80; ret`: asm/elf.h); /proc/<pid>/maps names the
 * two mappings [vvar] and [vdso]. Its pages and their mapping at exec are
 * lib/vdso.c's, shared with RISC-V.
 *
 * Only with the boot option vdso32=1 (Linux's name; there it is on by
 * default): glibc then makes its system calls from the vDSO, so a
 * debugger sees them return into [vdso] instead of glibc's
 * _dl_sysinfo_int80, which the fork lab's walk-through shows.
 * */
#include <asm/elf.h>
#include <asm/timex.h>
#include <asm/vdso.h>
#include <linux/cmdline.h>
#include <linux/init.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <vdso/datapage.h>

static bool vdso32_enabled;	/* vdso32=1 on the command line */
unsigned long vdso_entry_offset;	/* __kernel_vsyscall: e_entry */

/* Boot, after time_init (which measured the TSC): the pages, and the
 * TSC's scale to nanoseconds in vvar. */
void vdso_init(void)
{
	struct vdso_data *vdata;
	char opt[4];

	if (cmdline_find_option(boot_command_line, "vdso32", opt,
				sizeof(opt)) > 0)
		vdso32_enabled = !strcmp(opt, "1");
	if (!vdso32_enabled) {
		printk("vdso: off (vdso32=1 turns it on)\n");
		return;
	}
	vdata = vdso_setup_pages();
	vdso_entry_offset = ((const elfhdr *)vdso_start)->e_entry;
	vdata->cyc2ns_mul = cyc2ns_mul;
	vdata->cyc2ns_shift = CYC2NS_SHIFT;
}
