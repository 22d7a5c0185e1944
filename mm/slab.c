/*
 * Small-object caches, in the spirit of Linux's slab allocators. A cache
 * hands out objects of one size, carved from slabs of 2^order pages; free
 * objects are chained through their first word. A slab whose objects are
 * all free goes straight back to the page allocator, so freeing everything
 * returns the free-page count to where it was.
 *
 * kmalloc() picks the smallest of a few general caches that fits, and uses
 * whole pages beyond the largest.
 *
 * Each allocation asks the fault injector (fail-nth) once: a new slab's
 * pages come from __alloc_pages, which does not ask again.
 * /proc/slabinfo lists every cache, so tests can compare each with a
 * baseline and name the one that lost objects.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct kmem_cache cache_cache;	/* the cache of kmem_caches */
static LIST_HEAD(slab_caches);
static DEFINE_SPINLOCK(slab_caches_lock);

#define KMALLOC_MIN 16
#define KMALLOC_MAX 2048
static const unsigned int kmalloc_sizes[] = {16, 32, 64, 128, 256, 512,
					     1024, 2048};
static struct kmem_cache *kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];

static void cache_setup(struct kmem_cache *c, const char *name,
			unsigned int size, unsigned int align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	c->name = name;
	c->size = ALIGN(size ? size : 1, align);
	c->order = 0;
	while ((PAGE_SIZE << c->order) / c->size < 4 && c->order < 3)
		c->order++;
	c->objs_per_slab = (PAGE_SIZE << c->order) / c->size;
	c->nr_active = 0;
	c->nr_slabs = 0;
	INIT_LIST_HEAD(&c->partial);
	INIT_LIST_HEAD(&c->full);
	spin_lock_init(&c->lock);
	spin_lock(&slab_caches_lock);
	list_add_tail(&c->list, &slab_caches);
	spin_unlock(&slab_caches_lock);
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align)
{
	struct kmem_cache *c = kmem_cache_alloc(&cache_cache, GFP_KERNEL);

	if (!c)
		return NULL;
	cache_setup(c, name, size, align);
	return c;
}

/* A new slab: its objects all chained on page->freelist. Lock held. */
static struct page *cache_grow(struct kmem_cache *c, gfp_t gfp)
{
	struct page *page = __alloc_pages(gfp & ~__GFP_ZERO, c->order);
	char *base;
	unsigned int i;

	if (!page)
		return NULL;
	page->flags |= 1UL << PG_slab;
	page->slab_cache = c;
	page->inuse = 0;
	base = page_address(page);
	for (i = 0; i < c->objs_per_slab; i++) {
		void **obj = (void **)(base + i * c->size);

		*obj = i + 1 < c->objs_per_slab ? base + (i + 1) * c->size :
						  NULL;
	}
	page->freelist = base;
	list_add(&page->lru, &c->partial);
	c->nr_slabs++;
	return page;
}

void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	unsigned long flags;
	struct page *page;
	void **obj;

	if (should_fail_alloc(gfp))
		return NULL;
	spin_lock_irqsave(&c->lock, flags);
	page = list_first_entry_or_null(&c->partial, struct page, lru);
	if (!page)
		page = cache_grow(c, gfp);
	if (!page) {
		spin_unlock_irqrestore(&c->lock, flags);
		return NULL;
	}
	obj = page->freelist;
	page->freelist = *obj;
	page->inuse++;
	c->nr_active++;
	if (!page->freelist)
		list_move_tail(&page->lru, &c->full);
	spin_unlock_irqrestore(&c->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->size);
	return obj;
}

void *kmem_cache_zalloc(struct kmem_cache *c, gfp_t gfp)
{
	return kmem_cache_alloc(c, gfp | __GFP_ZERO);
}

/* The first page of the slab holding obj (slabs are 2^order aligned). */
static struct page *obj_to_slab(const void *obj, unsigned int *order)
{
	struct page *page = virt_to_page(obj);
	unsigned long pfn = page_to_pfn(page);
	unsigned int o;

	/* A slab of order o starts at a pfn aligned to 2^o. */
	for (o = 0; o <= 3; o++) {
		struct page *head = pfn_to_page(pfn & ~((1UL << o) - 1));

		if ((head->flags & (1UL << PG_slab)) && head->order == o) {
			*order = o;
			return head;
		}
	}
	*order = 0;
	return page;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	unsigned long flags;
	unsigned int order;
	struct page *page;

	if (!obj)
		return;
	page = obj_to_slab(obj, &order);
	BUG_ON(page->slab_cache != c);
	spin_lock_irqsave(&c->lock, flags);
	*(void **)obj = page->freelist;
	if (!page->freelist)
		list_move_tail(&page->lru, &c->partial);
	page->freelist = obj;
	page->inuse--;
	c->nr_active--;
	if (page->inuse == 0) {
		/* An empty slab: give its pages back. */
		list_del_init(&page->lru);
		c->nr_slabs--;
		spin_unlock_irqrestore(&c->lock, flags);
		__free_pages(page, c->order);
		return;
	}
	spin_unlock_irqrestore(&c->lock, flags);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	unsigned int i, order;
	struct page *page;

	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return kmem_cache_alloc(kmalloc_caches[i], gfp);
	/* Large: whole pages, remembered by their order in struct page. */
	for (order = 0; (PAGE_SIZE << order) < size; order++)
		if (order + 1 >= MAX_ORDER)
			return NULL;
	page = alloc_pages(gfp, order);
	return page ? page_address(page) : NULL;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kfree(const void *obj)
{
	unsigned int order;
	struct page *page;

	if (!obj)
		return;
	page = obj_to_slab(obj, &order);
	if (page->flags & (1UL << PG_slab))
		kmem_cache_free(page->slab_cache, (void *)obj);
	else
		__free_pages(virt_to_page(obj), virt_to_page(obj)->order);
}

void kmem_cache_init(void)
{
	static char names[ARRAY_SIZE(kmalloc_sizes)][16];
	unsigned int i;

	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 8);
	for (i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++) {
		snprintf(names[i], sizeof(names[i]), "kmalloc-%u",
			 kmalloc_sizes[i]);
		kmalloc_caches[i] = kmem_cache_create(names[i],
						      kmalloc_sizes[i], 8);
		if (!kmalloc_caches[i])
			panic("kmem_cache_init: out of memory");
	}
}

void show_slab_info(void)
{
	struct kmem_cache *c;

	printk("%-16s %8s %8s %6s %6s\n", "cache", "active", "objsize",
	       "order", "slabs");
	list_for_each_entry(c, &slab_caches, list)
		printk("%-16s %8lu %8u %6u %6lu\n", c->name, c->nr_active,
		       c->size, c->order, c->nr_slabs);
}

/*
 * /proc/slabinfo in Linux's format (version 2.1): per cache the objects in
 * use and in all its slabs, the object size, objects per slab, pages per
 * slab; the tunables are SLAB's per-CPU arrays, which Clonix has not (0);
 * then slabs in use (every slab here holds at least one object: an empty
 * one is freed at once) and in all.
 */
int slabinfo_show(struct seq_file *m)
{
	struct kmem_cache *c;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> "
		    "<objperslab> <pagesperslab> : tunables <limit> "
		    "<batchcount> <sharedfactor> : slabdata <active_slabs> "
		    "<num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(c, &slab_caches, list) {
		unsigned long flags, active, slabs;

		spin_lock_irqsave(&c->lock, flags);
		active = c->nr_active;
		slabs = c->nr_slabs;
		spin_unlock_irqrestore(&c->lock, flags);
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4u : tunables %4u %4u "
			   "%4u : slabdata %6lu %6lu %6u\n", c->name, active,
			   slabs * c->objs_per_slab, c->size, c->objs_per_slab,
			   1U << c->order, 0U, 0U, 0U, slabs, slabs, 0U);
	}
	spin_unlock(&slab_caches_lock);
	return 0;
}

/* Pages held by all slabs, for /proc/meminfo's Slab. */
unsigned long slab_pages(void)
{
	struct kmem_cache *c;
	unsigned long n = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(c, &slab_caches, list)
		n += READ_ONCE(c->nr_slabs) << c->order;
	spin_unlock(&slab_caches_lock);
	return n;
}
