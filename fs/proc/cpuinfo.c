/* /proc/cpuinfo: the format is each architecture's own (Linux's
 * show_cpuinfo in arch/riscv/kernel/cpu.c, arch/x86/kernel/cpu/proc.c). */
#include <asm/processor.h>
#include "internal.h"

int cpuinfo_proc_show(struct seq_file *m)
{
	return show_cpuinfo(m);
}
