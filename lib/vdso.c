/*
 * The portable half of the vDSO, one for both architectures: the image
 * (a small ELF shared object each architecture builds and embeds between
 * vdso_start and vdso_end) copied into pages at boot, and mapped with the
 * vvar page below it into every program at execve. The architecture's
 * vdso_init fills the vvar page's struct vdso_data (what its clock code
 * reads) and says whether there is a vDSO at all.
 *
 * The pages are allocated once and shared by every process. They are
 * marked as not a process's own (page->mapping, like a file's cached
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
#include <vdso/datapage.h>

static struct page *vvar_page;	/* struct vdso_data */
static struct page **vdso_pages;
static unsigned long vdso_pages_nr;	/* 0: no vDSO is mapped */
/* The owner vDSO pages name in page->mapping: no process owns them. */
static struct address_space vdso_mapping;

/* A shared page no process owns; boot has no way on without it. */
static struct page *vdso_page(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

	if (!page)
		panic("vdso: no memory");
	page->mapping = &vdso_mapping;	/* shared, copy on write */
	return page;
}

/* Boot, from the architecture's vdso_init: the vvar page, and the image
 * copied into pages user mappings may reference (the kernel image's are
 * reserved). These references are never dropped. Returns the vvar page's
 * struct vdso_data for the architecture to fill. */
struct vdso_data *vdso_setup_pages(void)
{
	unsigned long i, len = vdso_end - vdso_start;

	if (memcmp(vdso_start, "\177ELF", 4))
		panic("vdso: the embedded image is not an ELF file");
	vvar_page = vdso_page();
	vdso_pages_nr = DIV_ROUND_UP(len, PAGE_SIZE);
	vdso_pages = kmalloc(vdso_pages_nr * sizeof(*vdso_pages), GFP_KERNEL);
	if (!vdso_pages)
		panic("vdso: no memory");
	for (i = 0; i < vdso_pages_nr; i++) {
		vdso_pages[i] = vdso_page();
		memcpy(page_address(vdso_pages[i]), vdso_start + i * PAGE_SIZE,
		       min(len - i * PAGE_SIZE, PAGE_SIZE));
	}
	printk("vdso: %lu page(s) and the vvar page\n", vdso_pages_nr);
	return page_address(vvar_page);
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
