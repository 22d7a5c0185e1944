/*
 * Kernel command line parsing (include/linux/cmdline.h). The line is split
 * into words at spaces outside double quotes; each word is "key" or
 * "key=value", and the quote characters themselves are not part of either.
 * Nothing is modified or allocated, so this works before memory is set up.
 */
#include <linux/cmdline.h>
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/string.h>

/* Find the next word at or after p and store where it ends in *end;
 * returns NULL when only spaces are left. Spaces inside "..." do not end
 * a word, and an unmatched quote runs to the end of the line. */
static const char *next_word(const char *p, const char **end)
{
	bool quoted = false;

	while (isspace(*p))
		p++;
	if (!*p)
		return NULL;
	for (*end = p; **end && (quoted || !isspace(**end)); (*end)++) {
		if (**end == '"')
			quoted = !quoted;
	}
	return p;
}

/*
 * Does the word [p, end) have option as its key? Returns NULL if not;
 * otherwise a pointer to its '=' or, for a bare word, end.
 */
static const char *match_key(const char *p, const char *end, const char *option)
{
	while (p < end && *option) {
		if (*p == '"') {
			p++;
			continue;
		}
		if (*p++ != *option++)
			return NULL;
	}
	while (p < end && *p == '"')
		p++;
	if (*option || (p < end && *p != '='))
		return NULL;
	return p;
}

int cmdline_find_option(const char *cmdline, const char *option, char *buf,
			int bufsize)
{
	const char *word, *end, *p;
	int len = -1;

	if (!cmdline || !*option)
		return -1;
	for (p = cmdline; (word = next_word(p, &end)); p = end) {
		const char *eq = match_key(word, end, option);

		if (!eq)
			continue;
		/* A later occurrence overrides an earlier one. */
		len = 0;
		if (eq < end)
			eq++; /* skip the '=' */
		for (; eq < end; eq++) {
			if (*eq == '"')
				continue;
			if (len < bufsize - 1)
				buf[len] = *eq;
			len++;
		}
		if (bufsize > 0)
			buf[min(len, bufsize - 1)] = '\0';
	}
	return len;
}

bool cmdline_find_option_bool(const char *cmdline, const char *option)
{
	const char *word, *end, *p;

	if (!cmdline || !*option)
		return false;
	for (p = cmdline; (word = next_word(p, &end)); p = end) {
		const char *eq = match_key(word, end, option);

		if (eq && eq == end)
			return true;
	}
	return false;
}
