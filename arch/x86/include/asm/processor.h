/* struct thread_struct: what a task keeps of the CPU while it is not
 * running (Linux 3.18's i386 fields: tls_array, sp0, sp, ip, fpu), and the
 * TSS, which tells the CPU which kernel stack to use when an interrupt or
 * int $0x80 arrives from user mode. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <asm/page.h>
#include <asm/processor-flags.h>
#include <asm/special_insns.h>
#include <linux/const.h>

#ifndef __ASSEMBLY__

#include <asm/desc.h>
#include <asm/i387.h>
#include <linux/compiler.h>
#include <linux/types.h>

struct thread_struct {
	/* The task's GDT TLS slots (set_thread_area): switch_to copies them
	 * into the GDT, where the task's %gs selector finds them. */
	struct desc_struct tls_array[GDT_ENTRY_TLS_ENTRIES];
	unsigned long sp0;	/* top of the kernel stack: TSS.sp0 */
	unsigned long sp;	/* kernel esp when switched out */
	unsigned long ip;	/* where __switch_to resumes the task */
	/* The last fault in user mode, for a signal frame's sigcontext. */
	unsigned long cr2, trap_nr, error_code;
	/* A user task's x87/SSE registers while it is off the CPU. */
	struct i387_fxsave_struct fpu;
};

/* The hardware task-state segment. Clonix switches tasks in software, as
 * Linux does; the CPU only reads ss0:sp0 from it on entry from user mode. */
struct x86_hw_tss {
	u16 back_link, __blh;
	u32 sp0;
	u16 ss0, __ss0h;
	u32 sp1;
	u16 ss1, __ss1h;
	u32 sp2;
	u16 ss2, __ss2h;
	u32 __cr3;
	u32 ip;
	u32 flags;
	u32 ax, cx, dx, bx;
	u32 sp, bp, si, di;
	u16 es, __esh;
	u16 cs, __csh;
	u16 ss, __ssh;
	u16 ds, __dsh;
	u16 fs, __fsh;
	u16 gs, __gsh;
	u16 ldt, __ldth;
	u16 trace;
	u16 io_bitmap_base;	/* beyond the limit: no user port I/O */
} __packed;

struct tss_struct {
	struct x86_hw_tss x86_tss;
};

extern struct tss_struct cpu_tss;	/* one CPU; per-CPU with SMP */

/* User space: everything below the kernel's 3 GiB line. */
#define TASK_SIZE PAGE_OFFSET

static inline void cpu_relax(void)
{
	__asm__ __volatile__("rep; nop" ::: "memory");	/* pause */
}

void cpu_init(void);

/* /proc/cpuinfo's text, in this architecture's format. */
struct seq_file;
int show_cpuinfo(struct seq_file *m);

#endif /* __ASSEMBLY__ */
#endif
