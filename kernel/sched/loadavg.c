/*
 * The load average (/proc/loadavg, uptime, top): every LOAD_FREQ ticks
 * (5 seconds) the number of runnable tasks is folded into three
 * exponentially decaying averages over 1, 5 and 15 minutes, in Linux's
 * fixed point (FSHIFT bits of fraction) with Linux's constants. Linux
 * also counts tasks in uninterruptible sleep; Clonix counts the runnable
 * ones only.
 */
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/sched.h>

#define EXP_1 1884	/* 1/exp(5sec/1min) as fixed-point */
#define EXP_5 2014	/* 1/exp(5sec/5min) */
#define EXP_15 2037	/* 1/exp(5sec/15min) */

unsigned long avenrun[3];
static u64 calc_load_update = LOAD_FREQ;

/* a1 = a0 * e + a * (1 - e), rounded as Linux's calc_load. */
static unsigned long calc_load(unsigned long load, unsigned long exp,
			       unsigned long active)
{
	unsigned long newload = load * exp + active * (FIXED_1 - exp);

	if (active >= load)
		newload += FIXED_1 - 1;
	return newload / FIXED_1;
}

/* From the timer tick. */
void calc_global_load_tick(void)
{
	unsigned long active;

	if (!time_after_eq(jiffies, calc_load_update))
		return;
	calc_load_update += LOAD_FREQ;
	active = (unsigned long)nr_running() * FIXED_1;
	avenrun[0] = calc_load(avenrun[0], EXP_1, active);
	avenrun[1] = calc_load(avenrun[1], EXP_5, active);
	avenrun[2] = calc_load(avenrun[2], EXP_15, active);
}
