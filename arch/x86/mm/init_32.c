/*
 * The kernel's own page directory, swapper_pg_dir: all RAM mapped linearly
 * at PAGE_OFFSET with 4 MiB pages (the kernel image lives inside it). It
 * replaces head_32.S's initial_page_table, which also mapped RAM at its
 * physical address; from here on the lower 3 GiB belong to user programs
 * only. Its kernel part is copied into every process's page directory.
 */
#include <asm/pgtable.h>
#include <asm/special_insns.h>
#include <linux/init.h>
#include <linux/kernel.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

void __init paging_init(unsigned long ram_end)
{
	unsigned long pa;

	for (pa = 0; pa < ram_end; pa += PGDIR_SIZE)
		swapper_pg_dir[pgd_index((unsigned long)__va(pa))] =
			pa | PAGE_KERNEL_LARGE;
	write_cr3(__pa(swapper_pg_dir));	/* also flushes the TLB */
}
