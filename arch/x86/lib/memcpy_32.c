/*
 * memcpy, memmove and memset on i386, with the string instructions (as
 * Linux's arch/x86/lib/memcpy_32.c and asm/string_32.h): `rep movsl`
 * moves 4 bytes a step whatever the alignment (the CPU handles a
 * misaligned access itself), `rep movsb` the 0-3 bytes left; memset is
 * `rep stosl` and `rep stosb`. The direction flag is clear in the kernel
 * (the i386 ABI), so they run upwards; memmove sets it to copy downwards
 * when the destination overlaps the source from above.
 */
#include <linux/string.h>

void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned long d0, d1, d2;

	__asm__ __volatile__("rep movsl\n\t"
			     "movl %4, %%ecx\n\t"
			     "rep movsb"
			     : "=&c"(d0), "=&D"(d1), "=&S"(d2)
			     : "0"(n / 4), "g"(n % 4), "1"(dest), "2"(src)
			     : "memory");
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned long word = (unsigned char)c * 0x01010101UL;
	unsigned long d0, d1;

	__asm__ __volatile__("rep stosl\n\t"
			     "movl %3, %%ecx\n\t"
			     "rep stosb"
			     : "=&c"(d0), "=&D"(d1)
			     : "a"(word), "g"(n % 4), "0"(n / 4), "1"(s)
			     : "memory");
	return s;
}

/* Forward unless dest lies inside the source above its start: a forward
 * copy reads each byte before any store can reach it then. Otherwise
 * byte by byte from the end down (std; rep movsb; cld). */
void *memmove(void *dest, const void *src, size_t n)
{
	unsigned long d0, d1, d2;

	if ((unsigned long)dest - (unsigned long)src >= n)
		return memcpy(dest, src, n);
	__asm__ __volatile__("std\n\t"
			     "rep movsb\n\t"
			     "cld"
			     : "=&c"(d0), "=&D"(d1), "=&S"(d2)
			     : "0"(n), "1"((char *)dest + n - 1),
			       "2"((const char *)src + n - 1)
			     : "memory");
	return dest;
}
