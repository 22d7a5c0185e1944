/*
 * The debug kernel's checkers proved on purpose (DEBUG=1 kernels only):
 * the boot option debug_selftest=<fault> makes kernel_init commit that
 * fault before /init runs, and the checker must report it and stop the
 * machine with a failure status. tests/test_debug_kernel.py boots each
 * one and looks for the report, the kind of fault and the file:line of
 * the line marked with the fault's name below.
 *
 *   ubsan-shift ubsan-overflow ubsan-bounds ubsan-null ubsan-divide
 *   ubsan-align (RISC-V: i386 does misaligned accesses in hardware)
 *   slab-overflow slab-uaf slab-double-free page-poison
 *   lock-unowned lock-recursive lock-sleep rwsem-recursive bug warn
 *
 * Values the compiler could fold come through volatile variables, so the
 * fault happens at run time, where the checkers look.
 */
#include <linux/cmdline.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>

static volatile int zero, forty = 40, four = 4, one = 1;
static volatile int int_max = INT_MAX;
static int sink;

/* A shift by a count only known at run time (sparse would object to a
 * constant one: `make check DEBUG=1` stays clean). */
static noinline int shift_left(int value, int count)
{
	return value << count;	/* ubsan-shift */
}

static noinline void test_ubsan(const char *what)
{
	int arr[4] = { 0 };
	char buf[16] = { 0 };
	int *volatile null_ptr = NULL;

	if (!strcmp(what, "ubsan-shift"))
		sink = shift_left(one, forty);
	else if (!strcmp(what, "ubsan-overflow"))
		sink = int_max + one;	/* ubsan-overflow */
	else if (!strcmp(what, "ubsan-bounds"))
		arr[four] = 1;	/* ubsan-bounds */
	else if (!strcmp(what, "ubsan-null"))
		sink = *null_ptr;	/* ubsan-null */
	else if (!strcmp(what, "ubsan-divide"))
		sink = one / zero;	/* ubsan-divide */
	else if (!strcmp(what, "ubsan-align"))
		sink = *(int *)(buf + one);	/* ubsan-align */
	sink += arr[0] + buf[0];
}

/* A cache of its own, so the slab under test is new and a second object
 * keeps it alive (an empty slab's pages go back to the page allocator,
 * where page poisoning, not the slab's, would see a write after free). */
#define TEST_OBJ_SIZE 44	/* the redzone starts inside a word */

static noinline void test_slab(const char *what)
{
	struct kmem_cache *c = kmem_cache_create("debug_selftest",
						 TEST_OBJ_SIZE, 4);
	char *p = c ? kmem_cache_alloc(c, GFP_KERNEL) : NULL;
	void *keeper = p ? kmem_cache_alloc(c, GFP_KERNEL) : NULL;

	if (!keeper)
		return;
	if (!strcmp(what, "slab-overflow")) {
		p[TEST_OBJ_SIZE + zero] = 'x';	/* one byte past the object */
		kmem_cache_free(c, p);	/* slab-overflow */
	} else if (!strcmp(what, "slab-uaf")) {
		kmem_cache_free(c, p);
		p[8] = 'x';	/* a write after free */
		p = kmem_cache_alloc(c, GFP_KERNEL);	/* slab-uaf */
	} else if (!strcmp(what, "slab-double-free")) {
		kmem_cache_free(c, p);
		kmem_cache_free(c, p);	/* slab-double-free */
	}
}

static noinline void test_page_poison(void)
{
	unsigned long page = __get_free_page(GFP_KERNEL);

	if (!page)
		return;
	free_page(page);
	((char *)page)[100] = 'x';	/* a write after free */
	page = __get_free_page(GFP_KERNEL);	/* page-poison */
	free_page(page);
}

static DEFINE_SPINLOCK(test_lock);
static struct rw_semaphore test_rwsem = __RWSEM_INITIALIZER(test_rwsem);

static noinline void test_locks(const char *what)
{
	if (!strcmp(what, "lock-unowned")) {
		spin_unlock(&test_lock);	/* lock-unowned */
	} else if (!strcmp(what, "lock-recursive")) {
		spin_lock(&test_lock);
		spin_lock(&test_lock);	/* lock-recursive */
	} else if (!strcmp(what, "lock-sleep")) {
		spin_lock(&test_lock);
		msleep(10);	/* lock-sleep */
		spin_unlock(&test_lock);
	} else if (!strcmp(what, "rwsem-recursive")) {
		down_write(&test_rwsem);
		down_write(&test_rwsem);	/* rwsem-recursive */
	}
}

void debug_selftest(void)
{
	char what[32];

	if (cmdline_find_option(boot_command_line, "debug_selftest", what,
				sizeof(what)) <= 0)
		return;
	printk("debug_selftest=%s: committing the fault on purpose\n", what);
	if (!strncmp(what, "ubsan-", 6))
		test_ubsan(what);
	else if (!strncmp(what, "slab-", 5))
		test_slab(what);
	else if (!strcmp(what, "page-poison"))
		test_page_poison();
	else if (!strncmp(what, "lock-", 5) || !strncmp(what, "rwsem-", 6))
		test_locks(what);
	else if (!strcmp(what, "bug"))
		BUG_ON(one);	/* bug */
	else if (!strcmp(what, "warn"))
		WARN_ON(one);	/* warn */
	printk("debug_selftest=%s: no report (an unknown test, or a checker "
	       "that missed it)\n", what);
}
