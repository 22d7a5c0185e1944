/*
 * Forced into every host unit-test compile (gcc -include host_names.h).
 * The test programs also link the host's libc, which has its own memcpy,
 * strlen, snprintf...; renaming ours keeps the two apart, so the tests
 * exercise lib/ and libc (and AddressSanitizer) keep using their own.
 * Code still says memcpy() and gets lib/string.c's.
 */
#ifndef HOST_NAMES_H
#define HOST_NAMES_H

/*
 * include/linux/types.h leaves ssize_t to the host; take it from
 * <sys/types.h>, but keep glibc's loff_t (long) out of the way of the
 * kernel's (long long).
 */
#define loff_t host_loff_t
#include <sys/types.h>
#undef loff_t
/* glibc defines this too; let include/linux/compiler.h have it. */
#undef __always_inline

#define memset clonix_memset
#define memcpy clonix_memcpy
#define memmove clonix_memmove
#define memcmp clonix_memcmp
#define memchr clonix_memchr
#define strlen clonix_strlen
#define strnlen clonix_strnlen
#define strcmp clonix_strcmp
#define strncmp clonix_strncmp
#define strchr clonix_strchr
#define strrchr clonix_strrchr
#define strstr clonix_strstr
#define strscpy clonix_strscpy
#define vsnprintf clonix_vsnprintf
#define snprintf clonix_snprintf
#define scnprintf clonix_scnprintf
#define simple_strtoul clonix_simple_strtoul

#endif
