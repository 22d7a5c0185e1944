/*
 * Unit tests for lib/vsprintf.c. Most formats are checked against the host
 * C library's vsnprintf (host_printf.c), at every buffer size from 0 to
 * past the end, so truncation and the C99 return value are covered too;
 * the Linux-specific parts (%p, "(null)", unknown conversions, scnprintf,
 * simple_strtoul) against expected strings.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "unit.h"

int host_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/*
 * Format with the host's vsnprintf and with ours, and compare output and
 * return value; then again into exact-size heap buffers of every smaller
 * size (ASan catches a write past size) to check truncation.
 */
static __printf(2, 3) int check_format(int line, const char *fmt, ...)
{
	char want[512], got[512];
	int want_len, got_len, size, ok = 1;
	va_list ap, ap2;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	want_len = host_vsnprintf(want, sizeof(want), fmt, ap2);
	va_end(ap2);
	va_copy(ap2, ap);
	got_len = vsnprintf(got, sizeof(got), fmt, ap2);
	va_end(ap2);

	if (got_len != want_len || memcmp(got, want, want_len + 1)) {
		printf("line %d: format \"%s\": got \"%s\" (%d), host libc "
		       "\"%s\" (%d)\n",
		       line, fmt, got, got_len, want, want_len);
		ok = 0;
	}
	for (size = 0; ok && size <= want_len + 1; size++) {
		char *small = size ? malloc(size) : NULL;

		va_copy(ap2, ap);
		got_len = vsnprintf(small, size, fmt, ap2);
		va_end(ap2);
		if (got_len != want_len ||
		    (size && (memcmp(small, want, size - 1) ||
			      small[size - 1] != '\0'))) {
			printf("line %d: format \"%s\" into %d bytes: wrong "
			       "truncation or return %d\n",
			       line, fmt, size, got_len);
			ok = 0;
		}
		free(small);
	}
	va_end(ap);
	return ok;
}

#define CMP(...) CHECK(check_format(__LINE__, __VA_ARGS__))

static void test_integers_match_host_printf(void)
{
	CMP("%d", 0);
	CMP("%d", 42);
	CMP("%d", -42);
	CMP("%d %d", INT_MAX, INT_MIN);
	CMP("%i", -7);
	CMP("%u %u", 0u, UINT_MAX);
	CMP("%x %X", 0xdeadbeefu, 0xdeadbeefu);
	CMP("%o %o %o", 0u, 8u, 0777u);
	CMP("%d%%", 100);
	CMP("pid %d exited with status %u", 17, 3u);
}

static void test_flags_width_and_precision_match_host_printf(void)
{
	CMP("[%5d]", 42);
	CMP("[%-5d]", 42);
	CMP("[%05d]", 42);
	CMP("[%05d]", -42);
	CMP("[%+d] [%+d]", 42, -42);
	CMP("[% d] [% d]", 42, -42);
	CMP("[%+5d] [%-+5d] [%+05d]", 42, 42, 42);
	CMP("[%.3d] [%.3d]", 7, -7);
	CMP("[%.0d] [%5.0d] [%.0x]", 0, 0, 0u);
	CMP("[%8.3d] [%-8.3d]", 42, 42);
	CMP("[%2d]", 12345);
	CMP("[%#x] [%#x] [%#X]", 0u, 255u, 255u);
	CMP("[%#o] [%#o] [%#.5o] [%#.0o]", 0u, 8u, 8u, 0u);
	CMP("[%#10x] [%#010x] [%-#10x]", 255u, 255u, 255u);
	CMP("[%#10.4x] [%#5o]", 255u, 8u);
}

/* Flag combinations C defines as ignored; gcc warns about them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
static void test_ignored_flags_match_host_printf(void)
{
	CMP("[%08.3d] [%08.0d]", -42, 0);
	CMP("[%+u] [% u] [%+x] [% o]", 5u, 5u, 5u, 5u);
	CMP("[%#d] [%#u]", 5, 5u);
}
#pragma GCC diagnostic pop

static void test_length_modifiers_match_host_printf(void)
{
	CMP("%hhd %hhd %hhu %hhx", 200, -1, 300, 0x1ff);
	CMP("%hd %hu %hx", 70000, -1, 0x12345);
	CMP("%ld %ld %lu", LONG_MAX, LONG_MIN, ULONG_MAX);
	CMP("%lx %lX %lo", 0x123456789abcdefUL, ULONG_MAX, ULONG_MAX);
	CMP("%lld %lld", LLONG_MAX, LLONG_MIN);
	CMP("%llu %llx %llo", ULLONG_MAX, ULLONG_MAX, ULLONG_MAX);
	CMP("%llu %llu", 4294967296ULL, 10000000000000000000ULL);
	CMP("%zu %zx %zd", SIZE_MAX, (size_t)0x1000, (ssize_t)-5);
	CMP("%td %tu", (ptrdiff_t)-12345, (size_t)12345);
	CMP("%jd %ju", (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX);
	CMP("[%20llu] [%-22llo] [%+.25lld]", 12345678901234ULL, ULLONG_MAX,
	    -5LL);
}

static void test_chars_and_strings_match_host_printf(void)
{
	CMP("%c%c%c", 'a', 'b', 'c');
	CMP("[%5c] [%-5c]", 'x', 'y');
	CMP("a%cb", 0);
	CMP("%s", "hello");
	CMP("%s", "");
	CMP("[%10s] [%-10s]", "hi", "hi");
	CMP("[%.2s] [%10.2s] [%-10.2s]", "hello", "hello", "hello");
	CMP("[%.0s] [%.10s]", "hello", "hello");
	CMP("[%s] %s: %s", "    0.000000", "clonix", "booting");
}

static void test_star_width_and_precision_match_host_printf(void)
{
	CMP("[%*d]", 6, 42);
	CMP("[%-*d]", 6, 42);
	CMP("[%*d]", -6, 42);
	CMP("[%.*d]", 4, 42);
	CMP("[%.*d]", -1, 42);
	CMP("[%*.*s]", 8, 3, "abcdef");
	CMP("[%-*.*s]", 8, 3, "abcdef");
	CMP("[%.*s]", -3, "abc");
	CMP("[%*c]", 3, 'z');
}

/* A simple, fixed pseudo-random sequence (xorshift64). */
static uint64_t rnd(void)
{
	static uint64_t x = 0x9e3779b97f4a7c15ULL;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return x;
}

/* do_div() is our own 64-bit division: compare it on many numbers of every
 * magnitude, in all three bases. */
static void test_random_64bit_numbers_match_host_printf(void)
{
	int i, ok = 1;

	for (i = 0; i < 5000 && ok; i++) {
		uint64_t v = rnd() >> (i % 64);

		ok = check_format(__LINE__, "%llu %llx %llo %lld",
				  (unsigned long long)v, (unsigned long long)v,
				  (unsigned long long)v, (long long)v);
	}
	CHECK(ok);
}

static void test_pointer_prints_0x_and_every_hex_digit(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%p", (void *)0x80200000UL);
	CHECK_STR(buf,
		  sizeof(void *) == 8 ? "0x0000000080200000" : "0x80200000");
	snprintf(buf, sizeof(buf), "%p", NULL);
	CHECK_STR(buf,
		  sizeof(void *) == 8 ? "0x0000000000000000" : "0x00000000");
	snprintf(buf, sizeof(buf), "[%p]", (void *)~0UL);
	CHECK_STR(buf, sizeof(void *) == 8 ? "[0xffffffffffffffff]" :
					     "[0xffffffff]");
}

static void test_null_string_prints_null_in_parentheses(void)
{
	char buf[32];
	const char *volatile null = NULL; /* hidden from gcc's checks */

	snprintf(buf, sizeof(buf), "%s", null);
	CHECK_STR(buf, "(null)");
	snprintf(buf, sizeof(buf), "[%8s]", null);
	CHECK_STR(buf, "[  (null)]");
	snprintf(buf, sizeof(buf), "[%.3s]", null);
	CHECK_STR(buf, "[(nu]");
}

/* Format strings held in a variable, so gcc does not reject them. */
/* clang-format off */
static const char *unknown_formats[][2] = {
	{ "%y", "%y" },
	{ "%-5y|", "%-5y|" },
	{ "%lly", "%lly" },
	{ "%n", "%n" },
	{ "100%", "100%" },
	{ "%", "%" },
	{ "%08.3l", "%08.3l" },
	{ "%k%d", "%k7" },
};
/* clang-format on */

static void test_unknown_conversions_print_verbatim(void)
{
	char buf[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(unknown_formats); i++) {
		int n = snprintf(buf, sizeof(buf), unknown_formats[i][0], 7);

		CHECK_STR(buf, unknown_formats[i][1]);
		CHECK_INT(n, strlen(unknown_formats[i][1]));
	}
}

static void test_vsnprintf_returns_full_length_and_terminates(void)
{
	char buf[4] = "xyz";

	CHECK_INT(snprintf(NULL, 0, "%d", 12345), 5);
	CHECK_INT(snprintf(buf, 0, "abc"), 3);
	CHECK_STR(buf, "xyz"); /* size 0: nothing written */
	CHECK_INT(snprintf(buf, 1, "abc"), 3);
	CHECK_STR(buf, "");
	CHECK_INT(snprintf(buf, sizeof(buf), "hello"), 5);
	CHECK_STR(buf, "hel");
}

/* Volatile, so gcc does not see (and reject) the widths at compile time. */
static const char *volatile huge_width = "%99999999999d";
static volatile int int_min = INT_MIN, int_max = INT_MAX;

static void test_huge_widths_are_clamped_not_overflowed(void)
{
	CHECK_INT(snprintf(NULL, 0, huge_width, 1), (1 << 23) - 1);
	CHECK_INT(snprintf(NULL, 0, "%*d", int_min, 1), (1 << 23) - 1);
	CHECK_INT(snprintf(NULL, 0, "%.*d", int_max, 1), (1 << 15) - 1);
}

static void test_scnprintf_returns_chars_actually_stored(void)
{
	char buf[8];

	CHECK_INT(scnprintf(buf, sizeof(buf), "hi %d", 5), 4);
	CHECK_STR(buf, "hi 5");
	CHECK_INT(scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	CHECK_STR(buf, "0123456");
	CHECK_INT(scnprintf(buf, 1, "abc"), 0);
	CHECK_INT(scnprintf(NULL, 0, "abc"), 0);
}

static void test_simple_strtoul_parses_bases_and_sets_end(void)
{
	char *end;
	const char *s;

	CHECK_INT(simple_strtoul("123", NULL, 10), 123);
	CHECK_INT(simple_strtoul("0x1f", NULL, 0), 31);
	CHECK_INT(simple_strtoul("0X1F", NULL, 0), 31);
	CHECK_INT(simple_strtoul("0755", NULL, 0), 0755);
	CHECK_INT(simple_strtoul("42", NULL, 0), 42);
	CHECK_INT(simple_strtoul("ff", NULL, 16), 255);
	CHECK_INT(simple_strtoul("0xff", NULL, 16), 255);
	CHECK_INT(simple_strtoul("777", NULL, 8), 0777);
	CHECK_INT(simple_strtoul("18446744073709551615", NULL, 10),
		  (long long)ULONG_MAX);

	s = "12abc";
	CHECK_INT(simple_strtoul(s, &end, 10), 12);
	CHECK(end == s + 2);
	s = "789";
	CHECK_INT(simple_strtoul(s, &end, 8), 7);
	CHECK(end == s + 1);
	s = "0x";
	CHECK_INT(simple_strtoul(s, &end, 0), 0);
	CHECK(end == s + 1);
	s = "zz";
	CHECK_INT(simple_strtoul(s, &end, 10), 0);
	CHECK(end == s);
}

int main(void)
{
	RUN_TEST(test_integers_match_host_printf);
	RUN_TEST(test_flags_width_and_precision_match_host_printf);
	RUN_TEST(test_ignored_flags_match_host_printf);
	RUN_TEST(test_length_modifiers_match_host_printf);
	RUN_TEST(test_chars_and_strings_match_host_printf);
	RUN_TEST(test_star_width_and_precision_match_host_printf);
	RUN_TEST(test_random_64bit_numbers_match_host_printf);
	RUN_TEST(test_pointer_prints_0x_and_every_hex_digit);
	RUN_TEST(test_null_string_prints_null_in_parentheses);
	RUN_TEST(test_unknown_conversions_print_verbatim);
	RUN_TEST(test_vsnprintf_returns_full_length_and_terminates);
	RUN_TEST(test_huge_widths_are_clamped_not_overflowed);
	RUN_TEST(test_scnprintf_returns_chars_actually_stored);
	RUN_TEST(test_simple_strtoul_parses_bases_and_sets_end);
	return unit_summary();
}
