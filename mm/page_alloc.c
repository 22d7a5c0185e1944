/*
 * The physical page allocator: a binary buddy allocator over all RAM the
 * boot code hands us. Blocks of 2^order pages sit on free_area[order]; a
 * freed block merges with its "buddy" (the block whose address differs only
 * in bit `order`) whenever that buddy is free too, so big blocks such as a
 * 16 KiB kernel stack can always be rebuilt. Every page has a struct page
 * in mem_map with a reference count, so ownership is countable.
 *
 * Out of memory is an ordinary result: alloc_pages() returns NULL and the
 * caller returns -ENOMEM. It never sleeps and never hangs.
 *
 * Two short lists of free order-0 pages sit in front of the buddy lists,
 * as Linux's per-CPU page lists do: pages just freed (pcp_pages), handed
 * out again first, so the common allocate-free-allocate of one page costs
 * a list operation instead of splitting and merging buddies; and pages
 * known to hold only zeros — page tables emptied by the walkers, which
 * clear every entry before freeing a table (free_zeroed_page) — so the
 * next page table (a __GFP_ZERO page) needs no clearing, as Linux's
 * page-table quicklists once did. Both are free memory like any other
 * (MemFree counts them); a larger block that cannot be found while pages
 * wait there puts them back into the buddy lists (drain_listed_pages)
 * and looks again.
 *
 * The debug kernel (CONFIG_PAGE_POISONING, as Linux's page poisoning)
 * fills every free page with PAGE_POISON and checks, when the page is
 * handed out again, that nobody wrote to it meanwhile (a write after
 * free). Pages on the zeroed list are the exception: they hold zeros, and
 * are checked for zeros, both when freed there (free_zeroed_page's
 * promise) and when handed out; one that leaves the list for the buddy
 * lists is poisoned then.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;	/* blocks on this list */
};

static struct free_area free_area[MAX_ORDER];
static unsigned long nr_free;	/* free pages, all orders, zeroed ones too */
static LIST_HEAD(zeroed_pages);	/* free order-0 pages of zeros */
static unsigned long nr_zeroed;
#define ZEROED_PAGES_MAX 64	/* enough for a few address spaces' tables */
static LIST_HEAD(pcp_pages);	/* free order-0 pages, most recent first */
static unsigned long nr_pcp;
#define PCP_PAGES_MAX 64
static DEFINE_SPINLOCK(zone_lock);

struct page *mem_map;
unsigned long min_low_pfn, max_pfn;
unsigned long totalram_pages;

#ifdef CONFIG_PAGE_POISONING
/* Fill the 2^order pages at page with the free-page pattern. */
static void poison_pages(struct page *page, unsigned int order)
{
	memset(page_address(page), PAGE_POISON, PAGE_SIZE << order);
}

/* Every byte of the 2^order pages at page must be val, or report what. */
static void check_pages(struct page *page, unsigned int order, u8 val,
			const char *what)
{
	const u8 *p = page_address(page), *end = p + (PAGE_SIZE << order);
	const u8 *q;

	for (q = p; q < end; q++)
		if (*q != val)
			break;
	if (q == end)
		return;
	report_begin();
	printk("BUG: %s\n", what);
	printk("pfn 0x%lx (a block of %lu pages at %p): byte at offset 0x%lx "
	       "is 0x%02x, expected 0x%02x\n", page_to_pfn(page), 1UL << order,
	       p, (unsigned long)(q - p), *q, val);
	report_end();
}
#else
#define poison_pages(page, order) do { } while (0)
#define check_pages(page, order, val, what) do { } while (0)
#endif

static bool page_is_buddy(const struct page *page, unsigned int order)
{
	return (page->flags & (1UL << PG_buddy)) && page->order == order;
}

/* Put a free block of 2^order pages back, merging with free buddies. */
static void __free_one_page(unsigned long pfn, unsigned int order)
{
	struct page *page;

	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!pfn_valid(buddy_pfn) ||
		    !pfn_valid(buddy_pfn + (1UL << order) - 1))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!page_is_buddy(buddy, order))
			break;
		list_del_init(&buddy->lru);
		buddy->flags &= ~(1UL << PG_buddy);
		free_area[order].nr_free--;
		pfn &= ~(1UL << order);
		order++;
	}
	page = pfn_to_page(pfn);
	page->flags |= 1UL << PG_buddy;
	page->order = order;
	list_add(&page->lru, &free_area[order].free_list);
	free_area[order].nr_free++;
}

/* Take a block of 2^order pages, splitting a bigger one if needed. */
static struct page *__rmqueue(unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order < MAX_ORDER;
	     current_order++) {
		struct free_area *area = &free_area[current_order];
		struct page *page;
		unsigned long pfn;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		list_del_init(&page->lru);
		page->flags &= ~(1UL << PG_buddy);
		area->nr_free--;
		pfn = page_to_pfn(page);
		/* Give back the upper halves we do not need. */
		while (current_order > order) {
			current_order--;
			__free_one_page(pfn + (1UL << current_order),
					current_order);
		}
		return page;
	}
	return NULL;
}

/* The first page of one of the short lists (zone_lock held), or NULL. */
static struct page *take_listed(struct list_head *list, unsigned long *nr)
{
	struct page *page;

	if (!*nr)
		return NULL;
	page = list_first_entry(list, struct page, lru);
	list_del_init(&page->lru);
	(*nr)--;
	return page;
}

/* Give every page on the short lists back to the buddy lists, so they can
 * merge into larger blocks again (zone_lock held). */
static void drain_listed_pages(void)
{
	struct page *page;

	while ((page = take_listed(&pcp_pages, &nr_pcp)))
		__free_one_page(page_to_pfn(page), 0);
	while ((page = take_listed(&zeroed_pages, &nr_zeroed))) {
		poison_pages(page, 0);	/* no longer known to be zeros */
		__free_one_page(page_to_pfn(page), 0);
	}
}

/* Allocate 2^order contiguous pages; NULL when memory is exhausted. The
 * allocator proper: no fault injection (the slab allocator calls it). */
struct page *__alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags;
	struct page *page;
	bool zeroed = false;

	if (order >= MAX_ORDER)
		return NULL;
	spin_lock_irqsave(&zone_lock, flags);
	page = NULL;
	if (!order && (gfp & __GFP_ZERO)) {
		page = take_listed(&zeroed_pages, &nr_zeroed);
		zeroed = page != NULL;
	}
	if (!order && !page)
		page = take_listed(&pcp_pages, &nr_pcp);
	if (!page)
		page = __rmqueue(order);
	if (!page && !order) {
		page = take_listed(&zeroed_pages, &nr_zeroed);	/* the last */
		zeroed = page != NULL;
	}
	if (!page && order && (nr_pcp || nr_zeroed)) {
		drain_listed_pages();
		page = __rmqueue(order);
	}
	if (page)
		nr_free -= 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);
	if (!page)
		return NULL;
	if (zeroed)
		check_pages(page, 0, 0, "page poison: a free zeroed page was "
			    "written (use after free)");
	else
		check_pages(page, order, PAGE_POISON, "page poison overwritten "
			    "(use after free)");
	__atomic_store_n(&page->_refcount, 1, __ATOMIC_RELAXED);
	page->order = order;
	page->mapping = NULL;
	if ((gfp & __GFP_ZERO) && !zeroed) {
		unsigned long i;

		for (i = 0; i < 1UL << order; i++)
			clear_page((char *)page_address(page) + i * PAGE_SIZE);
	}
	return page;
}

/* A block whose last reference is gone (count: what the reference count
 * fell to, never below 0) goes back: an order-0 page to the short list of
 * recently freed pages while there is room, else to the buddy lists. */
void free_unref_page(struct page *page, unsigned int order, int count)
{
	unsigned long flags;

	BUG_ON(count < 0);
	BUG_ON(page->flags & (1UL << PG_reserved));
	page->flags = 0;
	page->slab_cache = NULL;
	poison_pages(page, order);
	spin_lock_irqsave(&zone_lock, flags);
	if (!order && nr_pcp < PCP_PAGES_MAX) {
		list_add(&page->lru, &pcp_pages);
		nr_pcp++;
	} else {
		__free_one_page(page_to_pfn(page), order);
	}
	nr_free += 1UL << order;
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Drop a reference; the block goes back to the free lists at zero. */
void __free_pages(struct page *page, unsigned int order)
{
	int count;

	if (!page)
		return;
	count = __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL);
	if (count <= 0)
		free_unref_page(page, order, count);
}

/*
 * Free an order-0 page the caller has left all zeros (an emptied page
 * table): the next __GFP_ZERO allocation takes it as it is. Like
 * free_page, it only drops a reference.
 */
void free_zeroed_page(unsigned long addr)
{
	struct page *page = virt_to_page(addr);
	unsigned long flags;

	if (__atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_ACQ_REL))
		return;
	page->flags = 0;
	page->slab_cache = NULL;
	check_pages(page, 0, 0, "free_zeroed_page: the page is not all "
		    "zeros");
	spin_lock_irqsave(&zone_lock, flags);
	if (nr_zeroed < ZEROED_PAGES_MAX) {
		list_add(&page->lru, &zeroed_pages);
		nr_zeroed++;
	} else {
		poison_pages(page, 0);
		__free_one_page(page_to_pfn(page), 0);
	}
	nr_free++;
	spin_unlock_irqrestore(&zone_lock, flags);
}

/* Allocate 2^order contiguous pages, or NULL: memory is exhausted, or
 * the task asked (fail-nth) for this allocation to fail. */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (should_fail_alloc(gfp))
		return NULL;
	return __alloc_pages(gfp, order);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (addr)
		__free_pages(virt_to_page(addr), order);
}

unsigned long nr_free_pages(void)
{
	return READ_ONCE(nr_free);
}

/* Bytes of struct page needed to describe RAM [start_pa, end_pa). */
unsigned long mem_map_size(unsigned long start_pa, unsigned long end_pa)
{
	return ALIGN(((end_pa - start_pa) >> PAGE_SHIFT) * sizeof(struct page),
		     PAGE_SIZE);
}

/*
 * Boot: describe RAM [start_pa, end_pa), with mem_map placed at map_pa (a
 * free spot the architecture chose). mem_init_done() then frees every page
 * that reserve_memory() did not claim in between.
 */
void mem_init_range(unsigned long start_pa, unsigned long end_pa,
		    unsigned long map_pa)
{
	unsigned long npages, map_bytes;
	unsigned int i;

	min_low_pfn = start_pa >> PAGE_SHIFT;
	max_pfn = end_pa >> PAGE_SHIFT;
	npages = max_pfn - min_low_pfn;
	map_bytes = mem_map_size(start_pa, end_pa);
	mem_map = __va(map_pa);
	memset(mem_map, 0, map_bytes);
	for (i = 0; i < npages; i++)
		INIT_LIST_HEAD(&mem_map[i].lru);
	for (i = 0; i < MAX_ORDER; i++)
		INIT_LIST_HEAD(&free_area[i].free_list);
	reserve_memory(map_pa, map_pa + map_bytes);
}

/* Keep [start_pa, end_pa) out of the allocator, for good. */
void reserve_memory(unsigned long start_pa, unsigned long end_pa)
{
	unsigned long pfn;

	for (pfn = start_pa >> PAGE_SHIFT;
	     pfn < DIV_ROUND_UP(end_pa, PAGE_SIZE); pfn++)
		if (pfn_valid(pfn))
			pfn_to_page(pfn)->flags |= 1UL << PG_reserved;
}

/* Hand every page that is not reserved to the buddy lists. */
void mem_init_done(void)
{
	unsigned long pfn;

	for (pfn = min_low_pfn; pfn < max_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (page->flags & (1UL << PG_reserved))
			continue;
		poison_pages(page, 0);
		__free_one_page(pfn, 0);
		nr_free++;
		totalram_pages++;
	}
}

/*
 * Give reserved memory back once its contents are no longer needed (the
 * initrd, after unpacking): every whole page inside [start, end) joins the
 * free lists. Returns the pages freed.
 */
unsigned long free_reserved_area(const void *start, const void *end,
				 const char *what)
{
	unsigned long pfn = DIV_ROUND_UP(__pa(start), PAGE_SIZE);
	unsigned long last = __pa(end) >> PAGE_SHIFT, n = 0, flags;

	for (; pfn < last; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (!(page->flags & (1UL << PG_reserved)))
			continue;
		page->flags &= ~(1UL << PG_reserved);
		poison_pages(page, 0);
		spin_lock_irqsave(&zone_lock, flags);
		__free_one_page(pfn, 0);
		nr_free++;
		totalram_pages++;
		spin_unlock_irqrestore(&zone_lock, flags);
		n++;
	}
	printk("Freeing %s memory: %luK\n", what, n << (PAGE_SHIFT - 10));
	return n;
}

void show_mem(void)
{
	unsigned int order;

	printk("Memory: %luK/%luK available (%lu free pages)\n",
	       nr_free_pages() << (PAGE_SHIFT - 10),
	       (max_pfn - min_low_pfn) << (PAGE_SHIFT - 10), nr_free_pages());
	printk("buddy free blocks by order:");
	for (order = 0; order < MAX_ORDER; order++)
		printk(" %lu", free_area[order].nr_free);
	printk("; recently freed pages %lu, zeroed pages %lu\n", nr_pcp,
	       nr_zeroed);
}
