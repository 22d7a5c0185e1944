/*
 * The RISC-V Platform-Level Interrupt Controller: devices (the UART) raise
 * numbered interrupts here, and the PLIC forwards them to a hart's S-mode
 * "context" as the supervisor external interrupt. The handler claims the
 * interrupt number, runs the driver, and completes it.
 *
 * On QEMU virt, hart h's S-mode context is 2h+1 (M-mode is 2h); a full
 * driver would read this from interrupts-extended.
 */
#include <asm/csr.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <linux/fdt.h>
#include <linux/interrupt.h>
#include <linux/printk.h>

#define PRIORITY_BASE 0x000000
#define ENABLE_BASE 0x002000
#define ENABLE_PER_CONTEXT 0x80
#define CONTEXT_BASE 0x200000
#define CONTEXT_PER_CONTEXT 0x1000
#define CONTEXT_THRESHOLD 0x00
#define CONTEXT_CLAIM 0x04

static void *plic_base;
static unsigned int plic_context;
static unsigned int plic_ndev;

static void *context_reg(unsigned int off)
{
	return (char *)plic_base + CONTEXT_BASE +
	       plic_context * CONTEXT_PER_CONTEXT + off;
}

void arch_enable_irq(unsigned int irq)
{
	void *enable;

	if (!plic_base || irq == 0 || irq > plic_ndev)
		return;
	writel(1, (char *)plic_base + PRIORITY_BASE + 4 * irq);
	enable = (char *)plic_base + ENABLE_BASE +
		 plic_context * ENABLE_PER_CONTEXT + 4 * (irq / 32);
	writel(readl(enable) | (1U << (irq % 32)), enable);
}

void plic_handle_irq(void)
{
	unsigned int irq;

	if (!plic_base)
		return;
	while ((irq = readl(context_reg(CONTEXT_CLAIM))) != 0) {
		generic_handle_irq(irq);
		writel(irq, context_reg(CONTEXT_CLAIM));	/* complete */
	}
}

void plic_init(const void *fdt)
{
	int node = fdt_node_offset_by_compatible(fdt, -1, "sifive,plic-1.0.0");
	const void *prop, *reg;
	int len, parent, ac, sc;
	u64 base, size;

	if (node < 0)
		node = fdt_node_offset_by_compatible(fdt, -1, "riscv,plic0");
	if (node < 0) {
		pr_warn("plic: none in the device tree; console input by polling is not supported\n");
		return;
	}
	parent = fdt_parent_offset(fdt, node);
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 1 || sc > 2 ||
	    len < (ac + sc) * 4) {
		pr_warn("plic: bad reg property\n");
		return;
	}
	base = fdt_read_cells(reg, ac);
	size = fdt_read_cells((const u8 *)reg + 4 * ac, sc);
	prop = fdt_getprop(fdt, node, "riscv,ndev", &len);
	plic_ndev = prop && len == 4 ? fdt32_ld(prop) : 31;
	plic_base = ioremap(base, size);
	if (!plic_base) {
		pr_warn("plic: %llx outside the I/O window\n",
			(unsigned long long)base);
		return;
	}
	plic_context = 2 * boot_info.hartid + 1;
	writel(0, context_reg(CONTEXT_THRESHOLD));
	csr_set(CSR_SIE, IE_EIE);
	printk("plic: %u interrupts at 0x%llx, context %u\n", plic_ndev,
	       (unsigned long long)base, plic_context);
}
