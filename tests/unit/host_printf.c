/*
 * The host C library's vsnprintf, under another name, as the reference
 * test_vsprintf.c compares lib/vsprintf.c against. Built without
 * host_names.h, so vsnprintf here is libc's.
 */
#include <stdarg.h>
#include <stdio.h>

int host_vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	return vsnprintf(buf, size, fmt, args);
}
