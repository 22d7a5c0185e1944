/*
 * Fault injection, Linux's fail-nth: a task writes N to its
 * /proc/<pid>/fail-nth and the Nth fallible allocation it makes from then
 * on (page allocator, slab, page tables) fails, so every error path of a
 * system call can be walked, one failure point at a time.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/gfp.h>
#include <linux/types.h>

bool should_fail_alloc(gfp_t gfp);
/* Where an injected failure happens (a gdb breakpoint's place). */
void fail_dump(gfp_t gfp);

#endif
