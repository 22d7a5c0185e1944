/*
 * Linux's fail-nth (Documentation/fault-injection/fault-injection.rst):
 * current->fail_nth counts down the fallible allocations the task makes
 * in its own context; the one that brings it from 1 to 0 fails. 0 means
 * off, and is also what /proc/<pid>/fail-nth reads once the failure has
 * been injected. An interrupt handler's allocations (if any) never count:
 * they are not the task's; nor do __GFP_NOINJECT ones. The page allocator
 * (alloc_pages), the slab allocator (kmem_cache_alloc, kmalloc) and so
 * page-table allocation ask here, once per call. The failure itself goes
 * through fail_dump, the one place to stop at in gdb (the fault-injection
 * lab's `fail-breaks`).
 */
#include <linux/fault-inject.h>
#include <linux/irq_regs.h>
#include <linux/kernel.h>
#include <linux/sched.h>

/* An allocation of current's fails now. Linux prints the call chain here
 * when asked to (its fault_attr's verbose); Clonix leaves that to gdb:
 * `break fail_dump` and `bt` show which allocation of which call it is.
 * Kept out of line so that the breakpoint has a place. */
noinline void fail_dump(gfp_t gfp)
{
	barrier();	/* a call GCC may not drop */
	(void)gfp;
}

/* should_fail_alloc's slow path, for a task with fail_nth set: counts
 * the allocation down, unless it is not the task's own. */
bool __should_fail_alloc(gfp_t gfp)
{
	unsigned int nth;

	if ((gfp & __GFP_NOINJECT) || get_irq_regs())
		return false;
	nth = READ_ONCE(current->fail_nth);
	if (!nth)
		return false;
	WRITE_ONCE(current->fail_nth, nth - 1);
	if (nth != 1)
		return false;
	fail_dump(gfp);
	return true;
}
