/* Host stand-in for include/linux/slab.h: the real one pulls in the page
 * allocator's headers, which need an architecture. A test that links lib/
 * code which allocates supplies kzalloc/kfree itself. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>

#define GFP_KERNEL 0u
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *obj);

#endif
