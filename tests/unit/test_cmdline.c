/*
 * Unit tests for lib/cmdline.c: finding "option=value" words on a kernel
 * command line, last one wins, quotes, truncation, and bare flags.
 */
#include <linux/cmdline.h>
#include <linux/string.h>
#include "unit.h"

static char value[32];

/* cmdline_find_option into value[], which is big enough unless said. */
static int find(const char *cmdline, const char *option)
{
	return cmdline_find_option(cmdline, option, value, sizeof(value));
}

static void test_find_option_copies_the_value(void)
{
	const char *cmdline = "console=ttyS0 init=/bin/sh";

	CHECK_INT(find(cmdline, "init"), 7);
	CHECK_STR(value, "/bin/sh");
	CHECK_INT(find(cmdline, "console"), 5);
	CHECK_STR(value, "ttyS0");
}

static void test_find_option_returns_minus_one_when_absent(void)
{
	strscpy(value, "keep", sizeof(value));
	CHECK_INT(find("console=ttyS0", "init"), -1);
	CHECK_STR(value, "keep");
	CHECK_INT(find("", "init"), -1);
	CHECK_INT(find(NULL, "init"), -1);
	CHECK_INT(find("init=1", ""), -1);
}

static void test_find_option_matches_whole_keys_only(void)
{
	CHECK_INT(find("initrd=0x1000", "init"), -1);
	CHECK_INT(find("xinit=1", "init"), -1);
	CHECK_INT(find("in=1", "init"), -1);
	CHECK_INT(find("root=/dev/ram init=1", "init"), 1);
}

static void test_last_occurrence_wins(void)
{
	CHECK_INT(find("console=ttyS0 console=hvc0 quiet", "console"), 4);
	CHECK_STR(value, "hvc0");
}

static void test_bare_option_returns_zero_and_empty_value(void)
{
	CHECK_INT(find("debug quiet", "debug"), 0);
	CHECK_STR(value, "");
	CHECK_INT(find("debug=2 debug", "debug"), 0);
	CHECK_INT(find("loglevel= x", "loglevel"), 0);
}

static void test_value_is_truncated_but_full_length_returned(void)
{
	const char *cmdline = "init=/sbin/init";
	char small[5];

	CHECK_INT(cmdline_find_option(cmdline, "init", small, 5), 10);
	CHECK_STR(small, "/sbi");
	CHECK_INT(cmdline_find_option(cmdline, "init", small, 1), 10);
	CHECK_STR(small, "");
	CHECK_INT(cmdline_find_option(cmdline, "init", NULL, 0), 10);
}

static void test_quoted_values_keep_their_spaces(void)
{
	CHECK_INT(find("init=\"/bin/my prog\" quiet", "init"), 12);
	CHECK_STR(value, "/bin/my prog");
	CHECK_INT(find("\"init=/bin/my prog\" x=1", "init"), 12);
	CHECK_STR(value, "/bin/my prog");
	CHECK_INT(find("a=\"x y\" b=\"1 2\"", "b"), 3);
	CHECK_STR(value, "1 2");
	/* An unmatched quote runs to the end of the line. */
	CHECK_INT(find("init=\"/bin/sh quiet", "init"), 13);
	CHECK_STR(value, "/bin/sh quiet");
}

static void test_any_whitespace_separates_words(void)
{
	CHECK_INT(find("  a=1\tinit=x\n b=2  ", "init"), 1);
	CHECK_STR(value, "x");
	CHECK_INT(find("a=1   b=22   ", "b"), 2);
	CHECK_STR(value, "22");
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
