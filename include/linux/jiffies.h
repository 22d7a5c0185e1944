/* Time in ticks: jiffies counts timer interrupts since boot, HZ per second. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 100	/* timer interrupts per second: one tick = 10 ms */
#define TICK_NSEC (1000000000ULL / HZ)	/* a tick in nanoseconds */

extern volatile u64 jiffies;

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return (ms * HZ + 999) / 1000;
}

#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

#endif
