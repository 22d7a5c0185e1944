/* Page allocation: the buddy allocator in mm/page_alloc.c. Every page the
 * kernel uses is taken and given back through these few functions, so the
 * fault-injection hook (fail-nth, lib/fault-inject.c) has one place to go:
 * alloc_pages asks it; __alloc_pages, the allocator proper, does not (the
 * slab allocator uses it, having asked once for the object already). */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/mm_types.h>

#define GFP_KERNEL 0x0u
#define __GFP_ZERO 0x1u
/* Fault injection (fail-nth) never picks it: a buffer Linux would not
 * need (fs/read_write.c's bounce buffer). It can still fail for real. */
#define __GFP_NOINJECT 0x2u

#define MAX_ORDER 11	/* blocks of up to 2^10 pages (4 MiB) */

struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct page *__alloc_pages(gfp_t gfp, unsigned int order);
void __free_pages(struct page *page, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
void free_zeroed_page(unsigned long addr);	/* a page left all zeros */
struct page;
void free_unref_page(struct page *page, unsigned int order, int count);
#define __get_free_page(gfp) __get_free_pages((gfp), 0)
#define free_page(addr) free_pages((addr), 0)

#endif
