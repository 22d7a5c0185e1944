/* The initial RAM filesystem image the boot loader loaded for us. */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

/* Architecture: the initrd's bytes (kernel-mapped) and size; NULL if none. */
const void *initrd_data(unsigned long *size);

#endif
