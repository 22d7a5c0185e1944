/* Kernel threads created on request by kthreadd (pid 2), as in Linux:
 * their parent is kthreadd, and they are reaped automatically. */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/types.h>

/* Start fn(data) in a new kernel thread named name; returns its pid or
 * -errno. The thread exits with fn's return value. */
pid_t kthread_run(int (*fn)(void *), void *data, const char *name);
int kthreadd(void *unused);

#endif
