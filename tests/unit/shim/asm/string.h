/* The host unit tests build lib/string.c's portable memcpy, memmove and
 * memset: no architecture's own versions. */
#ifndef _ASM_STRING_H
#define _ASM_STRING_H
#endif
