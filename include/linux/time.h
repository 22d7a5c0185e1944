/* Time of day and monotonic time, from the architecture's clock. */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define NSEC_PER_SEC 1000000000ULL

/* Architecture: nanoseconds since boot. */
u64 ktime_get_ns(void);

#endif
