/* Physical memory: the page-frame array (mem_map), conversions between a
 * page, its frame number and its kernel address, and memory statistics. */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <asm/page.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <asm/pgtable.h>

extern struct page *mem_map;
extern unsigned long min_low_pfn, max_pfn;
extern unsigned long totalram_pages;

#define pfn_to_page(pfn) (mem_map + ((pfn) - min_low_pfn))
#define page_to_pfn(page) ((unsigned long)((page) - mem_map) + min_low_pfn)
#define page_address(page) __va(page_to_pfn(page) << PAGE_SHIFT)
#define virt_to_page(va) pfn_to_page(__pa(va) >> PAGE_SHIFT)
#define pfn_valid(pfn) ((pfn) >= min_low_pfn && (pfn) < max_pfn)

/*
 * A page's reference count: one for the allocation, one more for each
 * extra user — a page-cache page is held by its file's radix tree and by
 * every PTE that maps it, so a page shared by several address spaces goes
 * back to the allocator only when the last of them lets go (put_page).
 * Atomic, so it stays right once there are several CPUs.
 */
static inline void get_page(struct page *page)
{
	__atomic_fetch_add(&page->_refcount, 1, __ATOMIC_RELAXED);
}

static inline int page_count(const struct page *page)
{
	return __atomic_load_n(&page->_refcount, __ATOMIC_RELAXED);
}

/* Drop a reference to an order-0 page; the last one frees it. Inline:
 * the walkers drop one for every page they unmap. */
static inline void put_page(struct page *page)
{
	int count = __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL);

	if (count <= 0)
		free_unref_page(page, 0, count);
}

/*
 * Copy-on-write: a private mapping (not MAP_SHARED) shares pages with the
 * file or, after fork, with the other process, read-only until it writes.
 * It may write to a page in place only while the page is exclusive: an
 * anonymous page (no file's) whose one reference is this mapping's PTE.
 */
static inline bool is_cow_mapping(unsigned long vm_flags)
{
	return !(vm_flags & VM_SHARED);
}

/* Set a user PTE (Linux's set_pte_at): a writable entry takes from its
 * table the mark that fork's page-table sharing relies on. */
static inline void set_pte_at(struct mm_struct *mm, unsigned long addr,
			      pte_t *ptep, pte_t pte)
{
	(void)mm, (void)addr;
	if (pte_write(pte))
		virt_to_page(ptep)->flags &= ~(1UL << PG_pt_wrprotected);
	*ptep = pte;
}

static inline bool page_exclusive(const struct page *page)
{
	return !page->mapping && page_count(page) == 1;
}

/* Called once by the architecture with the RAM range and where to keep
 * mem_map (mem_map_size() bytes); afterwards reserve_memory() marks holes
 * (kernel image, firmware, initrd, DTB). */
unsigned long mem_map_size(unsigned long start_pa, unsigned long end_pa);
void mem_init_range(unsigned long start_pa, unsigned long end_pa,
		    unsigned long map_pa);
void reserve_memory(unsigned long start_pa, unsigned long end_pa);
void mem_init_done(void);
unsigned long free_reserved_area(const void *start, const void *end,
				 const char *what);
unsigned long nr_free_pages(void);
void show_mem(void);

#define PAGE_ALIGN(x) ALIGN((unsigned long)(x), PAGE_SIZE)

/* Address spaces (kernel/fork.c, mm/mmap.c, mm/memory.c) */
struct vm_area_struct;
extern struct kmem_cache *vm_area_cachep;
struct mm_struct *mm_alloc(void);
void mmput(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);
static inline void mmgrab(struct mm_struct *mm)
{
	__atomic_fetch_add(&mm->mm_count, 1, __ATOMIC_RELAXED);
}
void exit_mmap(struct mm_struct *mm);
struct task_struct;
/* kernel/fork.c: p's address space with a use taken (mmput it), or NULL */
struct mm_struct *get_task_mm(struct task_struct *p);
/* mm/memory.c: copy from another address space (/proc/<pid>/cmdline);
 * the bytes read, stopping at the first page not there */
int access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf,
		     int len);
/* mm/memory.c: pages of memory the address space maps (its resident
 * set), counted in its page tables */
unsigned long get_mm_rss(struct mm_struct *mm);
/* mm/pgtable-share.c: mm's own copy of every page table in [start, end)
 * it shares with another address space since a fork, before it changes
 * entries there; 0 or -ENOMEM */
int unshare_page_range(struct mm_struct *mm, unsigned long start,
		       unsigned long end);
/* mm/filemap.c: pages in the page cache, all files (/proc/meminfo's
 * Cached) */
extern unsigned long nr_file_pages;
/* A task lets go of its mm (exit or exec): wakes a vfork parent. */
void mm_release(struct task_struct *tsk);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *expand_stack(struct mm_struct *mm, unsigned long addr);
/* The level walkers under copy_page_range and unmap_page_range, real
 * functions so the lab can break on them (DESIGN.md "Beyond fork"). */
int copy_pmd_range(struct mm_struct *dst, struct mm_struct *src,
		   pgd_t *dst_pgd, pgd_t *src_pgd, struct vm_area_struct *vma,
		   unsigned long addr, unsigned long end);
int copy_pte_range(struct mm_struct *dst, pmd_t *dst_pmd, pmd_t *src_pmd,
		   struct vm_area_struct *vma, unsigned long addr,
		   unsigned long end);
void zap_pte_range(struct vm_area_struct *vma, pmd_t *pmd,
		   unsigned long addr, unsigned long end);
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    struct vm_area_struct *vma);
void unmap_page_range(struct vm_area_struct *vma, unsigned long addr,
		      unsigned long end);
void free_pgd_range(struct mm_struct *mm, unsigned long addr,
		    unsigned long end, unsigned long floor,
		    unsigned long ceiling);
pte_t *walk_page_table(struct mm_struct *mm, unsigned long addr);
/* The PTE of a present page at addr, or NULL; adds no table (mmap_lock
 * held). */
pte_t *follow_pte(struct mm_struct *mm, unsigned long addr);
/* What handle_mm_fault returns besides 0 (Linux's vm_fault_t bits). */
#define VM_FAULT_OOM 0x000001	/* no page to be had */
#define VM_FAULT_SIGBUS 0x000002	/* a file page past the end of file */
#define VM_FAULT_SIGSEGV 0x000040	/* no access allowed there */
int handle_mm_fault(struct vm_area_struct *vma, unsigned long addr,
		    bool write);
int filemap_fault(struct vm_area_struct *vma, unsigned long pgoff,
		  struct page **pagep);
/* Unmap file bytes [holebegin, +holelen) (0: to the end) from every
 * mapping of the file, private copies included (Linux's even_cows). */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen);
void unlink_file_vma(struct vm_area_struct *vma);
void vma_link_file(struct vm_area_struct *vma);
int shmem_zero_setup(struct vm_area_struct *vma);
extern struct super_block shmem_sb;	/* shared anonymous memory's files */
int faultin_vma_page_range(struct vm_area_struct *vma, unsigned long start,
			   unsigned long end, bool write);
void change_protection(struct vm_area_struct *vma);
/* 0 when the page is now there, else the signal a user access earns
 * (SIGSEGV, or SIGBUS past the end of a mapped file). */
int handle_page_fault(unsigned long addr, bool write, bool exec, bool user);
struct vm_area_struct *insert_vma(struct mm_struct *mm, unsigned long start,
				  unsigned long end, unsigned long flags);
/* A copy of orig (and a reference to its file), on no list yet. */
struct vm_area_struct *vm_area_dup(struct vm_area_struct *orig);
void remove_vma(struct vm_area_struct *vma);
int split_vma(struct vm_area_struct *vma, unsigned long addr);
unsigned long get_unmapped_area(struct mm_struct *mm, unsigned long len);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end);
struct vm_area_struct *find_vma_intersection_after(struct mm_struct *mm,
						   struct vm_area_struct *vma,
						   unsigned long start,
						   unsigned long end);
bool range_in_use(struct mm_struct *mm, unsigned long start,
		  unsigned long end);
struct vm_area_struct *next_vma(struct mm_struct *mm,
				struct vm_area_struct *vma);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
int do_munmap(struct mm_struct *mm, unsigned long start, size_t len);
long ksys_mmap_pgoff(unsigned long addr, unsigned long len,
		     unsigned long prot, unsigned long flags, int fd,
		     unsigned long pgoff);

/* Page-table walking, the same on every architecture: the entry for addr
 * at the top level, and where the span of the top-level entry holding
 * addr ends, capped at end (the levels below are in asm/pgtable.h). */
#define pgd_offset(mm, addr) ((mm)->pgd + pgd_index(addr))
#define pgd_addr_end(addr, end)                                              \
	({                                                                   \
		unsigned long __boundary = ((addr) + PGDIR_SIZE) & PGDIR_MASK; \
		__boundary - 1 < (end) - 1 ? __boundary : (end);             \
	})

/* Architecture page-table hooks (arch/<arch>/mm/pgtable.c). */
pgd_t *pgd_alloc(struct mm_struct *mm);
void pgd_free(struct mm_struct *mm, pgd_t *pgd);
void pmd_free(struct mm_struct *mm, pmd_t *pmd);
pte_t mk_user_pte(unsigned long pfn, unsigned long vm_flags);
void flush_tlb_page(unsigned long va);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start,
		     unsigned long end);
void flush_tlb_mm(struct mm_struct *mm);

#endif
