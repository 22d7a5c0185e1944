/* struct sched_param, the argument of sched_setparam/sched_getparam. */
#ifndef _UAPI_LINUX_SCHED_TYPES_H
#define _UAPI_LINUX_SCHED_TYPES_H

struct sched_param {
	int sched_priority;	/* 1..99 for SCHED_FIFO/RR, else 0 */
};

#endif
