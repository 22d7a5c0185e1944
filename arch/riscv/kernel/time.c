/*
 * The periodic tick. The timebase (how fast the `time` CSR counts) comes
 * from the device tree's /cpus/timebase-frequency; each tick we ask the SBI
 * TIME extension to interrupt us again 1/HZ second later, then hand the
 * tick to the portable code (jiffies, timers, time slices).
 */
#include <asm/csr.h>
#include <asm/sbi.h>
#include <asm/timex.h>
#include <asm/traps.h>
#include <linux/fdt.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/timer.h>
#include <linux/time.h>

u64 riscv_timebase;	/* the time CSR's rate: the vDSO's clocks use it */
static u64 cycles_per_tick;
static u64 next_tick;

void riscv_timer_interrupt(void)
{
	u64 now = get_cycles();

	/* Program the next tick before running timers; catch up if late. */
	do
		next_tick += cycles_per_tick;
	while ((s64)(next_tick - now) <= 0);
	sbi_set_timer(next_tick);
	tick_handler();
}

/* Nanoseconds since boot, from the time counter. */
u64 ktime_get_ns(void)
{
	u64 t = get_cycles();

	return t / riscv_timebase * 1000000000ULL +
	       t % riscv_timebase * 1000000000ULL / riscv_timebase;
}

void time_init(const void *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus");
	const void *prop = NULL;
	int len = 0;

	if (cpus >= 0)
		prop = fdt_getprop(fdt, cpus, "timebase-frequency", &len);
	if (!prop || len < 4)
		panic("device tree has no /cpus/timebase-frequency");
	riscv_timebase = fdt_read_cells(prop, len / 4);
	if (!riscv_timebase)
		panic("device tree says the timebase is 0 Hz");
	cycles_per_tick = riscv_timebase / HZ;
	printk("timer: timebase %llu Hz, HZ=%d, %llu counts per tick\n",
	       (unsigned long long)riscv_timebase, HZ,
	       (unsigned long long)cycles_per_tick);

	/* User mode may read the counter too (rdtime): the vDSO's
	 * clock_gettime does. Each hart has its own scounteren. */
	csr_set(CSR_SCOUNTEREN, SCOUNTEREN_TM);

	next_tick = get_cycles() + cycles_per_tick;
	sbi_set_timer(next_tick);
	csr_set(CSR_SIE, IE_TIE);
}
