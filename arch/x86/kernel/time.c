/*
 * The periodic tick and the clock. Channel 0 of the PIT (the 8253/8254
 * timer chip, counting at 1.193182 MHz) interrupts on IRQ 0 HZ times a
 * second; each tick goes to the portable code (jiffies, timers, time
 * slices). For finer time, ktime_get_ns() reads the CPU's time-stamp
 * counter, whose rate we measure once against the PIT at boot, as
 * Linux's pit_calibrate_tsc() does.
 */
#include <asm/io.h>
#include <asm/timex.h>
#include <asm/traps.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/time.h>
#include <linux/timer.h>

#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_MODE 0x43
#define PIT_CH2_GATE 0x61	/* bit 0: channel 2 gate; bit 5: its output */

#define LATCH ((PIT_TICK_RATE + HZ / 2) / HZ)	/* PIT counts per tick */
#define CALIBRATE_MS 10
#define CALIBRATE_LATCH (PIT_TICK_RATE / (1000 / CALIBRATE_MS))

/* ns = cycles * cyc2ns_mul >> CYC2NS_SHIFT (asm/timex.h): 32-bit
 * arithmetic only (Linux's i386 cyc2ns scale; 2^-10 precision is plenty
 * here). The vDSO reads the same scale from the vvar page. */
unsigned long tsc_khz;	/* measured at boot (/proc/cpuinfo's cpu MHz) */
unsigned long cyc2ns_mul;

static void timer_interrupt(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	tick_handler();
}

/* Count TSC cycles while PIT channel 2 counts down CALIBRATE_MS ms. */
static unsigned long pit_calibrate_tsc(void)
{
	u64 t1, t2;

	/* Gate channel 2 on, speaker off; mode 0 (one-shot), binary. */
	outb((inb(PIT_CH2_GATE) & ~0x02) | 0x01, PIT_CH2_GATE);
	outb(0xb0, PIT_MODE);
	outb(CALIBRATE_LATCH & 0xff, PIT_CH2);
	outb(CALIBRATE_LATCH >> 8, PIT_CH2);
	t1 = t2 = get_cycles();
	while (!(inb(PIT_CH2_GATE) & 0x20))	/* output goes high at 0 */
		t2 = get_cycles();
	return (unsigned long)(t2 - t1) / CALIBRATE_MS;
}

/* Nanoseconds since boot, from the time-stamp counter. */
u64 ktime_get_ns(void)
{
	return (get_cycles() * cyc2ns_mul) >> CYC2NS_SHIFT;
}

void time_init(void)
{
	tsc_khz = pit_calibrate_tsc();
	if (!tsc_khz)
		panic("tsc: does not count (calibration against the PIT)");
	cyc2ns_mul = (1000000UL << CYC2NS_SHIFT) / tsc_khz;
	printk("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000,
	       tsc_khz % 1000);

	/* Channel 0, low then high byte, mode 2 (rate generator), binary. */
	outb(0x34, PIT_MODE);
	outb(LATCH & 0xff, PIT_CH0);
	outb(LATCH >> 8, PIT_CH0);
	printk("timer: PIT %d Hz, HZ=%d, %d counts per tick\n",
	       PIT_TICK_RATE, HZ, LATCH);
	if (request_irq(0, timer_interrupt, "timer", NULL))
		panic("timer: IRQ 0 is taken");
}
