/*
 * The CPU's descriptor tables and per-CPU state: the GDT (flat kernel and
 * user segments, three TLS slots for set_thread_area, the TSS), the TSS
 * itself, and current_task. One CPU today; with SMP each of these becomes
 * per-CPU, as in Linux.
 */
#include <asm/desc.h>
#include <asm/elf.h>
#include <asm/i387.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <linux/init.h>
#include <linux/sched.h>

/* head_32.S loads this GDT before it turns paging on. */
struct gdt_page gdt_page __section(".data..page_aligned") = { .gdt = {
	[GDT_ENTRY_KERNEL_CS] = GDT_ENTRY_INIT(DESC_KERNEL_CODE, 0, 0xfffff),
	[GDT_ENTRY_KERNEL_DS] = GDT_ENTRY_INIT(DESC_KERNEL_DATA, 0, 0xfffff),
	[GDT_ENTRY_DEFAULT_USER_CS] = GDT_ENTRY_INIT(DESC_USER_CODE, 0, 0xfffff),
	[GDT_ENTRY_DEFAULT_USER_DS] = GDT_ENTRY_INIT(DESC_USER_DATA, 0, 0xfffff),
	/* GDT_ENTRY_TLS_MIN..MAX: empty until set_thread_area fills them. */
	/* GDT_ENTRY_TSS: set by cpu_init (its base is only known at run time). */
} };

struct tss_struct cpu_tss;
struct task_struct *current_task = &init_task;
u32 elf_hwcap;		/* CPUID.1:EDX, for AT_HWCAP */

static u32 cpuid_edx(u32 leaf)
{
	u32 eax = leaf, ebx, ecx = 0, edx;

	__asm__ __volatile__("cpuid"
			     : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx));
	return edx;
}

static void set_tss_desc(unsigned int entry, const struct tss_struct *tss)
{
	unsigned long base = (unsigned long)tss;
	struct desc_struct d = GDT_ENTRY_INIT(DESC_TSS, base,
					      sizeof(*tss) - 1);

	gdt_page.gdt[entry] = d;
}

/*
 * Load the TSS: from now on an interrupt or int $0x80 from user mode
 * switches to the stack at cpu_tss.sp0 (ss0 = __KERNEL_DS). __switch_to
 * keeps sp0 at the top of the running task's stack.
 */
void __init cpu_init(void)
{
	elf_hwcap = cpuid_edx(1);
	init_task.thread.sp0 = (unsigned long)&init_thread_union + THREAD_SIZE;
	cpu_tss.x86_tss.ss0 = __KERNEL_DS;
	cpu_tss.x86_tss.sp0 = init_task.thread.sp0;
	cpu_tss.x86_tss.io_bitmap_base = sizeof(cpu_tss.x86_tss);
	set_tss_desc(GDT_ENTRY_TSS, &cpu_tss);
	load_tr(GDT_ENTRY_TSS_SEL);
	load_ldt(0);
	fpu_init();
}
