/*
 * Fault injection, Linux's fail-nth: a task writes N to its
 * /proc/<pid>/fail-nth and the Nth fallible allocation it makes from then
 * on (page allocator, slab, page tables) fails, so every error path of a
 * system call can be walked, one failure point at a time.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/types.h>

bool __should_fail_alloc(gfp_t gfp);

/* Should this allocation, made by current, fail? Inline, so that an
 * allocation by a task that asked for nothing (nearly all of them) pays a
 * load and a branch, not a call (fork makes about twenty). */
static inline bool should_fail_alloc(gfp_t gfp)
{
	if (likely(!READ_ONCE(current->fail_nth)))
		return false;
	return __should_fail_alloc(gfp);
}
/* Where an injected failure happens (a gdb breakpoint's place). */
void fail_dump(gfp_t gfp);

#endif
