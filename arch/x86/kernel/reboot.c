/*
 * Stopping the machine. A clean power-off goes through ACPI: QEMU's PC
 * (PIIX4) has its PM1a control register at I/O port 0x604, and setting
 * SLP_EN with sleep type 0 (S5, soft off) ends QEMU with status 0. A
 * failure writes to QEMU's isa-debug-exit device at port 0xf4 (when the
 * command line has -device isa-debug-exit,iobase=0xf4,iosize=0x04): QEMU
 * exits with status (value << 1) | 1, here 3.
 */
#include <asm/io.h>
#include <linux/irqflags.h>
#include <linux/reboot.h>

#define DEBUG_EXIT_PORT 0xf4
#define ACPI_PM1A_CNT 0x604
#define ACPI_SLP_EN 0x2000	/* SLP_TYP = 0: S5 on QEMU's PIIX4 */

void __noreturn machine_power_off(bool failure)
{
	local_irq_disable();
	if (failure)
		outb(1, DEBUG_EXIT_PORT);
	/* No debug-exit device (or a clean power-off): switch off. */
	outw(ACPI_SLP_EN, ACPI_PM1A_CNT);
	for (;;)
		__asm__ __volatile__("hlt");
}
