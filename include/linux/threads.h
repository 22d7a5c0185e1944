/*
 * The limits on process ids, as Linux's include/linux/threads.h: pid_max
 * starts at PID_MAX_DEFAULT and root may raise it up to PID_MAX_LIMIT,
 * four million on a 64-bit kernel, no more than the default on a 32-bit
 * one (/proc/sys/kernel/pid_max, kernel/pid.c).
 */
#ifndef _LINUX_THREADS_H
#define _LINUX_THREADS_H

#define PID_MAX_DEFAULT 0x8000
#define PID_MAX_LIMIT (sizeof(long) > 4 ? 4 * 1024 * 1024 : PID_MAX_DEFAULT)

#endif
