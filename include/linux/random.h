/* The kernel's random bytes (drivers/char/random.c): not cryptographic,
 * Clonix has no entropy source. */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t n);

#endif
