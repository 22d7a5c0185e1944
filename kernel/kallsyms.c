/*
 * Function names for addresses, for backtraces. scripts/kallsyms.sh turns
 * `nm` of the first link of vmlinux into a sorted table that the final link
 * places in the .kallsyms section (weak empty defaults serve the first
 * link). Code does not move between the two links, because the table comes
 * after all code.
 */
#include <linux/kallsyms.h>
#include <linux/kernel.h>

extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const unsigned int kallsyms_count;

int kallsyms_num(void)
{
	return (int)kallsyms_count;
}

const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	int lo = 0, hi = kallsyms_num() - 1;

	if (hi < 0 || addr < kallsyms_addresses[0])
		return NULL;
	/* Binary search for the last symbol at or below addr. */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (lo == kallsyms_num() - 1 && addr - kallsyms_addresses[lo] > 0x10000)
		return NULL;	/* past the end of the kernel's code */
	*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}
