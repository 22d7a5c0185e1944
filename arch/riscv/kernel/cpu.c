/*
 * /proc/cpuinfo for RISC-V, in Linux's format: for each hart its number,
 * its hart id, the ISA string and the MMU mode, from the device tree's
 * /cpus/cpu@<hartid> node. One hart today.
 */
#include <asm/processor.h>
#include <asm/setup.h>
#include <linux/fdt.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/string.h>

int show_cpuinfo(struct seq_file *m)
{
	const void *fdt = initial_boot_params;
	unsigned long hart = boot_info.hartid;
	const char *isa = NULL, *compat = NULL;
	char path[32];
	int node, len;

	snprintf(path, sizeof(path), "/cpus/cpu@%lx", hart);
	node = fdt_path_offset(fdt, path);
	if (node >= 0) {
		isa = fdt_getprop(fdt, node, "riscv,isa", &len);
		if (isa && (len <= 0 || isa[len - 1]))
			isa = NULL;	/* not a NUL-terminated string */
		compat = fdt_getprop(fdt, node, "compatible", &len);
		if (compat && (len <= 0 || compat[len - 1]))
			compat = NULL;
	}
	seq_printf(m, "processor\t: %d\n", 0);
	seq_printf(m, "hart\t\t: %lu\n", hart);
	if (isa)
		seq_printf(m, "isa\t\t: %s\n", isa);
	seq_puts(m, "mmu\t\t: sv39\n");	/* the mode Clonix's satp uses */
	if (compat && strcmp(compat, "riscv"))
		seq_printf(m, "uarch\t\t: %s\n", compat);
	seq_putc(m, '\n');
	return 0;
}
