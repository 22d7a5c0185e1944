/*
 * Unit tests for lib/cmdline.c: finding "option=value" words on a kernel
 * command line, last one wins, quotes, truncation, and bare flags.
 */
#include <linux/cmdline.h>
#include <linux/string.h>
#include "unit.h"

static void test_find_option_copies_the_value(void)
{
	char buf[32];

	CHECK_INT(cmdline_find_option("console=ttyS0 init=/bin/sh", "init",
				      buf, sizeof(buf)), 7);
	CHECK_STR(buf, "/bin/sh");
	CHECK_INT(cmdline_find_option("console=ttyS0 init=/bin/sh", "console",
				      buf, sizeof(buf)), 5);
	CHECK_STR(buf, "ttyS0");
}

static void test_find_option_returns_minus_one_when_absent(void)
{
	char buf[8] = "keep";

	CHECK_INT(cmdline_find_option("console=ttyS0", "init", buf,
				      sizeof(buf)), -1);
	CHECK_STR(buf, "keep");
	CHECK_INT(cmdline_find_option("", "init", buf, sizeof(buf)), -1);
	CHECK_INT(cmdline_find_option(NULL, "init", buf, sizeof(buf)), -1);
}

static void test_find_option_matches_whole_keys_only(void)
{
	char buf[16];

	CHECK_INT(cmdline_find_option("initrd=0x1000", "init", buf,
				      sizeof(buf)), -1);
	CHECK_INT(cmdline_find_option("xinit=1", "init", buf, sizeof(buf)),
		  -1);
	CHECK_INT(cmdline_find_option("in=1", "init", buf, sizeof(buf)), -1);
	CHECK_INT(cmdline_find_option("root=/dev/ram init=1", "init", buf,
				      sizeof(buf)), 1);
}

static void test_last_occurrence_wins(void)
{
	char buf[16];

	CHECK_INT(cmdline_find_option("console=ttyS0 console=hvc0 quiet",
				      "console", buf, sizeof(buf)), 4);
	CHECK_STR(buf, "hvc0");
}

static void test_bare_option_returns_zero_and_empty_value(void)
{
	char buf[16];

	CHECK_INT(cmdline_find_option("debug quiet", "debug", buf,
				      sizeof(buf)), 0);
	CHECK_STR(buf, "");
	CHECK_INT(cmdline_find_option("debug=2 debug", "debug", buf,
				      sizeof(buf)), 0);
	CHECK_INT(cmdline_find_option("loglevel= x", "loglevel", buf,
				      sizeof(buf)), 0);
}

static void test_value_is_truncated_but_full_length_returned(void)
{
	char buf[5];

	CHECK_INT(cmdline_find_option("init=/sbin/init", "init", buf,
				      sizeof(buf)), 10);
	CHECK_STR(buf, "/sbi");
	CHECK_INT(cmdline_find_option("init=/sbin/init", "init", buf, 1), 10);
	CHECK_STR(buf, "");
	CHECK_INT(cmdline_find_option("init=/sbin/init", "init", NULL, 0), 10);
}

static void test_quoted_values_keep_their_spaces(void)
{
	char buf[32];

	CHECK_INT(cmdline_find_option("init=\"/bin/my prog\" quiet", "init",
				      buf, sizeof(buf)), 12);
	CHECK_STR(buf, "/bin/my prog");
	CHECK_INT(cmdline_find_option("\"init=/bin/my prog\" x=1", "init",
				      buf, sizeof(buf)), 12);
	CHECK_STR(buf, "/bin/my prog");
	CHECK_INT(cmdline_find_option("a=\"x y\" b=\"1 2\"", "b", buf,
				      sizeof(buf)), 3);
	CHECK_STR(buf, "1 2");
	/* An unmatched quote runs to the end of the line. */
	CHECK_INT(cmdline_find_option("init=\"/bin/sh quiet", "init", buf,
				      sizeof(buf)), 13);
	CHECK_STR(buf, "/bin/sh quiet");
}

static void test_any_whitespace_separates_words(void)
{
	char buf[16];

	CHECK_INT(cmdline_find_option("  a=1\tinit=x\n b=2  ", "init", buf,
				      sizeof(buf)), 1);
	CHECK_STR(buf, "x");
	CHECK_INT(cmdline_find_option("a=1   b=22   ", "b", buf, sizeof(buf)),
		  2);
	CHECK_STR(buf, "22");
}

static void test_find_option_bool_wants_a_bare_word(void)
{
	const char *cmdline = "console=ttyS0 quiet debug=1 \"loud\"";

	CHECK(cmdline_find_option_bool(cmdline, "quiet"));
	CHECK(cmdline_find_option_bool(cmdline, "loud"));
	CHECK(!cmdline_find_option_bool(cmdline, "debug"));
	CHECK(!cmdline_find_option_bool(cmdline, "console"));
	CHECK(!cmdline_find_option_bool(cmdline, "qui"));
	CHECK(!cmdline_find_option_bool(cmdline, "quieter"));
	CHECK(!cmdline_find_option_bool(NULL, "quiet"));
	CHECK(!cmdline_find_option_bool("quiet", ""));
}

int main(void)
{
	RUN_TEST(test_find_option_copies_the_value);
	RUN_TEST(test_find_option_returns_minus_one_when_absent);
	RUN_TEST(test_find_option_matches_whole_keys_only);
	RUN_TEST(test_last_occurrence_wins);
	RUN_TEST(test_bare_option_returns_zero_and_empty_value);
	RUN_TEST(test_value_is_truncated_but_full_length_returned);
	RUN_TEST(test_quoted_values_keep_their_spaces);
	RUN_TEST(test_any_whitespace_separates_words);
	RUN_TEST(test_find_option_bool_wants_a_bare_word);
	return unit_summary();
}
