/* Scheduling policies, Linux's numbers (sched_setscheduler(2)). Clonix's
 * scheduler has one class: every policy is recorded and reported, and all
 * tasks share the CPU round-robin (kernel/sched/syscalls.c says why). */
#ifndef _UAPI_LINUX_SCHED_H
#define _UAPI_LINUX_SCHED_H

#define SCHED_NORMAL 0		/* SCHED_OTHER in user space */
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
/* 4 was SCHED_ISO: reserved, never implemented by Linux either */
#define SCHED_IDLE 5
#define SCHED_DEADLINE 6	/* only through sched_setattr */

/* Or'ed into the policy: a forked child starts as SCHED_NORMAL. */
#define SCHED_RESET_ON_FORK 0x40000000

#endif
