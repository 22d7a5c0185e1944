/* What the memory-management files share among themselves and nobody
 * else needs: the page-table sharing of fork (mm/pgtable-share.c). */
#ifndef _MM_INTERNAL_H
#define _MM_INTERNAL_H

#include <linux/mm.h>

/* mm/memory.c: call fn on each pmd entry of mm that holds a pte table
 * over [addr, end), with the part of the range that table spans; the
 * first error stops the walk and is returned. */
int walk_pte_tables(struct mm_struct *mm, unsigned long addr,
		    unsigned long end,
		    int (*fn)(struct mm_struct *mm, pmd_t *pmd,
			      unsigned long addr, unsigned long end,
			      void *arg),
		    void *arg);

bool pte_table_shared(pmd_t *pmd);
bool pte_table_shareable(struct mm_struct *src, unsigned long addr);
void share_pte_table(struct mm_struct *src, pmd_t *dst_pmd, pmd_t *src_pmd,
		     unsigned long addr);
int unshare_pte_table(struct mm_struct *mm, pmd_t *pmd, unsigned long addr);
void drop_shared_pte_tables(struct mm_struct *mm);

#endif
