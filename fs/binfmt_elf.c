/*
 * Loading a static ELF executable (ET_EXEC, or static-pie ET_DYN) into a
 * new address space: check every header field and program header before
 * touching anything, map each PT_LOAD segment from the file's page cache
 * (copy-on-write for the data; the rest of memsz is zero-fill), and build
 * Linux's initial stack:
 * argc, argv[], NULL, envp[], NULL, the auxiliary vector, and the strings.
 * Dynamic executables (PT_INTERP) are refused: there is no ld.so here.
 */
#include <asm/elf.h>
#include <linux/syscalls.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define ELF_PAGESTART(v) ((v) & PAGE_MASK)
#define ELF_PAGEALIGN(v) ALIGN((unsigned long)(v), PAGE_SIZE)
#define STACK_INIT_SIZE (128UL * 1024)

static const elf_phdr *phdrs(const struct linux_binprm *bprm)
{
	return (const elf_phdr *)bprm->phdrs;
}

/* Read the program headers (check_header has bounded them) from the file. */
static int read_phdrs(struct linux_binprm *bprm)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	size_t size = eh->e_phnum * sizeof(elf_phdr);
	loff_t pos = eh->e_phoff;

	bprm->phdrs = kmalloc(size, GFP_KERNEL);
	if (!bprm->phdrs)
		return -ENOMEM;
	if (kernel_read(bprm->file, bprm->phdrs, size, &pos) != (ssize_t)size)
		return -EIO;
	return 0;
}

/* Is this a static ELF executable for this machine? 0 or -ENOEXEC. */
static int check_header(const struct linux_binprm *bprm)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	unsigned long phsize;

	if (bprm->size < (loff_t)sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4))
		return -ENOEXEC;
	if (eh->e_ident[EI_CLASS] != ELF_CLASS ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_ident[EI_VERSION] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return -ENOEXEC;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return -ENOEXEC;
	if (eh->e_machine != ELF_ARCH)
		return -ENOEXEC;
	if (eh->e_phentsize != sizeof(elf_phdr) || eh->e_phnum < 1 ||
	    eh->e_phnum > 65536 / sizeof(elf_phdr))
		return -ENOEXEC;
	phsize = eh->e_phnum * sizeof(elf_phdr);
	if ((loff_t)eh->e_phoff > bprm->size ||
	    bprm->size - (loff_t)eh->e_phoff < (loff_t)phsize ||
	    (eh->e_phoff % sizeof(unsigned long)))
		return -ENOEXEC;
	return 0;
}

/* Check the segments: inside the file, inside user space, no overlaps. */
static int check_segments(const struct linux_binprm *bprm,
			  unsigned long load_bias)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	const elf_phdr *ph = phdrs(bprm);
	int i, j, nload = 0;

	for (i = 0; i < eh->e_phnum; i++) {
		unsigned long start = ph[i].p_vaddr + load_bias;

		if (ph[i].p_type == PT_INTERP) {
			printk("exec: %s is dynamically linked; Clonix runs "
			       "static programs only (gcc -static)\n",
			       bprm->filename);
			return -ENOEXEC;
		}
		if (ph[i].p_type != PT_LOAD)
			continue;
		nload++;
		if (ph[i].p_filesz > ph[i].p_memsz ||
		    (loff_t)ph[i].p_offset > bprm->size ||
		    bprm->size - (loff_t)ph[i].p_offset <
			    (loff_t)ph[i].p_filesz)
			return -EINVAL;	/* past the end of the file */
		if (ph[i].p_memsz > TASK_SIZE || start >= TASK_SIZE ||
		    TASK_SIZE - ph[i].p_memsz < start || start < PAGE_SIZE)
			return -EINVAL;	/* reaches kernel memory, or page 0 */
		if ((ph[i].p_vaddr - ph[i].p_offset) % PAGE_SIZE)
			return -EINVAL;	/* file and memory disagree in a page */
		for (j = 0; j < i; j++) {
			if (ph[j].p_type != PT_LOAD)
				continue;
			if (ph[i].p_vaddr < ph[j].p_vaddr + ph[j].p_memsz &&
			    ph[j].p_vaddr < ph[i].p_vaddr + ph[i].p_memsz)
				return -EINVAL;	/* segments overlap */
		}
	}
	if (!nload)
		return -ENOEXEC;
	if (eh->e_entry + load_bias >= TASK_SIZE)
		return -EINVAL;
	return 0;
}

static unsigned long vm_flags_of(const elf_phdr *ph)
{
	return (ph->p_flags & PF_R ? VM_READ : 0) |
	       (ph->p_flags & PF_W ? VM_WRITE : 0) |
	       (ph->p_flags & PF_X ? VM_EXEC : 0);
}

/*
 * Map one PT_LOAD segment at [start, end) of the new address space: its
 * file part as a private mapping of the program file, so text and
 * read-only data are the page cache's own pages — shared by every process
 * running the program, nothing copied — and the data segment's pages are
 * copied only where written (do_wp_page); the rest of memsz (the bss) as
 * anonymous memory, zeroed on first touch. The bss's start within the
 * file part's last page is zeroed now, as Linux's padzero does, so the
 * file's next bytes do not show there. Two segments may share a page at
 * their edge: the later one's mapping wins, as with Linux's MAP_FIXED.
 */
static int map_segment(struct linux_binprm *bprm, const elf_phdr *ph,
		       unsigned long load_bias)
{
	unsigned long vaddr = ph->p_vaddr + load_bias;
	unsigned long start = ELF_PAGESTART(vaddr);
	unsigned long end = ELF_PAGEALIGN(vaddr + ph->p_memsz);
	unsigned long file_end = ph->p_filesz ?
				 ELF_PAGEALIGN(vaddr + ph->p_filesz) : start;
	unsigned long bss = vaddr + ph->p_filesz;
	struct mm_struct *mm = bprm->mm;
	struct vm_area_struct *vma;
	int err = do_munmap(mm, start, end - start);

	if (err)
		return err;
	if (file_end > start) {
		vma = insert_vma(mm, start, file_end, vm_flags_of(ph));
		if (!vma)
			return -ENOMEM;
		vma->vm_file = get_file(bprm->file);
		vma->vm_pgoff = ELF_PAGESTART(ph->p_offset) >> PAGE_SHIFT;
		vma_link_file(vma);
	}
	if (end > file_end && !insert_vma(mm, file_end, end, vm_flags_of(ph)))
		return -ENOMEM;
	if (ph->p_memsz > ph->p_filesz && bss < file_end)
		return clear_mm(mm, bss, file_end - bss);
	return 0;
}

/* Map every PT_LOAD segment of the program into bprm->mm. */
static int map_segments(struct linux_binprm *bprm, unsigned long load_bias)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	const elf_phdr *ph = phdrs(bprm);
	struct mm_struct *mm = bprm->mm;
	unsigned long brk = 0;
	int i, err;

	/* Where code and data are, as Linux's load_elf_binary records
	 * them (/proc/<pid>/stat shows them). */
	mm->start_code = ~0UL;
	mm->end_code = mm->start_data = mm->end_data = 0;
	for (i = 0; i < eh->e_phnum; i++) {
		unsigned long end, k;

		if (ph[i].p_type != PT_LOAD)
			continue;
		k = ph[i].p_vaddr + load_bias;
		if (k < mm->start_code)
			mm->start_code = k;
		if (k > mm->start_data)
			mm->start_data = k;
		k += ph[i].p_filesz;
		if ((ph[i].p_flags & PF_X) && k > mm->end_code)
			mm->end_code = k;
		if (k > mm->end_data)
			mm->end_data = k;
		err = map_segment(bprm, &ph[i], load_bias);
		if (err)
			return err;
		end = ELF_PAGEALIGN(ph[i].p_vaddr + load_bias + ph[i].p_memsz);
		if (end > brk)
			brk = end;
		if (ph[i].p_offset <= eh->e_phoff &&
		    eh->e_phoff < ph[i].p_offset + ph[i].p_filesz)
			bprm->phdr_addr = ph[i].p_vaddr + load_bias +
					  (eh->e_phoff - ph[i].p_offset);
	}
	bprm->start_brk = brk;
	bprm->entry = eh->e_entry + load_bias;
	return 0;
}

/* Push len bytes below *sp in the new address space. */
static int push(struct linux_binprm *bprm, unsigned long *sp,
		const void *data, size_t len)
{
	*sp -= len;
	return copy_to_mm(bprm->mm, *sp, data, len);
}

/*
 * The initial stack, top down: the program's file name, the argument and
 * environment strings, 16 random bytes (AT_RANDOM), then — 16-byte aligned —
 * argc, the argv and envp pointer arrays, and the auxiliary vector.
 */
static int create_elf_tables(struct linux_binprm *bprm)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	unsigned long sp = STACK_TOP, execfn, strings, random, *table, *t;
	unsigned long nitems, i;
	u64 rnd[2] = { 0x5eed1234abcdULL ^ bprm->size,
		       0x9e3779b97f4a7c15ULL * (bprm->strings_len + 1) };
	const char *s;
	int err;

	err = push(bprm, &sp, bprm->filename, strlen(bprm->filename) + 1);
	execfn = sp;
	if (!err)
		err = push(bprm, &sp, bprm->strings, bprm->strings_len);
	strings = sp;
	/* The argument strings, then the environment's: what
	 * /proc/<pid>/cmdline (and environ) read back. */
	bprm->mm->arg_start = strings;
	for (i = 0, s = bprm->strings; i < (unsigned long)bprm->argc; i++)
		s += strlen(s) + 1;
	bprm->mm->arg_end = bprm->mm->env_start = strings + (s - bprm->strings);
	bprm->mm->env_end = strings + bprm->strings_len;
	if (!err)
		err = push(bprm, &sp, rnd, sizeof(rnd));
	random = sp;
	if (err)
		return err;

	nitems = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 18;	/* +1 arch */
	table = kmalloc(nitems * sizeof(long), GFP_KERNEL);
	if (!table)
		return -ENOMEM;
	t = table;
	*t++ = bprm->argc;
	for (i = 0, s = bprm->strings; i < (unsigned long)bprm->argc +
	     bprm->envc + 1; i++) {
		if (i == (unsigned long)bprm->argc) {
			*t++ = 0;	/* end of argv */
			continue;
		}
		*t++ = strings + (s - bprm->strings);
		s += strlen(s) + 1;
	}
	*t++ = 0;	/* end of envp */
#define AUX(id, val) do { *t++ = (id); *t++ = (val); } while (0)
	AUX(AT_PHDR, bprm->phdr_addr);
	AUX(AT_PHENT, sizeof(elf_phdr));
	AUX(AT_PHNUM, eh->e_phnum);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->entry);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_HWCAP, ELF_HWCAP);
	AUX(AT_CLKTCK, 100);
	AUX(AT_RANDOM, random);
	AUX(AT_EXECFN, execfn);
#ifdef ARCH_DLINFO
	ARCH_DLINFO(AUX, bprm->mm);	/* RISC-V: AT_SYSINFO_EHDR */
#endif
	AUX(AT_NULL, 0);
#undef AUX
	sp = ALIGN_DOWN(sp - (t - table) * sizeof(long), 16);
	err = copy_to_mm(bprm->mm, sp, table, (t - table) * sizeof(long));
	kfree(table);
	bprm->sp = sp;
	return err;
}

int load_elf_binary(struct linux_binprm *bprm)
{
	const elfhdr *eh = (const elfhdr *)bprm->buf;
	unsigned long load_bias = 0;
	int err = check_header(bprm);

	if (!err)
		err = read_phdrs(bprm);
	if (err)
		return err;
	if (eh->e_type == ET_DYN) {
		const elf_phdr *ph = phdrs(bprm);
		unsigned long lowest = TASK_SIZE;
		int i;

		for (i = 0; i < eh->e_phnum; i++)
			if (ph[i].p_type == PT_LOAD && ph[i].p_vaddr < lowest)
				lowest = ph[i].p_vaddr;
		load_bias = ELF_ET_DYN_BASE - ELF_PAGESTART(lowest);
	}
	err = check_segments(bprm, load_bias);
	if (!err)
		err = map_segments(bprm, load_bias);
	if (!err && !insert_vma(bprm->mm, STACK_TOP - STACK_INIT_SIZE,
				STACK_TOP, VM_READ | VM_WRITE | VM_GROWSDOWN))
		err = -ENOMEM;
#ifdef ARCH_HAS_SETUP_ADDITIONAL_PAGES
	if (!err)
		err = arch_setup_additional_pages(bprm);	/* the vDSO */
#endif
	if (!err)
		err = create_elf_tables(bprm);
	return err;
}
