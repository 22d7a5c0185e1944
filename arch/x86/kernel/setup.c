/*
 * setup_arch(): learn the machine from the multiboot information the boot
 * loader left at ebx — the BIOS memory map, the initrd (the first module),
 * the command line — after bringing up what reports problems: the console
 * on COM1, the IDT, the TSS and the interrupt controllers. Then paging and
 * the page allocator. Everything it finds is printed, so the boot log
 * shows what the kernel was given.
 */
#include <asm/i8259.h>
#include <asm/io.h>
#include <asm/multiboot.h>
#include <asm/pgtable.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/vdso.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/serial_8250.h>
#include <linux/string.h>

extern char _text[], _end[];

struct boot_info boot_info;
unsigned long boot_multiboot_info;	/* ebx at startup_32 (physical) */

/* The first 64 KiB: the real-mode interrupt table, the BIOS data area
 * and what firmware may still use (Linux's default X86_RESERVE_LOW). */
#define LOW_RESERVED 0x10000

/* COM1's registers are in the PC's I/O port space. */
static u8 pio_in(struct uart_8250_port *up, int offset)
{
	return inb(up->iobase + offset);
}

static void pio_out(struct uart_8250_port *up, int offset, u8 value)
{
	outb(value, up->iobase + offset);
}

static struct uart_8250_port com1 = {
	.iobase = 0x3f8,
	.phys = 0x3f8,
	.irq = 4,
	.serial_in = pio_in,
	.serial_out = pio_out,
};

/* Multiboot data at physical pa, if head_32.S's early table maps it. */
static const void *__init boot_ptr(unsigned long pa, unsigned long size)
{
	if (!pa || pa + size < pa || pa + size > MAX_LINEAR_RAM)
		return NULL;
	return __va(pa);
}

static const char *__init e820_type_name(u32 type)
{
	static const char *const names[] = {
		[1] = "usable", [2] = "reserved", [3] = "ACPI data",
		[4] = "ACPI NVS", [5] = "unusable",
	};

	return type < ARRAY_SIZE(names) && names[type] ? names[type] :
							 "reserved";
}

/* Remember [start, end) as free RAM, in address order, page-aligned and
 * cut to what the linear map can hold. */
static void __init add_usable(u64 start, u64 end)
{
	unsigned int i;

	if (end > MAX_LINEAR_RAM) {
		pr_warn("multiboot: RAM above %lu MiB is not used (no highmem)\n",
			MAX_LINEAR_RAM >> 20);
		end = MAX_LINEAR_RAM;
	}
	start = ALIGN(start, PAGE_SIZE);
	end = ALIGN_DOWN(end, PAGE_SIZE);
	if (start >= end)
		return;
	if (boot_info.nr_usable == E820_MAX_USABLE) {
		pr_warn("multiboot: too many RAM ranges, %llx-%llx unused\n",
			(unsigned long long)start, (unsigned long long)end - 1);
		return;
	}
	for (i = boot_info.nr_usable; i > 0; i--) {
		if (boot_info.usable[i - 1].start < start)
			break;
		boot_info.usable[i] = boot_info.usable[i - 1];
	}
	boot_info.usable[i].start = start;
	boot_info.usable[i].end = end;
	boot_info.nr_usable++;
	boot_info.ram_end = max(boot_info.ram_end, (unsigned long)end);
}

/* The BIOS's memory map (e820), or failing that the two sizes every
 * multiboot loader gives: RAM below 640 KiB and from 1 MiB up. */
static void __init parse_memory(const struct multiboot_info *mbi)
{
	const struct multiboot_mmap_entry *e;
	unsigned long off;

	if (!(mbi->flags & MULTIBOOT_INFO_MEM_MAP)) {
		if (!(mbi->flags & MULTIBOOT_INFO_MEMORY))
			panic("multiboot: no memory information");
		printk("multiboot: mem_lower %u KiB, mem_upper %u KiB\n",
		       mbi->mem_lower, mbi->mem_upper);
		add_usable(0, (u64)mbi->mem_lower << 10);
		add_usable(0x100000, 0x100000 + ((u64)mbi->mem_upper << 10));
		return;
	}
	printk("multiboot: BIOS-provided physical RAM map:\n");
	for (off = 0; off + sizeof(*e) <= mbi->mmap_length;
	     off += e->size + sizeof(e->size)) {
		e = boot_ptr(mbi->mmap_addr + off, sizeof(*e));
		if (!e)
			panic("multiboot: memory map at %x is out of reach",
			      mbi->mmap_addr);
		printk("BIOS-e820: [mem 0x%016llx-0x%016llx] %s\n",
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->len - 1),
		       e820_type_name(e->type));
		if (e->type == MULTIBOOT_MEMORY_AVAILABLE)
			add_usable(e->addr, e->addr + e->len);
	}
}

/* Loaders (QEMU, GRUB) put the kernel's file name first, as a shell puts
 * argv[0]; the kernel command line is the rest. */
static void __init parse_cmdline(const struct multiboot_info *mbi)
{
	const char *s;

	if (!(mbi->flags & MULTIBOOT_INFO_CMDLINE))
		return;
	s = boot_ptr(mbi->cmdline, COMMAND_LINE_SIZE);
	if (!s)
		return;
	while (*s && *s != ' ')
		s++;
	while (*s == ' ')
		s++;
	if (strscpy(boot_command_line, s, sizeof(boot_command_line)) < 0)
		pr_warn("command line longer than %zu bytes: cut short\n",
			sizeof(boot_command_line) - 1);
}

/* The first module is the initrd (QEMU's -initrd, GRUB's `module`). */
static void __init parse_modules(const struct multiboot_info *mbi)
{
	const struct multiboot_mod_list *mod;

	if (!(mbi->flags & MULTIBOOT_INFO_MODS) || !mbi->mods_count)
		return;
	mod = boot_ptr(mbi->mods_addr, sizeof(*mod));
	if (!mod)
		return;
	if (mod->mod_end <= mod->mod_start ||
	    mod->mod_end > boot_info.ram_end) {
		pr_warn("initrd %x-%x lies outside RAM: ignored\n",
			mod->mod_start, mod->mod_end);
		return;
	}
	boot_info.initrd_start = mod->mod_start;
	boot_info.initrd_end = mod->mod_end;
}

static bool overlaps(unsigned long a, unsigned long a_end, unsigned long b,
		     unsigned long b_end)
{
	return a < b_end && b < a_end;
}

static bool __init usable_ram(unsigned long start, unsigned long end)
{
	unsigned int i;

	for (i = 0; i < boot_info.nr_usable; i++)
		if (start >= boot_info.usable[i].start &&
		    end <= boot_info.usable[i].end)
			return true;
	return false;
}

/* A page-aligned spot for size bytes of free RAM after the kernel or the
 * initrd that overlaps neither of them. */
static unsigned long __init find_boot_area(unsigned long size)
{
	unsigned long candidates[] = { __pa(_end), boot_info.initrd_end };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(candidates); i++) {
		unsigned long start = ALIGN(candidates[i], PAGE_SIZE);
		unsigned long end = start + size;

		if (candidates[i] && start >= LOW_RESERVED &&
		    usable_ram(start, end) &&
		    !overlaps(start, end, __pa(_text), __pa(_end)) &&
		    !overlaps(start, end, boot_info.initrd_start,
			      boot_info.initrd_end))
			return start;
	}
	panic("no room for the page array (%lu bytes) in RAM", size);
}

/* Pages the allocator must never hand out: the low 64 KiB, whatever the
 * BIOS map does not call usable, the kernel and the initrd. (The multiboot
 * info itself is not needed after setup_arch.) */
static void __init reserve_boot_memory(void)
{
	unsigned long prev_end = 0;
	unsigned int i;

	reserve_memory(0, LOW_RESERVED);
	for (i = 0; i < boot_info.nr_usable; i++) {
		if (boot_info.usable[i].start > prev_end)
			reserve_memory(prev_end, boot_info.usable[i].start);
		prev_end = max(prev_end, boot_info.usable[i].end);
	}
	reserve_memory(prev_end, boot_info.ram_end);
	reserve_memory(__pa(_text), __pa(_end));
	if (boot_info.initrd_start)
		reserve_memory(boot_info.initrd_start, boot_info.initrd_end);
}

void __init setup_arch(void)
{
	const struct multiboot_info *mbi;
	unsigned long ram_end;

	serial8250_register(&com1);	/* port I/O needs no mapping */
	trap_init();		/* from here on, faults are reported */
	init_8259A();		/* the BIOS left IRQs on exception vectors */
	printk("Clonix for i386 (32-bit, 2-level paging, PAGE_OFFSET %lx)\n",
	       PAGE_OFFSET);

	mbi = boot_ptr(boot_multiboot_info, sizeof(*mbi));
	if (!mbi)
		panic("no multiboot information at %lx (ebx from the loader)",
		      boot_multiboot_info);
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME &&
	    boot_ptr(mbi->boot_loader_name, 64))
		printk("multiboot: loaded by %s\n",
		       (const char *)__va(mbi->boot_loader_name));
	parse_memory(mbi);
	if (!boot_info.nr_usable)
		panic("multiboot: no usable RAM");
	parse_cmdline(mbi);
	parse_modules(mbi);
	ram_end = boot_info.ram_end;

	paging_init(ram_end);

	printk("Memory: %lu MiB at 0-%lx\n", ram_end >> 20, ram_end - 1);
	if (boot_info.initrd_start)
		printk("Initrd: %lx-%lx (%lu bytes)\n", boot_info.initrd_start,
		       boot_info.initrd_end - 1,
		       boot_info.initrd_end - boot_info.initrd_start);
	else
		printk("Initrd: none\n");
	printk("Kernel command line: %s\n", boot_command_line);
	printk("Kernel image: %lx-%lx (%lu KiB)\n", __pa(_text),
	       __pa(_end) - 1, (__pa(_end) - __pa(_text)) >> 10);

	mem_init_range(0, ram_end, find_boot_area(mem_map_size(0, ram_end)));
	reserve_boot_memory();
}

/* Architecture part of init_IRQ/time_init, once the allocator works. */
void __init arch_late_setup(void)
{
	serial8250_enable_irq();
	time_init();
	vdso_init();
	local_irq_enable();
}

const void *initrd_data(unsigned long *size)
{
	*size = boot_info.initrd_end - boot_info.initrd_start;
	return boot_info.initrd_start ? __va(boot_info.initrd_start) : NULL;
}
