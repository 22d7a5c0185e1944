/*
 * Formatted output for the kernel: vsnprintf() and its wrappers, a C99
 * printf subset (no floating point) where %p prints a full-width address,
 * plus simple_strtoul(). Linux keeps the same things in lib/vsprintf.c.
 *
 * Numbers are converted with do_div(), which needs only 32-bit division, so
 * the i386 kernel does not depend on libgcc's __udivdi3/__umoddi3.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>

/* Flags of one conversion, with the names Linux uses. */
#define ZEROPAD 1 /* '0': pad numbers with zeros */
#define SIGN 2 /* signed conversion (%d, %i) */
#define PLUS 4 /* '+': show a plus sign on positive numbers */
#define SPACE 8 /* ' ': show a space on positive numbers */
#define LEFT 16 /* '-': left-justify in the field */
#define SMALL 32 /* lower-case hex digits and "0x" */
#define SPECIAL 64 /* '#': "0x" before hex, a leading 0 for octal */

/* Silly widths are clamped, as in Linux, so lengths cannot overflow. */
#define FIELD_WIDTH_MAX ((1 << 23) - 1)
#define PRECISION_MAX ((1 << 15) - 1)

/* One parsed conversion, e.g. "%-08.3lx". */
struct printf_spec {
	unsigned int flags;
	unsigned int base;
	int field_width; /* -1 when not given */
	int precision; /* -1 when not given */
	char qualifier; /* 'H' hh, 'h', 'l', 'q' ll/j, 'z', 't' or 0 */
};

/* Where output goes. Characters past size - 1 are counted but not stored,
 * so vsnprintf can report how long the whole output would have been. */
struct outbuf {
	char *buf;
	size_t size;
	size_t len;
};

static void put_char(struct outbuf *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_repeat(struct outbuf *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

/*
 * Divide *n by base in place and return the remainder. The high word is
 * divided with a 32-bit division; the rest is schoolbook long division one
 * bit at a time, so no 64-by-64-bit division (a libgcc call on i386) is used.
 */
static u32 do_div(u64 *n, u32 base)
{
	u32 high = (u32)(*n >> 32), low = (u32)*n;
	u32 qhigh, qlow = 0;
	u64 rem;
	int bit;

	if (high == 0) {
		*n = low / base;
		return low % base;
	}
	qhigh = high / base;
	rem = high % base;
	for (bit = 31; bit >= 0; bit--) {
		rem = (rem << 1) | ((low >> bit) & 1);
		if (rem >= base) {
			rem -= base;
			qlow |= 1U << bit;
		}
	}
	*n = ((u64)qhigh << 32) | qlow;
	return (u32)rem;
}

/* Print num according to spec: sign or "0x" prefix, zeros for precision,
 * padding to the field width, in C's order. */
static void put_number(struct outbuf *out, u64 num, struct printf_spec spec)
{
	const char *digits =
		(spec.flags & SMALL) ? "0123456789abcdef" : "0123456789ABCDEF";
	char tmp[24]; /* 22 octal digits of a u64 */
	char sign = 0;
	const char *prefix = "";
	int len = 0, prec, pad;

	if (spec.flags & SIGN) {
		if ((s64)num < 0) {
			sign = '-';
			num = -num;
		} else if (spec.flags & PLUS) {
			sign = '+';
		} else if (spec.flags & SPACE) {
			sign = ' ';
		}
	}
	if ((spec.flags & SPECIAL) && spec.base == 16 && num != 0)
		prefix = (spec.flags & SMALL) ? "0x" : "0X";

	while (num != 0)
		tmp[len++] = digits[do_div(&num, spec.base)];

	/* At least one digit unless the precision is an explicit 0. */
	prec = spec.precision < 0 ? 1 : spec.precision;
	/* '#' with octal: make sure the first digit printed is a 0. */
	if ((spec.flags & SPECIAL) && spec.base == 8 && prec <= len)
		prec = len + 1;
	if (prec < len)
		prec = len;

	pad = spec.field_width - prec - (sign ? 1 : 0) - (int)strlen(prefix);
	/* The '0' flag is ignored when a precision is given, as in C. */
	if (spec.precision >= 0)
		spec.flags &= ~ZEROPAD;

	if (!(spec.flags & (LEFT | ZEROPAD)))
		put_repeat(out, ' ', pad);
	if (sign)
		put_char(out, sign);
	while (*prefix)
		put_char(out, *prefix++);
	if (spec.flags & ZEROPAD)
		put_repeat(out, '0', pad);
	put_repeat(out, '0', prec - len);
	while (len > 0)
		put_char(out, tmp[--len]);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* %s: at most precision characters of s, padded to the field width.
 * A NULL pointer prints "(null)" rather than faulting. */
static void put_string(struct outbuf *out, const char *s,
		       struct printf_spec spec)
{
	size_t len, i;
	int pad;

	if (!s)
		s = "(null)";
	len = spec.precision < 0 ? strlen(s) : strnlen(s, spec.precision);
	pad = len < (size_t)FIELD_WIDTH_MAX ? spec.field_width - (int)len : 0;

	if (!(spec.flags & LEFT))
		put_repeat(out, ' ', pad);
	for (i = 0; i < len; i++)
		put_char(out, s[i]);
	if (spec.flags & LEFT)
		put_repeat(out, ' ', pad);
}

/* Read a decimal number from the format string (a width or precision). */
static int skip_atoi(const char **s, int max)
{
	int n = 0;

	while (isdigit(**s)) {
		if (n <= max)
			n = n * 10 + (*(*s)++ - '0');
		else
			(*s)++;
	}
	return n > max ? max : n;
}

/*
 * Parse the flags, width, precision and length modifier of a conversion;
 * fmt points just past its '%'. Returns a pointer to the conversion letter.
 */
static const char *parse_spec(const char *fmt, struct printf_spec *spec,
			      va_list *ap)
{
	spec->flags = 0;
	spec->base = 10;
	spec->field_width = -1;
	spec->precision = -1;
	spec->qualifier = 0;

	for (;; fmt++) {
		if (*fmt == '-')
			spec->flags |= LEFT;
		else if (*fmt == '+')
			spec->flags |= PLUS;
		else if (*fmt == ' ')
			spec->flags |= SPACE;
		else if (*fmt == '#')
			spec->flags |= SPECIAL;
		else if (*fmt == '0')
			spec->flags |= ZEROPAD;
		else
			break;
	}

	if (isdigit(*fmt)) {
		spec->field_width = skip_atoi(&fmt, FIELD_WIDTH_MAX);
	} else if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		/* A negative width from '*' means '-' and its magnitude. */
		if (w < 0) {
			spec->flags |= LEFT;
			w = w < -FIELD_WIDTH_MAX ? FIELD_WIDTH_MAX : -w;
		}
		spec->field_width = min(w, FIELD_WIDTH_MAX);
	}
	if (spec->flags & LEFT)
		spec->flags &= ~ZEROPAD;

	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			fmt++;
			/* A negative precision counts as none at all. */
			spec->precision = p < 0 ? -1 : min(p, PRECISION_MAX);
		} else {
			spec->precision = skip_atoi(&fmt, PRECISION_MAX);
		}
	}

	if (*fmt == 'h' || *fmt == 'l') {
		spec->qualifier = *fmt++;
		if (*fmt == spec->qualifier) {
			spec->qualifier = *fmt == 'h' ? 'H' : 'q';
			fmt++;
		}
	} else if (*fmt == 'z' || *fmt == 't') {
		spec->qualifier = *fmt++;
	} else if (*fmt == 'j') {
		spec->qualifier = 'q';
		fmt++;
	}
	return fmt;
}

/* Fetch the next integer argument with the size the length modifier says,
 * widened to 64 bits (sign-extended for a signed conversion). */
static u64 fetch_number(va_list *ap, char qualifier, bool is_signed)
{
	switch (qualifier) {
	case 'H':
		if (is_signed)
			return (s64)(signed char)va_arg(*ap, int);
		return (unsigned char)va_arg(*ap, unsigned int);
	case 'h':
		if (is_signed)
			return (s64)(short)va_arg(*ap, int);
		return (unsigned short)va_arg(*ap, unsigned int);
	case 'l':
		if (is_signed)
			return (s64)va_arg(*ap, long);
		return va_arg(*ap, unsigned long);
	case 'q':
		if (is_signed)
			return (s64)va_arg(*ap, long long);
		return va_arg(*ap, unsigned long long);
	case 'z':
	case 't':
		/* size_t and ptrdiff_t have the same width everywhere. */
		if (is_signed)
			return (s64)va_arg(*ap, ptrdiff_t);
		return va_arg(*ap, size_t);
	default:
		if (is_signed)
			return (s64)va_arg(*ap, int);
		return va_arg(*ap, unsigned int);
	}
}

/*
 * Format into buf, storing at most size bytes including the terminating NUL
 * (always written when size > 0). Returns the length the whole output would
 * have had, as C99 does, so a return value >= size means it was cut short.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf out = { buf, size, 0 };
	struct printf_spec spec;
	const char *start;
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put_char(&out, *fmt++);
			continue;
		}
		start = fmt;
		fmt = parse_spec(fmt + 1, &spec, &ap);

		switch (*fmt) {
		case 'c':
			if (!(spec.flags & LEFT))
				put_repeat(&out, ' ', spec.field_width - 1);
			put_char(&out, (char)va_arg(ap, int));
			if (spec.flags & LEFT)
				put_repeat(&out, ' ', spec.field_width - 1);
			break;
		case 's':
			put_string(&out, va_arg(ap, const char *), spec);
			break;
		case 'p':
			/* Always "0x" and every hex digit of the address. */
			put_char(&out, '0');
			put_char(&out, 'x');
			spec.flags = SMALL | ZEROPAD;
			spec.base = 16;
			spec.field_width = 2 * sizeof(void *);
			spec.precision = -1;
			put_number(&out, (uintptr_t)va_arg(ap, void *), spec);
			break;
		case '%':
			put_char(&out, '%');
			break;
		case 'd':
		case 'i':
			spec.flags |= SIGN;
			put_number(&out,
				   fetch_number(&ap, spec.qualifier, true),
				   spec);
			break;
		case 'o':
		case 'u':
		case 'x':
		case 'X':
			spec.base = *fmt == 'o' ? 8 : *fmt == 'u' ? 10 : 16;
			if (*fmt == 'x')
				spec.flags |= SMALL;
			put_number(&out,
				   fetch_number(&ap, spec.qualifier, false),
				   spec);
			break;
		default:
			/* Unknown conversion (or the format ended inside
			 * one): print it as written. */
			while (start < fmt)
				put_char(&out, *start++);
			if (!*fmt)
				continue;
			put_char(&out, *fmt);
			break;
		}
		fmt++;
	}
	va_end(ap);

	if (size > 0)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return (int)out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

/* Like snprintf, but return the number of characters actually stored in
 * buf (not counting the NUL), which is what a caller appending to buf
 * wants. */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	if ((size_t)n < size)
		return n;
	return size ? (int)(size - 1) : 0;
}

/*
 * Convert the digits at the start of cp to a number. Base 0 means: "0x"
 * selects hex, a leading "0" octal, anything else decimal; base 16 also
 * accepts a "0x" prefix. *endp (if not NULL) is set past the last digit.
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	unsigned long result = 0;
	unsigned int digit;

	if (base == 0) {
		if (cp[0] == '0' && tolower(cp[1]) == 'x' && isxdigit(cp[2]))
			base = 16;
		else if (cp[0] == '0')
			base = 8;
		else
			base = 10;
	}
	if (base == 16 && cp[0] == '0' && tolower(cp[1]) == 'x' &&
	    isxdigit(cp[2]))
		cp += 2;

	for (; isxdigit(*cp); cp++) {
		digit = isdigit(*cp) ? *cp - '0' : tolower(*cp) - 'a' + 10;
		if (digit >= base)
			break;
		result = result * base + digit;
	}
	if (endp)
		*endp = (char *)cp;
	return result;
}
