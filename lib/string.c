/*
 * Memory and string functions (include/linux/string.h). The kernel has no
 * libc, and the compiler may emit calls to memcpy/memset for struct copies,
 * so these must exist. Byte loops keep them obviously correct; memcpy and
 * memset move a word at a time when both pointers are word aligned. An
 * architecture may bring faster memcpy, memmove and memset of its own, in
 * arch/<arch>/lib/, which replace these (asm/string.h: __HAVE_ARCH_MEMCPY).
 *
 * Build with -fno-builtin -fno-tree-loop-distribute-patterns, or gcc may
 * turn the loops below back into calls to memset/memcpy: themselves.
 */
#include <linux/string.h>
#include <linux/errno.h>

/* A word that may alias any other type, so word-wide copies are legal C. */
typedef unsigned long __attribute__((may_alias)) word_t;

#define WORD_SIZE sizeof(word_t)

static inline bool word_aligned(const void *p)
{
	return ((uintptr_t)p & (WORD_SIZE - 1)) == 0;
}

#ifndef __HAVE_ARCH_MEMSET
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	if (word_aligned(p)) {
		word_t w = (unsigned char)c;

		w |= w << 8;
		w |= w << 16;
		w |= (w << 16) << 16; /* no-op when a word is 32 bits */
		for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE)
			*(word_t *)p = w;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}
#endif

#ifndef __HAVE_ARCH_MEMCPY
void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (word_aligned(d) && word_aligned(s)) {
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dest;
}
#endif

#ifndef __HAVE_ARCH_MEMMOVE
/* Like memcpy, but the areas may overlap: copy backwards when dest is
 * above src so no byte is overwritten before it has been read. */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if ((uintptr_t)d <= (uintptr_t)s) {
		while (n--)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		while (n--)
			*--d = *--s;
	}
	return dest;
}
#endif

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n; n--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
	}
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/* Length of s, but never look at more than maxlen bytes. */
size_t strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

/* Characters compare as unsigned char, as in C and Linux. */
int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, (size_t)-1);
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		unsigned char ca = *a, cb = *b;

		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!ca)
			break;
	}
	return 0;
}

/* Find c in s; the terminating NUL counts, so strchr(s, 0) is its end. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	}
	return n ? NULL : (char *)haystack;
}

/* Copy src into a buffer of size bytes, always NUL-terminated. Returns the
 * length copied, or -E2BIG if src was cut short (or size is 0). */
ssize_t strscpy(char *dest, const char *src, size_t size)
{
	size_t i;

	if (size == 0)
		return -E2BIG;
	for (i = 0; i < size - 1 && src[i]; i++)
		dest[i] = src[i];
	dest[i] = '\0';
	return src[i] ? -E2BIG : (ssize_t)i;
}
