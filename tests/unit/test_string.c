/*
 * Unit tests for lib/string.c: every length and alignment for the memory
 * functions, unsigned ordering for comparisons, and strscpy's truncation.
 */
#include <stdlib.h>
#include <linux/errno.h>
#include <linux/string.h>
#include "unit.h"

#define GUARD 0xa5

static void test_memset_fills_exactly_n_bytes_at_any_alignment(void)
{
	unsigned char buf[64];
	int off, n, i, bad = 0;

	for (off = 0; off < 9; off++) {
		for (n = 0; n < 40; n++) {
			for (i = 0; i < 64; i++)
				buf[i] = GUARD;
			if (memset(buf + off, 0x3c, n) != buf + off)
				bad++;
			for (i = 0; i < 64; i++) {
				int inside = i >= off && i < off + n;

				if (buf[i] != (inside ? 0x3c : GUARD))
					bad++;
			}
		}
	}
	CHECK_INT(bad, 0);
}

static void test_memset_uses_only_low_byte_of_value(void)
{
	unsigned char buf[16];

	memset(buf, 0x1ff, sizeof(buf));
	CHECK_INT(buf[0], 0xff);
	CHECK_INT(buf[15], 0xff);
}

static void test_memcpy_copies_exactly_n_bytes_at_any_alignment(void)
{
	unsigned char src[64], dst[64];
	int soff, doff, n, i, bad = 0;

	for (i = 0; i < 64; i++)
		src[i] = i + 1;
	for (soff = 0; soff < 9; soff++) {
		for (doff = 0; doff < 9; doff++) {
			for (n = 0; n < 40; n++) {
				for (i = 0; i < 64; i++)
					dst[i] = GUARD;
				if (memcpy(dst + doff, src + soff, n) !=
				    dst + doff)
					bad++;
				for (i = 0; i < 64; i++) {
					int in = i >= doff && i < doff + n;
					int want = in ? src[soff + i - doff] :
							GUARD;

					if (dst[i] != want)
						bad++;
				}
			}
		}
	}
	CHECK_INT(bad, 0);
}

static void test_memmove_handles_overlap_in_both_directions(void)
{
	char buf[16];

	memcpy(buf, "abcdefghij", 11);
	memmove(buf + 2, buf, 5); /* forward overlap */
	CHECK_STR(buf, "ababcdehij");

	memcpy(buf, "abcdefghij", 11);
	memmove(buf, buf + 3, 5); /* backward overlap */
	CHECK_STR(buf, "defghfghij");

	memcpy(buf, "abcdefghij", 11);
	CHECK(memmove(buf, buf, 10) == buf);
	CHECK_STR(buf, "abcdefghij");
}

static void test_memcmp_orders_bytes_as_unsigned(void)
{
	CHECK_INT(memcmp("abc", "abc", 3), 0);
	CHECK(memcmp("abc", "abd", 3) < 0);
	CHECK(memcmp("abd", "abc", 3) > 0);
	CHECK(memcmp("\x80", "\x7f", 1) > 0);
	CHECK_INT(memcmp("abc", "abd", 2), 0);
	CHECK_INT(memcmp("x", "y", 0), 0);
}

static void test_memchr_finds_first_match_within_n_only(void)
{
	const char *s = "hello\0world";

	CHECK(memchr(s, 'l', 11) == s + 2);
	CHECK(memchr(s, 'w', 11) == s + 6);
	CHECK(memchr(s, '\0', 11) == s + 5);
	CHECK(memchr(s, 'w', 5) == NULL);
	CHECK(memchr("\xff", 0xff, 1) != NULL);
	CHECK(memchr(s, 'h', 0) == NULL);
}

static void test_strlen_and_strnlen_stop_at_nul_or_limit(void)
{
	char *noterm = malloc(5); /* no NUL: ASan catches an over-read */

	memcpy(noterm, "abcde", 5);
	CHECK_INT(strlen(""), 0);
	CHECK_INT(strlen("clonix"), 6);
	CHECK_INT(strnlen("clonix", 3), 3);
	CHECK_INT(strnlen("clonix", 100), 6);
	CHECK_INT(strnlen(noterm, 5), 5);
	CHECK_INT(strnlen(noterm, 0), 0);
	free(noterm);
}

static void test_strcmp_and_strncmp_order_as_unsigned(void)
{
	CHECK_INT(strcmp("", ""), 0);
	CHECK_INT(strcmp("abc", "abc"), 0);
	CHECK(strcmp("abc", "abd") < 0);
	CHECK(strcmp("abc", "ab") > 0);
	CHECK(strcmp("ab", "abc") < 0);
	CHECK(strcmp("\xe9", "e") > 0);
	CHECK_INT(strncmp("abcX", "abcY", 3), 0);
	CHECK(strncmp("abcX", "abcY", 4) < 0);
	CHECK_INT(strncmp("ab", "ab", 10), 0);
	CHECK_INT(strncmp("a", "b", 0), 0);
}

static void test_strchr_and_strrchr_find_first_and_last(void)
{
	const char *s = "/soc/serial@10000000";

	CHECK(strchr(s, '/') == s);
	CHECK(strrchr(s, '/') == s + 4);
	CHECK(strchr(s, '@') == s + 11);
	CHECK(strchr(s, 'z') == NULL);
	CHECK(strrchr(s, 'z') == NULL);
	CHECK(strchr(s, '\0') == s + 20);
	CHECK(strrchr(s, '\0') == s + 20);
}

static void test_strstr_finds_first_occurrence(void)
{
	const char *s = "console=ttyS0 console=hvc0";

	CHECK(strstr(s, "console") == s);
	CHECK(strstr(s, "hvc") == s + 22);
	CHECK(strstr(s, "ttyS1") == NULL);
	CHECK(strstr(s, "") == s);
	CHECK(strstr("", "") != NULL);
	CHECK(strstr("ab", "abc") == NULL);
}

static void test_strscpy_copies_and_always_terminates(void)
{
	char buf[8];

	CHECK_INT(strscpy(buf, "init", sizeof(buf)), 4);
	CHECK_STR(buf, "init");
	CHECK_INT(strscpy(buf, "1234567", sizeof(buf)), 7);
	CHECK_STR(buf, "1234567");
}

static void test_strscpy_returns_e2big_when_truncating(void)
{
	char buf[8];

	CHECK_INT(strscpy(buf, "12345678", sizeof(buf)), -E2BIG);
	CHECK_STR(buf, "1234567");
	CHECK_INT(strscpy(buf, "abc", 1), -E2BIG);
	CHECK_STR(buf, "");
	buf[0] = 'x';
	CHECK_INT(strscpy(buf, "abc", 0), -E2BIG);
	CHECK_INT(buf[0], 'x');
}

int main(void)
{
	RUN_TEST(test_memset_fills_exactly_n_bytes_at_any_alignment);
	RUN_TEST(test_memset_uses_only_low_byte_of_value);
	RUN_TEST(test_memcpy_copies_exactly_n_bytes_at_any_alignment);
	RUN_TEST(test_memmove_handles_overlap_in_both_directions);
	RUN_TEST(test_memcmp_orders_bytes_as_unsigned);
	RUN_TEST(test_memchr_finds_first_match_within_n_only);
	RUN_TEST(test_strlen_and_strnlen_stop_at_nul_or_limit);
	RUN_TEST(test_strcmp_and_strncmp_order_as_unsigned);
	RUN_TEST(test_strchr_and_strrchr_find_first_and_last);
	RUN_TEST(test_strstr_finds_first_occurrence);
	RUN_TEST(test_strscpy_copies_and_always_terminates);
	RUN_TEST(test_strscpy_returns_e2big_when_truncating);
	return unit_summary();
}
