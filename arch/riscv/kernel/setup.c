/*
 * setup_arch(): learn the machine from the device tree OpenSBI passed in a1
 * — RAM, the initrd, the command line, the UART, the interrupt controller,
 * the timebase — then set up paging and the page allocator. Everything it
 * finds is printed, so the boot log shows what the kernel was given.
 */
#include <asm/io.h>
#include <asm/pgtable.h>
#include <asm/sbi.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <asm/vdso.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/fdt.h>
#include <linux/init.h>
#include <linux/initrd.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/serial_8250.h>
#include <linux/string.h>

extern char _start[], _end[];

struct boot_info boot_info;	/* what the boot loader handed us */
unsigned long boot_hartid, boot_dtb_pa;	/* a0, a1 at _start */
static const void *dtb;		/* the device tree, mapped */
const void *initial_boot_params;	/* the same, for later readers */
static volatile u32 *sifive_test;	/* QEMU's exit device, if any */

/* Early console: the firmware's putchar, until the UART is found. */
static void sbi_console_write(struct console *con, const char *s,
			      unsigned int n)
{
	(void)con;
	while (n--) {
		if (*s == '\n')
			sbi_console_putchar('\r');
		sbi_console_putchar(*s++);
	}
}

static struct console sbi_early_console = {
	.name = "sbi0",
	.flags = CON_BOOT,
	.write = sbi_console_write,
};

/* reg = <address size> of node, in its parent's cell sizes. */
static int fdt_reg(int node, int index, u64 *addr, u64 *size)
{
	int parent = fdt_parent_offset(dtb, node);
	int ac = fdt_address_cells(dtb, parent);
	int sc = fdt_size_cells(dtb, parent);
	const u8 *reg;
	int len;

	if (ac < 1 || ac > 2 || sc < 0 || sc > 2)
		return -EINVAL;
	reg = fdt_getprop(dtb, node, "reg", &len);
	if (!reg || len < (index + 1) * (ac + sc) * 4)
		return -ENOENT;
	reg += index * (ac + sc) * 4;
	*addr = fdt_read_cells(reg, ac);
	*size = sc ? fdt_read_cells(reg + ac * 4, sc) : 0;
	return 0;
}

static u64 fdt_u64_prop(int node, const char *name, bool *found)
{
	int len = 0;
	const void *p = fdt_getprop(dtb, node, name, &len);

	*found = p && (len == 4 || len == 8);
	return *found ? fdt_read_cells(p, len / 4) : 0;
}

/* The first memory node: RAM base and size. */
static void __init parse_memory(void)
{
	int node;

	fdt_for_each_subnode(node, dtb, 0) {
		const char *type = fdt_getprop(dtb, node, "device_type", NULL);

		if (type && !strcmp(type, "memory") &&
		    !fdt_reg(node, 0, &boot_info.ram_base, &boot_info.ram_size))
			return;
	}
	panic("device tree has no memory node");
}

static void __init parse_chosen(void)
{
	int chosen = fdt_path_offset(dtb, "/chosen");
	const char *args;
	bool s, e;
	int len;

	if (chosen < 0)
		return;
	boot_info.initrd_start = fdt_u64_prop(chosen, "linux,initrd-start", &s);
	boot_info.initrd_end = fdt_u64_prop(chosen, "linux,initrd-end", &e);
	if (!s || !e || boot_info.initrd_end <= boot_info.initrd_start)
		boot_info.initrd_start = boot_info.initrd_end = 0;
	args = fdt_getprop(dtb, chosen, "bootargs", &len);
	if (args && len > 0) {
		if (strscpy(boot_command_line, args,
			    sizeof(boot_command_line)) < 0)
			pr_warn("bootargs longer than %zu bytes: cut short\n",
				sizeof(boot_command_line) - 1);
	}
}

/* The console UART: /chosen/stdout-path, else the first ns16550a. */
static void __init setup_uart(void)
{
	static struct uart_8250_port port;
	int chosen = fdt_path_offset(dtb, "/chosen");
	const char *path = NULL;
	int node = -1, len = 0;
	const void *prop;
	u64 base, size;

	if (chosen >= 0)
		path = fdt_getprop(dtb, chosen, "stdout-path", &len);
	if (path && len > 0) {
		const char *colon = memchr(path, ':', len);

		node = fdt_path_offset_namelen(dtb, path,
					       colon ? colon - path :
						       (int)strnlen(path, len));
	}
	if (node < 0 || fdt_node_check_compatible(dtb, node, "ns16550a"))
		node = fdt_node_offset_by_compatible(dtb, -1, "ns16550a");
	if (node < 0 || fdt_reg(node, 0, &base, &size)) {
		pr_warn("no ns16550a UART in the device tree: SBI console only\n");
		return;
	}
	port.membase = ioremap(base, size ? size : 0x100);
	if (!port.membase) {
		pr_warn("UART at %llx is outside the I/O window\n",
			(unsigned long long)base);
		return;
	}
	prop = fdt_getprop(dtb, node, "reg-shift", &len);
	port.regshift = prop && len == 4 ? fdt32_ld(prop) : 0;
	prop = fdt_getprop(dtb, node, "interrupts", &len);
	port.irq = prop && len >= 4 ? (int)fdt32_ld(prop) : -1;
	port.phys = base;
	serial8250_register_mmio(&port);
}

static void __init find_exit_device(void)
{
	int node = fdt_node_offset_by_compatible(dtb, -1, "sifive,test0");
	u64 base, size;

	if (node >= 0 && !fdt_reg(node, 0, &base, &size))
		sifive_test = ioremap(base, 4);
}

static bool overlaps(u64 a, u64 a_end, u64 b, u64 b_end)
{
	return a < b_end && b < a_end;
}

/* A page-aligned spot for size bytes after the kernel, the DTB or the
 * initrd that overlaps none of them (nor firmware-reserved memory). */
static unsigned long __init find_boot_area(unsigned long dtb_pa,
					   unsigned long size)
{
	u64 dtb_end = dtb_pa + fdt_totalsize(dtb);
	u64 ram_end = boot_info.ram_base + boot_info.ram_size;
	u64 candidates[] = { __pa(_end), dtb_end, boot_info.initrd_end };
	int rsv = fdt_path_offset(dtb, "/reserved-memory");
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(candidates); i++) {
		u64 start = ALIGN(candidates[i], PAGE_SIZE), end = start + size;
		bool ok = candidates[i] && end <= ram_end &&
			  !overlaps(start, end, dtb_pa, dtb_end) &&
			  !overlaps(start, end, boot_info.initrd_start,
				    boot_info.initrd_end);
		int sub;

		if (ok && rsv >= 0) {
			fdt_for_each_subnode(sub, dtb, rsv) {
				u64 base, rsize;

				if (!fdt_reg(sub, 0, &base, &rsize) &&
				    overlaps(start, end, base, base + rsize))
					ok = false;
			}
		}
		if (ok)
			return start;
	}
	panic("no room for the page array (%lu bytes) in RAM", size);
}

/* Pages the allocator must never hand out: firmware, kernel, DTB, initrd. */
static void __init reserve_boot_memory(unsigned long dtb_pa)
{
	int node = fdt_path_offset(dtb, "/reserved-memory");
	int sub;

	reserve_memory(boot_info.ram_base, __pa(_end));
	reserve_memory(dtb_pa, dtb_pa + fdt_totalsize(dtb));
	if (boot_info.initrd_start)
		reserve_memory(boot_info.initrd_start, boot_info.initrd_end);
	if (node < 0)
		return;
	fdt_for_each_subnode(sub, dtb, node) {
		u64 base, size;

		if (!fdt_reg(sub, 0, &base, &size))
			reserve_memory(base, base + size);
	}
}

void __init setup_arch(void)
{
	unsigned long hartid = boot_hartid, dtb_pa = boot_dtb_pa;
	unsigned long ram_end;

	register_console(&sbi_early_console);
	sbi_init();
	boot_info.hartid = hartid;
	dtb = __va(dtb_pa);
	if (dtb_pa < PHYS_RAM_BASE || fdt_check_header(dtb, 0))
		panic("no valid device tree at %lx (a1 from the firmware)",
		      dtb_pa);

	find_exit_device();	/* so that even early panics end QEMU */
	parse_memory();
	parse_chosen();
	if (boot_info.ram_base != PHYS_RAM_BASE)
		panic("RAM starts at %llx; Clonix expects %lx",
		      (unsigned long long)boot_info.ram_base, PHYS_RAM_BASE);
	if (boot_info.ram_size > MAX_LINEAR_RAM) {
		pr_warn("using only the first 2 GiB of RAM\n");
		boot_info.ram_size = MAX_LINEAR_RAM;
	}
	ram_end = boot_info.ram_base + boot_info.ram_size;
	if (boot_info.initrd_start &&
	    (boot_info.initrd_start < boot_info.ram_base ||
	     boot_info.initrd_end > ram_end)) {
		pr_warn("initrd %llx-%llx lies outside RAM: ignored\n",
			(unsigned long long)boot_info.initrd_start,
			(unsigned long long)boot_info.initrd_end);
		boot_info.initrd_start = boot_info.initrd_end = 0;
	}

	paging_init(boot_info.ram_base, boot_info.ram_size);
	dtb = __va(dtb_pa);	/* still mapped: RAM is in the linear map */
	initial_boot_params = dtb;
	setup_uart();

	printk("Clonix for RISC-V (rv64, Sv39) on hart %lu\n", hartid);
	sbi_print_version();
	printk("Device tree at %lx (%u bytes)\n", dtb_pa, fdt_totalsize(dtb));
	printk("Memory: %llu MiB at %llx-%lx\n",
	       (unsigned long long)boot_info.ram_size >> 20,
	       (unsigned long long)boot_info.ram_base, ram_end - 1);
	if (boot_info.initrd_start)
		printk("Initrd: %llx-%llx (%llu bytes)\n",
		       (unsigned long long)boot_info.initrd_start,
		       (unsigned long long)boot_info.initrd_end - 1,
		       (unsigned long long)(boot_info.initrd_end -
					    boot_info.initrd_start));
	else
		printk("Initrd: none\n");
	printk("Kernel command line: %s\n", boot_command_line);
	printk("Kernel image: %lx-%lx (%lu KiB)\n", __pa(_start), __pa(_end) - 1,
	       (__pa(_end) - __pa(_start)) >> 10);

	mem_init_range(boot_info.ram_base, ram_end,
		       find_boot_area(dtb_pa, mem_map_size(boot_info.ram_base,
							   ram_end)));
	reserve_boot_memory(dtb_pa);
}

/* Architecture part of init_IRQ/time_init, once the allocator works. */
void __init arch_late_setup(void)
{
	plic_init(dtb);
	serial8250_enable_irq();
	time_init(dtb);
	vdso_init();
	local_irq_enable();
}

const void *initrd_data(unsigned long *size)
{
	*size = boot_info.initrd_end - boot_info.initrd_start;
	return boot_info.initrd_start ? __va(boot_info.initrd_start) : NULL;
}

void __noreturn machine_power_off(bool failure)
{
	/* QEMU's test device gives a precise exit status. */
	if (failure && sifive_test)
		writel(0x3333 | (1 << 16), (void *)sifive_test);
	sbi_system_shutdown(failure);
}
