/*
 * The kernel's own page table, swapper_pg_dir: all RAM mapped linearly at
 * PAGE_OFFSET with 1 GiB leaves (the kernel image lives inside it), and the
 * devices below 1 GiB at IOREMAP_BASE. It replaces head.S's early table,
 * which also mapped RAM at its physical address; from here on the lower
 * half of the address space belongs to user programs only. Its kernel
 * half is copied into every process's page table.
 */
#include <asm/barrier.h>
#include <asm/csr.h>
#include <asm/io.h>
#include <asm/pgtable.h>
#include <linux/init.h>
#include <linux/kernel.h>

pgd_t swapper_pg_dir[PTRS_PER_PGD] __aligned(PAGE_SIZE);

void __init paging_init(unsigned long ram_base, unsigned long ram_size)
{
	unsigned long pa;

	for (pa = ALIGN_DOWN(ram_base, PGDIR_SIZE); pa < ram_base + ram_size;
	     pa += PGDIR_SIZE)
		swapper_pg_dir[pgd_index((unsigned long)__va(pa))] =
			pfn_pte(pa >> PAGE_SHIFT, PAGE_KERNEL_EXEC);
	swapper_pg_dir[pgd_index(IOREMAP_BASE)] = pfn_pte(0, PAGE_KERNEL_IO);

	csr_write(CSR_SATP,
		  SATP_MODE_SV39 | (__pa(swapper_pg_dir) >> PAGE_SHIFT));
	local_flush_tlb_all();
}

void *ioremap(unsigned long pa, unsigned long size)
{
	if (pa + size < pa || pa + size > IOREMAP_SIZE)
		return NULL;
	return (void *)(IOREMAP_BASE + pa);
}
