/* Thread-local storage on i386: each task's three GDT TLS slots
 * (arch/x86/kernel/tls.c), which glibc reaches through %gs. */
#ifndef _ASM_X86_TLS_H
#define _ASM_X86_TLS_H

#include <asm/desc.h>
#include <asm/ldt.h>
#include <asm/processor.h>

struct task_struct;

/* Put a task's TLS descriptors into the GDT: switch_to does it for the
 * next task, set_thread_area for the running one. A segment register
 * reads its descriptor when it is loaded, so %gs picks up the change when
 * the way back to user mode pops it. */
static inline void load_TLS(const struct thread_struct *t)
{
	unsigned int i;

	for (i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt_page.gdt[GDT_ENTRY_TLS_MIN + i] = t->tls_array[i];
}

int do_set_thread_area(struct task_struct *p, int idx,
		       struct user_desc __user *u_info, int can_allocate);

#endif
