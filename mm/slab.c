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
 *
 * The debug kernel (CONFIG_SLUB_DEBUG, as Linux's SLUB debugging) lays out
 * each slot as the object, a redzone up to the next word and one word
 * more, then the free pointer; a free object is filled with POISON_FREE
 * (its last byte POISON_END) and its redzone with SLUB_RED_INACTIVE, an
 * allocated one has SLUB_RED_ACTIVE there. kmem_cache_free checks the
 * redzone (an overflow, or a double free) and kmem_cache_alloc the poison
 * (a write after free); either reports the cache by name and stops.
 */
#include <linux/fault-inject.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/poison.h>
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
	c->object_size = size ? size : 1;
#ifdef CONFIG_SLUB_DEBUG
	c->offset = ALIGN(c->object_size, sizeof(void *)) + sizeof(void *);
	c->size = ALIGN(c->offset + sizeof(void *), align);
#else
	c->offset = 0;	/* a free object's first word */
	c->size = ALIGN(c->object_size, align);
#endif
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

/* The free pointer of a free slot: where its successor is. */
static inline void **free_ptr(struct kmem_cache *c, void *obj)
{
	return (void **)((char *)obj + c->offset);
}

#ifdef CONFIG_SLUB_DEBUG
/* The first byte of [p, p + n) that is not val, or NULL. */
static const u8 *first_not(const u8 *p, u8 val, size_t n)
{
	for (; n; p++, n--)
		if (*p != val)
			return p;
	return NULL;
}

static void __noreturn slab_bug(struct kmem_cache *c, const void *obj,
				const char *what, const u8 *bad, u8 expected)
{
	report_begin();
	printk("BUG %s: %s\n", c->name, what);
	printk("object %p (%u bytes, slot %u) in cache %s", obj,
	       c->object_size, c->size, c->name);
	if (bad)
		printk(": byte at offset %ld is 0x%02x, expected 0x%02x",
		       (long)(bad - (const u8 *)obj), *bad, expected);
	printk("\n");
	report_end();
}

/* Fill a slot as allocated (active) or free: the redzone, and for a free
 * object the poison. */
static void init_object(struct kmem_cache *c, void *obj, bool active)
{
	u8 *p = obj;

	if (!active) {
		memset(p, POISON_FREE, c->object_size - 1);
		p[c->object_size - 1] = POISON_END;
	}
	memset(p + c->object_size, active ? SLUB_RED_ACTIVE : SLUB_RED_INACTIVE,
	       c->offset - c->object_size);
}

/* obj must be the start of a slot of page's slab. */
static void check_valid_pointer(struct kmem_cache *c, struct page *page,
				const void *obj, const char *what)
{
	const char *base = page_address(page);
	unsigned long off = (const char *)obj - base;

	if ((const char *)obj < base || off % c->size ||
	    off / c->size >= c->objs_per_slab)
		slab_bug(c, obj, what, NULL, 0);
}

/* An object about to be handed out: still poisoned and redzoned as free?
 * A difference is a write to the object after it was freed (or past the
 * end of the object before it was freed). */
static void check_free_object(struct kmem_cache *c, void *obj)
{
	const u8 *p = obj, *bad;

	bad = first_not(p, POISON_FREE, c->object_size - 1);
	if (!bad && p[c->object_size - 1] != POISON_END)
		bad = p + c->object_size - 1;
	if (bad)
		slab_bug(c, obj, "Poison overwritten (use after free)", bad,
			 bad == p + c->object_size - 1 ? POISON_END :
							POISON_FREE);
	bad = first_not(p + c->object_size, SLUB_RED_INACTIVE,
			c->offset - c->object_size);
	if (bad)
		slab_bug(c, obj, "Redzone overwritten (of a free object)", bad,
			 SLUB_RED_INACTIVE);
}

/* An object being freed: its redzone must be intact and active. */
static void check_allocated_object(struct kmem_cache *c, void *obj)
{
	const u8 *rz = (const u8 *)obj + c->object_size, *bad;
	size_t n = c->offset - c->object_size;

	if (!first_not(rz, SLUB_RED_INACTIVE, n))
		slab_bug(c, obj, "Object already free (double free)", NULL, 0);
	bad = first_not(rz, SLUB_RED_ACTIVE, n);
	if (bad)
		slab_bug(c, obj, "Right Redzone overwritten (out-of-bounds "
			 "write)", bad, SLUB_RED_ACTIVE);
}
#else	/* the normal kernel checks nothing */
#define init_object(c, obj, active) do { } while (0)
#define check_valid_pointer(c, page, obj, what) do { } while (0)
#define check_free_object(c, obj) do { } while (0)
#define check_allocated_object(c, obj) do { } while (0)
#endif

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
		void *obj = base + i * c->size;

		init_object(c, obj, false);
		*free_ptr(c, obj) = i + 1 < c->objs_per_slab ?
					    base + (i + 1) * c->size : NULL;
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
	check_valid_pointer(c, page, obj, "Freepointer corrupt");
	check_free_object(c, obj);
	init_object(c, obj, true);
	page->freelist = *free_ptr(c, obj);
	page->inuse++;
	c->nr_active++;
	if (!page->freelist)
		list_move_tail(&page->lru, &c->full);
	spin_unlock_irqrestore(&c->lock, flags);
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
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
	check_valid_pointer(c, page, obj, "Invalid object pointer (free of a "
			    "pointer into an object)");
	spin_lock_irqsave(&c->lock, flags);
	check_allocated_object(c, obj);
	init_object(c, obj, false);
	*free_ptr(c, obj) = page->freelist;
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

	printk("%-16s %8s %8s %8s %6s %6s\n", "cache", "active", "objsize",
	       "slotsize", "order", "slabs");
	list_for_each_entry(c, &slab_caches, list)
		printk("%-16s %8lu %8u %8u %6u %6lu\n", c->name, c->nr_active,
		       c->object_size, c->size, c->order, c->nr_slabs);
}

/*
 * /proc/slabinfo in Linux's format (version 2.1): per cache the objects in
 * use and in all its slabs, the object size, objects per slab, pages per
 * slab; the tunables are SLAB's per-CPU arrays, which Clonix has not (0);
 * then slabs in use (every slab here holds at least one object: an empty
 * one is freed at once) and in all. <objsize> is each object's slot, as
 * Linux shows it: in the debug kernel the object plus its redzone and free
 * pointer (show_slab_info prints both sizes).
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
