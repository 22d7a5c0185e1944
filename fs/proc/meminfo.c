/*
 * /proc/meminfo in Linux's format ("Name:" padded to 16 columns, the
 * value in kB in 8), the lines free(1) and top read. Every figure is a
 * real count: free pages from the buddy allocator, Cached is the page
 * cache (the RAM file system's data, which cannot be dropped, so
 * MemAvailable is MemFree), Slab the pages all slab caches hold (none can
 * be reclaimed: SReclaimable 0), kernel stacks one per task; there is no
 * swap and no block device (Buffers 0).
 */
#include <asm/thread_info.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include "internal.h"

static void show_val_kb(struct seq_file *m, const char *name,
			unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", name, pages << (PAGE_SHIFT - 10));
}

int meminfo_proc_show(struct seq_file *m)
{
	unsigned long free = nr_free_pages();
	unsigned long slab = slab_pages();

	show_val_kb(m, "MemTotal:", totalram_pages);
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", READ_ONCE(nr_file_pages));
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Slab:", slab);
	show_val_kb(m, "SReclaimable:", 0);
	show_val_kb(m, "SUnreclaim:", slab);
	seq_printf(m, "%-16s%8lu kB\n", "KernelStack:",
		   (unsigned long)(nr_threads + 1) * (THREAD_SIZE >> 10));
	return 0;
}
