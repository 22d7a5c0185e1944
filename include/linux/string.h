/* Memory and string functions (lib/string.c). The kernel has no libc. */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <asm/string.h>	/* which of these the architecture has */

void *memset(void *s, int c, size_t n);
void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
/* Copy at most size-1 bytes and always NUL-terminate; returns the length
 * copied, or -E2BIG if src did not fit (Linux's strscpy). */
ssize_t strscpy(char *dest, const char *src, size_t size);

#endif
