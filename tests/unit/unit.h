/*
 * A tiny assertion library for the host unit tests of lib/. CHECK* macros
 * print file:line, the test and the values when they fail and keep going,
 * so one run shows every failure; unit_summary() prints "N checks, M
 * failed" and gives main its exit status.
 *
 *	int main(void)
 *	{
 *		RUN_TEST(test_strlen_counts_bytes_before_nul);
 *		return unit_summary();
 *	}
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>

static int unit_checks, unit_failures;
static const char *unit_test = "?";

/* Record one check; on failure say where and which test it was. Returns
 * whether it passed so a test can stop early when later checks would be
 * meaningless. */
static inline int unit_check(int ok, const char *file, int line,
			     const char *what)
{
	unit_checks++;
	if (!ok) {
		unit_failures++;
		printf("%s:%d: %s: FAILED: %s\n", file, line, unit_test, what);
	}
	return ok;
}

#define CHECK(cond) unit_check(!!(cond), __FILE__, __LINE__, #cond)

#define CHECK_INT(a, b)                                              \
	({                                                           \
		long long _a = (long long)(a), _b = (long long)(b);  \
		int _ok = unit_check(_a == _b, __FILE__, __LINE__,   \
				     #a " == " #b);                  \
		if (!_ok)                                            \
			printf("\tgot %lld (0x%llx), expected %lld " \
			       "(0x%llx)\n",                         \
			       _a, (unsigned long long)_a, _b,       \
			       (unsigned long long)_b);              \
		_ok;                                                 \
	})

#define CHECK_STR(a, b)                                                        \
	({                                                                     \
		const char *_a = (a), *_b = (b);                               \
		int _ok = unit_check(_a && _b && unit_streq(_a, _b), __FILE__, \
				     __LINE__, #a " == " #b);                  \
		if (!_ok)                                                      \
			printf("\tgot \"%s\", expected \"%s\"\n",              \
			       _a ? _a : "(NULL)", _b ? _b : "(NULL)");        \
		_ok;                                                           \
	})

/* Our own comparison, so a broken lib/string.c cannot hide its bugs. */
static inline int unit_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

#define RUN_TEST(fn)             \
	do {                     \
		unit_test = #fn; \
		fn();            \
	} while (0)

static inline int unit_summary(void)
{
	printf("%d checks, %d failed\n", unit_checks, unit_failures);
	return unit_failures != 0;
}

#endif
