/*
 * Device registers in physical memory. For now only what the linear map
 * already covers (RAM and the holes between it, such as the VGA window at
 * 0xa0000) can be reached: ioremap returns its linear address. Devices
 * high in the 4 GiB (the APIC, PCI BARs) would need mappings of their own
 * above the linear map.
 */
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <linux/kernel.h>

void *ioremap(unsigned long pa, unsigned long size)
{
	unsigned long mapped = ALIGN(boot_info.ram_end, PGDIR_SIZE);

	if (pa + size < pa || pa + size > mapped)
		return NULL;
	return __va(pa);
}
