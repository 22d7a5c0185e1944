/*
 * A process's root page table, on both architectures: its user part
 * (entries below USER_PTRS_PER_PGD) starts empty, and its kernel part is
 * swapper_pg_dir's, which never changes after boot — so the kernel is
 * mapped identically in every process, as in Linux. That part is mostly
 * empty (the linear map and the kernel image use a few entries), so a new
 * root copies, and a freed one clears, only the entries swapper_pg_dir
 * uses: fork and exit touch a handful of words, not half a page.
 */
#include <asm/pgtable.h>
#include <linux/mm.h>

static unsigned int kernel_entries[PTRS_PER_PGD - USER_PTRS_PER_PGD];
static int nr_kernel_entries = -1;	/* not counted yet */

/* The indexes of swapper_pg_dir's kernel entries in use, once (the first
 * root is made at boot, before any other CPU could ask). */
static void find_kernel_entries(void)
{
	unsigned int i;
	int n = 0;

	for (i = USER_PTRS_PER_PGD; i < PTRS_PER_PGD; i++)
		if (swapper_pg_dir[i])
			kernel_entries[n++] = i;
	nr_kernel_entries = n;
}

pgd_t *pgd_alloc(struct mm_struct *mm)
{
	pgd_t *pgd = (pgd_t *)get_zeroed_page(GFP_KERNEL);
	int i;

	(void)mm;
	if (!pgd)
		return NULL;
	if (nr_kernel_entries < 0)
		find_kernel_entries();
	for (i = 0; i < nr_kernel_entries; i++)
		pgd[kernel_entries[i]] = swapper_pg_dir[kernel_entries[i]];
	return pgd;
}

/* The user part is empty by now (exit_mmap freed every table): clear the
 * kernel entries too, and the next page table takes the page as it is. */
void pgd_free(struct mm_struct *mm, pgd_t *pgd)
{
	int i;

	(void)mm;
	for (i = 0; i < nr_kernel_entries; i++)
		pgd[kernel_entries[i]] = 0;
	free_zeroed_page((unsigned long)pgd);
}
