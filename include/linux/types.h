/* Basic fixed-size types, as Linux names them (u8..u64, s8..s64, size_t...).
 * Built from the compiler's freestanding headers so lib/ also compiles on the
 * host for unit tests. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/compiler_types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef u32 __be32;
typedef u64 __be64;

#ifndef __KERNEL_HOST_TEST
typedef long ssize_t;
#endif
typedef unsigned long uintptr;
typedef unsigned long phys_addr_t;
typedef int pid_t;
typedef unsigned int gfp_t;
typedef long long loff_t;

#endif
