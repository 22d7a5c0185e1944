/*
 * The vDSO: a small ELF shared object (arch/riscv/kernel/vdso/) the
 * kernel maps into every program at execve, as Linux's
 * arch/riscv/kernel/vdso.c does. It holds the rt_sigreturn trampoline
 * signal handlers return through (VDSO_SYMBOL(mm->context.vdso,
 * rt_sigreturn)); the program learns where it is from the aux vector
 * (AT_SYSINFO_EHDR), and /proc/<pid>/maps names it [vdso].
 *
 * Its pages are allocated once at boot and shared by every process. They
 * are marked as not a process's own (page->mapping, like a file's cached
 * page), so fork shares them rather than copying, mprotect never makes
 * them writable, and a write (after mprotect) gets a private copy.
 */
#include <asm/vdso.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct page **vdso_pages;
static unsigned long vdso_pages_nr;
/* The owner vDSO pages name in page->mapping: no process owns them. */
static struct address_space vdso_mapping;

/* Boot: copy the image into pages that user mappings may reference
 * (the kernel image's own pages are reserved). */
void vdso_init(void)
{
	unsigned long i, len = vdso_end - vdso_start;

	if (memcmp(vdso_start, "\177ELF", 4))
		panic("vdso: the embedded image is not an ELF file");
	vdso_pages_nr = DIV_ROUND_UP(len, PAGE_SIZE);
	vdso_pages = kmalloc(vdso_pages_nr * sizeof(*vdso_pages), GFP_KERNEL);
	if (!vdso_pages)
		panic("vdso: no memory");
	for (i = 0; i < vdso_pages_nr; i++) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

		if (!page)
			panic("vdso: no memory");
		memcpy(page_address(page), vdso_start + i * PAGE_SIZE,
		       len - i * PAGE_SIZE < PAGE_SIZE ? len - i * PAGE_SIZE :
							 PAGE_SIZE);
		page->mapping = &vdso_mapping;	/* shared, copy on write */
		vdso_pages[i] = page;	/* this reference is never dropped */
	}
	printk("vdso: %lu page(s), rt_sigreturn at +%#lx\n", vdso_pages_nr,
	       (unsigned long)VDSO_SYMBOL(0, rt_sigreturn));
}

/*
 * execve (load_elf_binary): map the vDSO into the new address space,
 * read and execute, at the first free place above TASK_UNMAPPED_BASE, and
 * remember where (mm->context.vdso) for the aux vector and for signal
 * frames. The new mm is not yet any task's, so nothing else touches it.
 */
int arch_setup_additional_pages(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long len = vdso_pages_nr << PAGE_SHIFT, base, i;
	unsigned long flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE |
			      VM_MAYEXEC;

	if (!vdso_pages_nr)
		return 0;
	mmap_write_lock(mm);
	base = get_unmapped_area(mm, len);
	if (IS_ERR_VALUE(base) || !insert_vma(mm, base, base + len, flags)) {
		mmap_write_unlock(mm);
		return IS_ERR_VALUE(base) ? (long)base : -ENOMEM;
	}
	for (i = 0; i < vdso_pages_nr; i++) {
		pte_t *pte = walk_page_table(mm, base + i * PAGE_SIZE);

		if (!pte) {
			mmap_write_unlock(mm);
			return -ENOMEM;	/* exec_mmap never runs: mm goes */
		}
		get_page(vdso_pages[i]);
		*pte = mk_user_pte(page_to_pfn(vdso_pages[i]), flags);
		mm->total_vm++;
	}
	mm->context.vdso = (void *)base;
	mmap_write_unlock(mm);
	return 0;
}
