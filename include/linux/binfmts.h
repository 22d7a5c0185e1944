/* struct linux_binprm: everything exec gathers about the program it is
 * about to start, passed from fs/exec.c to the ELF loader. */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

#define ARG_MAX (128 * 1024)	/* bytes of argument and environment strings */
#define MAX_ARG_STRINGS 4096
#define BINPRM_BUF_SIZE 256	/* the file's first bytes: its headers */

struct file;
struct files_struct;
struct inode;
struct mm_struct;

struct linux_binprm {
	const char *filename;	/* as given to execve */
	struct inode *inode;	/* the executable */
	struct file *file;	/* open on it, for kernel_read */
	loff_t size;
	u8 buf[BINPRM_BUF_SIZE];	/* its first bytes (the ELF header) */
	void *phdrs;		/* its program headers, read by the loader */
	char *strings;		/* argv then envp strings, NUL-separated */
	size_t strings_len;
	int argc, envc;
	struct mm_struct *mm;	/* the new address space being built */
	struct files_struct *files;	/* our own copy of a shared fd table */
	unsigned long entry;	/* where the program starts */
	unsigned long phdr_addr;	/* program headers in user memory */
	unsigned long start_brk;	/* end of the loaded image */
	unsigned long sp;	/* initial stack pointer */
};

int load_elf_binary(struct linux_binprm *bprm);
int clear_mm(struct mm_struct *mm, unsigned long uaddr, size_t len);
int copy_to_mm(struct mm_struct *mm, unsigned long uaddr, const void *src,
	       size_t len);

#endif
