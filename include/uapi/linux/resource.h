/* Resource limits, with Linux's numbering (RLIMIT_*) and struct rlimit. */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

#include <linux/types.h>

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0UL)

struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

/* prlimit64's layout: 64-bit limits whatever the size of long. */
#define RLIM64_INFINITY (~0ULL)

struct rlimit64 {
	u64 rlim_cur;
	u64 rlim_max;
};

#endif
