/* The byte patterns the debug kernel fills memory with (as Linux's
 * include/linux/poison.h): a report that shows one of them says what the
 * memory was when it was wrongly used. */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

/* Slab objects (mm/slab.c, CONFIG_SLUB_DEBUG). */
#define POISON_FREE 0x6b	/* a free object's bytes */
#define POISON_END 0xa5	/* its last byte */
#define SLUB_RED_INACTIVE 0xbb	/* the redzone after a free object */
#define SLUB_RED_ACTIVE 0xcc	/* the redzone after an allocated one */

/* Free pages (mm/page_alloc.c, CONFIG_PAGE_POISONING). */
#define PAGE_POISON 0xaa

#endif
