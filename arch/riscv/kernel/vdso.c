/*
 * The vDSO: a small ELF shared object (arch/riscv/kernel/vdso/) the
 * kernel maps into every program at execve, as Linux's
 * arch/riscv/kernel/vdso.c does. It holds the rt_sigreturn trampoline
 * signal handlers return through (VDSO_SYMBOL(mm->context.vdso,
 * rt_sigreturn)), and clock_gettime, gettimeofday and clock_getres, which
 * read the time counter and the vvar page mapped just below it (struct
 * vdso_data: the counter's rate). The program learns where the vDSO is
 * from the aux vector (AT_SYSINFO_EHDR); /proc/<pid>/maps names the two
 * mappings [vvar] and [vdso].
 *
 * The pages are allocated once at boot and shared by every process. They
 * are marked as not a process's own (page->mapping, like a file's cached
 * page), so fork shares them rather than copying, mprotect never makes
 * them writable, and a write (after mprotect) gets a private copy.
 */
#include <asm/timex.h>
#include <asm/vdso.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <vdso/datapage.h>

static struct page *vvar_page;	/* struct vdso_data */
static struct page **vdso_pages;
static unsigned long vdso_pages_nr;
/* The owner vDSO pages name in page->mapping: no process owns them. */
static struct address_space vdso_mapping;

/* Boot, after time_init: the vvar page, and the image copied into pages
 * that user mappings may reference (the kernel image's are reserved).
 * These references are never dropped. */
void vdso_init(void)
{
	unsigned long i, len = vdso_end - vdso_start;
	struct vdso_data *vdata;

	if (memcmp(vdso_start, "\177ELF", 4))
		panic("vdso: the embedded image is not an ELF file");
	vvar_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!vvar_page)
		panic("vdso: no memory");
	vdata = page_address(vvar_page);
	vdata->timebase_hz = riscv_timebase;
	vvar_page->mapping = &vdso_mapping;	/* shared, copy on write */

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
		page->mapping = &vdso_mapping;
		vdso_pages[i] = page;
	}
	printk("vdso: %lu page(s) and the vvar page, rt_sigreturn at +%#lx\n",
	       vdso_pages_nr, (unsigned long)VDSO_SYMBOL(0, rt_sigreturn));
}

/* Map page at addr in mm with flags, one more reference to it. */
static int map_vdso_page(struct mm_struct *mm, unsigned long addr,
			 struct page *page, unsigned long flags)
{
	pte_t *pte = walk_page_table(mm, addr);

	if (!pte)
		return -ENOMEM;	/* exec fails; its mm goes */
	get_page(page);
	set_pte_at(mm, addr, pte, mk_user_pte(page_to_pfn(page), flags));
	return 0;
}

/*
 * execve (load_elf_binary): map the vvar page (read only) and the vDSO
 * (read and execute) right above it into the new address space, at the
 * first free place above TASK_UNMAPPED_BASE, and remember where the vDSO
 * is (mm->context.vdso) for the aux vector and for signal frames. The new
 * mm is not yet any task's, so nothing else touches it.
 */
int arch_setup_additional_pages(struct linux_binprm *bprm)
{
	struct mm_struct *mm = bprm->mm;
	unsigned long len = vdso_pages_nr << PAGE_SHIFT, base, i;
	unsigned long vvar_flags = VM_READ | VM_MAYREAD;
	unsigned long flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE |
			      VM_MAYEXEC;
	int err = 0;

	if (!vdso_pages_nr)
		return 0;
	mmap_write_lock(mm);
	base = get_unmapped_area(mm, PAGE_SIZE + len);
	if (IS_ERR_VALUE(base)) {
		err = (long)base;
		goto out;
	}
	if (!insert_vma(mm, base, base + PAGE_SIZE, vvar_flags) ||
	    !insert_vma(mm, base + PAGE_SIZE, base + PAGE_SIZE + len, flags)) {
		err = -ENOMEM;
		goto out;
	}
	err = map_vdso_page(mm, base, vvar_page, vvar_flags);
	base += PAGE_SIZE;
	for (i = 0; !err && i < vdso_pages_nr; i++)
		err = map_vdso_page(mm, base + i * PAGE_SIZE, vdso_pages[i],
				    flags);
	if (!err)
		mm->context.vdso = (void *)base;
out:
	mmap_write_unlock(mm);
	return err;
}
