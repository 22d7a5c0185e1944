/*
 * Overflow-checked arithmetic, as Linux's <linux/overflow.h>: each helper
 * stores a + b (a - b, a * b) in *d and returns true when the true result
 * does not fit *d's type. Sizes and file offsets that a user program
 * chooses are always combined through these, never with a bare `+`.
 */
#ifndef _LINUX_OVERFLOW_H
#define _LINUX_OVERFLOW_H

#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)

#endif
