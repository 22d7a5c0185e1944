/* struct page (one per physical page frame: page ownership is countable,
 * with a reference count per page, as copy-on-write will need), and the
 * address-space types: mm_struct and its vm_area_structs. */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <asm/mmu.h>
#include <asm/page.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct kmem_cache;
struct address_space;
struct file;

/* A page is a slab's or (maybe) a file's, never both: as in Linux, the
 * fields of each use share the same words, so mem_map stays small. */
struct page {
	unsigned long flags;	/* PG_* */
	int _refcount;		/* users of this page; 0 when free */
	unsigned int order;	/* buddy order while free / size of a block */
	struct list_head lru;	/* free list or slab list */
	union {
		struct {	/* PG_slab pages */
			struct kmem_cache *slab_cache;	/* owning cache */
			void *freelist;	/* first free object */
			unsigned int inuse;	/* objects handed out */
		};
		struct {	/* user pages: NULL mapping if anonymous */
			struct address_space *mapping;	/* page cache's file */
			unsigned long index;	/* its page number there */
		};
	};
};

#define PG_reserved 0	/* never handed out (kernel, firmware, initrd) */
#define PG_buddy 1	/* head of a free block in the buddy allocator */
#define PG_slab 2	/* belongs to a kmem_cache */
#define PG_pt_wrprotected 3	/* a pte table with no writable entry */

/* vm_flags, Linux's values. VM_MAY* say which of VM_READ/WRITE/EXEC
 * mprotect may turn on (a MAP_SHARED mapping of a read-only file never
 * gets VM_MAYWRITE); VM_SHARED marks a mapping whose stores reach the
 * file (or the shared anonymous object) rather than private copies. */
#define VM_READ 0x1
#define VM_WRITE 0x2
#define VM_EXEC 0x4
#define VM_SHARED 0x8
#define VM_MAYREAD 0x10
#define VM_MAYWRITE 0x20
#define VM_MAYEXEC 0x40
#define VM_MAYSHARE 0x80
#define VM_GROWSDOWN 0x100	/* the stack: faults below it extend it */
#define VM_DONTCOPY 0x20000	/* madvise(MADV_DONTFORK) */
#define VM_DONTDUMP 0x4000000	/* madvise(MADV_DONTDUMP) */
#define VM_WIPEONFORK 0x2000000	/* madvise(MADV_WIPEONFORK) */

/* One contiguous range of a process's user addresses. */
struct vm_area_struct {
	unsigned long vm_start;	/* first address */
	unsigned long vm_end;	/* first address after */
	unsigned long vm_flags;	/* VM_* */
	struct list_head vm_list;	/* in mm->mmap, sorted by address */
	struct mm_struct *vm_mm;
	struct file *vm_file;	/* the mapped file, or NULL (anonymous) */
	unsigned long vm_pgoff;	/* file page number mapped at vm_start */
	struct list_head shared;	/* in vm_file's i_mmap list */
};

struct mm_struct {
	struct list_head mmap;	/* the VMAs, sorted */
	pgd_t *pgd;		/* the page table's root */
	int mm_users;		/* tasks using this address space */
	int mm_count;		/* references to the struct (lazy users too) */
	spinlock_t page_table_lock;
	struct rw_semaphore mmap_lock;	/* see linux/mmap_lock.h */
	struct file *exe_file;	/* the program it runs: no one may write it */
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	unsigned long arg_start, arg_end, env_start, env_end;
	mm_context_t context;	/* the architecture's: the vDSO's address */
	int membarrier_state;	/* MEMBARRIER_CMD_REGISTER_* done by its threads */
};

extern struct mm_struct init_mm;

#endif
