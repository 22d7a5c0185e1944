/*
 * Boot-time self-tests (kernel command line: clonix.selftest). They check,
 * inside the running kernel, what only the kernel can see: that kernel
 * threads created through kthreadd run interleaved and sleep on timers,
 * that exhausting memory gives clean failures (NULL, -ENOMEM) and that
 * everything comes back afterwards, to the page; that many kthreads asked
 * for at once, by creators that reuse their stack at once, each get their
 * own function and data (kernel/kthread.c). Each check prints
 * "selftest: <name>: ok" or "... FAILED: why"; the summary line is what the
 * QEMU tests look for.
 */
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/wait.h>

static int passed, failed;

static void check(bool ok, const char *name, const char *why)
{
	if (ok) {
		passed++;
		printk("selftest: %s: ok\n", name);
	} else {
		failed++;
		printk("selftest: %s: FAILED: %s\n", name, why);
	}
}

#define WORKERS 3
#define ROUNDS 3

static struct completion workers_done;
static int turns[WORKERS * ROUNDS];
static int nturns;

static int worker(void *arg)
{
	long id = (long)arg;
	int round;

	for (round = 0; round < ROUNDS; round++) {
		printk("selftest: worker %ld (pid %d, parent %d) round %d at "
		       "jiffies %llu\n", id, current->pid,
		       current->real_parent->pid, round,
		       (unsigned long long)jiffies);
		turns[nturns++] = id;
		msleep(30);
	}
	complete(&workers_done);
	return 0;
}

/* Three kthreads that sleep between rounds must take turns. */
static void test_kthreads_interleave(void)
{
	unsigned long before = nr_free_pages();
	int i, switches = 0;
	u64 start = jiffies;

	nturns = 0;
	init_completion(&workers_done);
	for (i = 0; i < WORKERS; i++)
		if (kthread_run(worker, (void *)(long)i, "selftest-worker") < 0)
			check(false, "kthread_run", "could not start a worker");
	for (i = 0; i < WORKERS; i++)
		wait_for_completion(&workers_done);
	msleep(20);	/* let the workers exit and be reaped */
	for (i = 1; i < nturns; i++)
		switches += turns[i] != turns[i - 1];
	check(nturns == WORKERS * ROUNDS && switches >= WORKERS,
	      "kthreads take turns", "workers did not interleave");
	check(jiffies - start >= (ROUNDS * 30) / (1000 / HZ),
	      "timer sleeps last", "msleep returned too early");
	check(nr_free_pages() == before, "kthread exit frees everything",
	      "free pages differ after the workers exited");
}

/*
 * kthread_run from several creators at once, each scribbling over its
 * stack right after each call: every new thread must still run with its
 * own data, and the pid kthread_run returns must be the thread's. The
 * request lives on the heap and the new thread completes it after reading
 * it (kernel/kthread.c); a request on the creator's stack, completed by
 * kthreadd, passes this only while the new thread always runs before its
 * creator wakes, as it happens to on one CPU today.
 */
#define CREATORS 4
#define CHILDREN 25
#define COOKIE 0x6b746872UL	/* "kthr" */

static pid_t child_pid[CREATORS * CHILDREN];	/* as the child saw it */
static pid_t returned_pid[CREATORS * CHILDREN];	/* as kthread_run said */
static int children_ok;
static struct completion children_done, creators_done;

static int kthread_child(void *arg)
{
	unsigned long v = (unsigned long)arg;
	unsigned long i = v >> 16;

	if ((v & 0xffff) == (COOKIE & 0xffff) && i < CREATORS * CHILDREN) {
		child_pid[i] = current->pid;
		children_ok++;
	}
	complete(&children_done);
	return 0;
}

/* Overwrite the stack below the caller: where a request on the
 * creator's stack would have been. */
static noinline void scribble_stack(void)
{
	volatile unsigned char junk[512];
	unsigned int i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = 0xa5;
}

static int kthread_creator(void *arg)
{
	long c = (long)arg;
	int i;

	for (i = 0; i < CHILDREN; i++) {
		unsigned long n = c * CHILDREN + i;

		returned_pid[n] = kthread_run(kthread_child,
					      (void *)(n << 16 |
						       (COOKIE & 0xffff)),
					      "selftest-kchild");
		scribble_stack();
	}
	complete(&creators_done);
	return 0;
}

static void test_kthread_requests(void)
{
	unsigned long before = nr_free_pages();
	int i, started = 0, pids_match = 0;

	children_ok = 0;
	init_completion(&children_done);
	init_completion(&creators_done);
	for (i = 0; i < CREATORS; i++)
		started += kthread_run(kthread_creator, (void *)(long)i,
				       "selftest-kcreat") > 0;
	for (i = 0; i < started; i++)
		wait_for_completion(&creators_done);
	for (i = 0; i < started * CHILDREN; i++)
		if (returned_pid[i] > 0)
			wait_for_completion(&children_done);
	msleep(20);	/* let them exit and be reaped */
	for (i = 0; i < CREATORS * CHILDREN; i++)
		pids_match += returned_pid[i] > 0 &&
			      returned_pid[i] == child_pid[i];
	check(started == CREATORS && children_ok == CREATORS * CHILDREN,
	      "kthread_run: each thread gets its own fn and data",
	      "a kthread ran with a clobbered request");
	check(pids_match == CREATORS * CHILDREN,
	      "kthread_run returns the new thread's pid",
	      "a returned pid is not the thread's");
	check(nr_free_pages() == before, "kthread requests are freed",
	      "free pages differ after the kthreads exited");
}

/* Take every free page, then give them all back. */
static void test_page_exhaustion(void)
{
	unsigned long before = nr_free_pages(), got = 0;
	void **chain = NULL;
	pid_t pid;
	void *obj;

	for (;;) {
		void **page = (void **)__get_free_page(GFP_KERNEL);

		if (!page)
			break;
		*page = chain;
		chain = page;
		got++;
	}
	check(got == before && nr_free_pages() == 0,
	      "alloc_pages until NULL", "did not get every free page");
	obj = kmalloc(64, GFP_KERNEL);
	check(!obj, "kmalloc fails when memory is gone", "kmalloc succeeded");
	pid = kernel_thread(worker, NULL, "never", 0);
	check(pid == -ENOMEM, "kernel_clone gives -ENOMEM",
	      "fork did not fail with -ENOMEM");
	while (chain) {
		void **next = *chain;

		free_page((unsigned long)chain);
		chain = next;
	}
	check(nr_free_pages() == before, "all pages come back",
	      "free page count differs");
	obj = kmalloc(64, GFP_KERNEL);
	check(obj != NULL, "kmalloc works again", "kmalloc still fails");
	kfree(obj);
}

/* Many objects from one cache, freed: the cache's slabs go back too. */
static void test_slab_returns_pages(void)
{
	struct kmem_cache *c = kmem_cache_create("selftest", 200, 8);
	unsigned long before;
	void *objs[300];
	int i;

	if (!c) {
		check(false, "kmem_cache_create", "out of memory");
		return;
	}
	before = nr_free_pages();
	for (i = 0; i < 300; i++)
		objs[i] = kmem_cache_alloc(c, GFP_KERNEL);
	for (i = 0; i < 300; i++)
		kmem_cache_free(c, objs[i]);
	check(nr_free_pages() == before && c->nr_slabs == 0,
	      "empty slabs are freed", "slab pages were kept");
}

/* alloc_pid wraps at pid_max back to 300 and skips pids still in use. */
static void test_pid_wrap(void)
{
	pid_t held, pid, prev, wrapped_to = 0;
	bool skipped = false;
	int i;

	do {	/* move past the reserved range, then hold one pid */
		pid = alloc_pid();
		free_pid(pid);
	} while (pid > 0 && pid < 400);
	held = alloc_pid();
	prev = held;
	for (i = 0; i < 40000 && pid > 0; i++) {
		pid = alloc_pid();
		free_pid(pid);
		if (pid < prev && !wrapped_to)
			wrapped_to = pid;
		if (pid == held)
			break;	/* handed out twice: wrong */
		if (wrapped_to && prev == held - 1) {
			skipped = pid == held + 1;
			break;
		}
		prev = pid;
	}
	free_pid(held);
	check(wrapped_to == 300, "alloc_pid wraps at pid_max to 300",
	      "no wrap to 300");
	check(skipped, "alloc_pid skips a pid in use", "did not skip it");
}

/* Above 32768 (RISC-V's pid_max may go to 4M): the first pid past the
 * static bitmap page gets a page of its own, and is handed out and freed
 * like any other. The page stays, as Linux's pidmap pages did. */
static void test_pid_max_above_default(void)
{
	int old_max = pid_max, old_last = last_pid;
	pid_t a, b;

	if (PID_MAX_LIMIT <= PID_MAX_DEFAULT)
		return;		/* i386: 32768 is the limit */
	pid_max = PID_MAX_DEFAULT + 100;
	last_pid = PID_MAX_DEFAULT - 2;
	a = alloc_pid();
	b = alloc_pid();
	free_pid(a);
	free_pid(b);
	pid_max = old_max;
	last_pid = old_last;
	check(a == PID_MAX_DEFAULT - 1 && b == PID_MAX_DEFAULT,
	      "alloc_pid goes past 32768 when pid_max allows",
	      "a pid above the first bitmap page was not handed out");
}

void boot_selftests(void)
{
	test_pid_wrap();
	test_pid_max_above_default();
	test_kthreads_interleave();
	test_kthread_requests();
	test_page_exhaustion();
	test_slab_returns_pages();
	printk("selftest: %d passed, %d failed\n", passed, failed);
}
