/* Small-object caches (kmem_cache), Linux-style: task_struct, mm_struct and
 * friends come from named caches; kmalloc serves odd sizes. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;	/* each object's slot: object_size rounded to
				 * the alignment (and, in the debug kernel,
				 * a redzone and the free pointer after it) */
	unsigned int offset;	/* of the free pointer in a free slot */
	unsigned int order;	/* each slab is 2^order pages */
	unsigned int objs_per_slab;
	unsigned long nr_active;	/* objects handed out */
	unsigned long nr_slabs;
	struct list_head partial;	/* slabs with at least one free object */
	struct list_head full;
	struct list_head list;	/* all caches, for reports */
	spinlock_t lock;
};

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align);
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *obj);
void kmem_cache_init(void);
void show_slab_info(void);
struct seq_file;
int slabinfo_show(struct seq_file *m);	/* /proc/slabinfo */
unsigned long slab_pages(void);	/* /proc/meminfo's Slab */

#endif
