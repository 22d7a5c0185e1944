/*
 * 64-bit division on i386. The core divides u64 and s64 values freely (it
 * is written on a 64-bit machine too); on i386 GCC turns each such / or %
 * into a call to libgcc's __udivdi3 and friends, and the kernel does not
 * link libgcc. So here they are, with libgcc's names and meaning.
 *
 * The CPU's divl divides 64 bits (edx:eax) by 32, so a divisor that fits
 * in 32 bits takes two divl steps, as Linux's do_div does; a wider one is
 * rare and done one bit at a time.
 */
#include <linux/types.h>

u64 __udivmoddi4(u64 n, u64 d, u64 *rem);
u64 __udivdi3(u64 n, u64 d);
u64 __umoddi3(u64 n, u64 d);
s64 __divdi3(s64 n, s64 d);
s64 __moddi3(s64 n, s64 d);

u64 __udivmoddi4(u64 n, u64 d, u64 *rem)
{
	u64 q = 0, r = 0;
	int i;

	if (!(d >> 32)) {
		u32 div = d, hi = n >> 32, lo = n, qlo, rlo;

		/* High word first; then divl sees edx = hi % div < div, so
		 * the low quotient fits in 32 bits. */
		__asm__("divl %4"
			: "=a"(qlo), "=d"(rlo)
			: "a"(lo), "d"(hi % div), "rm"(div));
		q = (u64)(hi / div) << 32 | qlo;
		r = rlo;
	} else {
		for (i = 63; i >= 0; i--) {
			r = r << 1 | ((n >> i) & 1);
			if (r >= d) {
				r -= d;
				q |= 1ULL << i;
			}
		}
	}
	if (rem)
		*rem = r;
	return q;
}

u64 __udivdi3(u64 n, u64 d)
{
	return __udivmoddi4(n, d, NULL);
}

u64 __umoddi3(u64 n, u64 d)
{
	u64 r;

	__udivmoddi4(n, d, &r);
	return r;
}

/* C rounds toward zero: the quotient is negative when the signs differ,
 * the remainder has the dividend's sign. */
s64 __divdi3(s64 n, s64 d)
{
	u64 q = __udivmoddi4(n < 0 ? -(u64)n : (u64)n,
			     d < 0 ? -(u64)d : (u64)d, NULL);

	return (n < 0) != (d < 0) ? -(s64)q : (s64)q;
}

s64 __moddi3(s64 n, s64 d)
{
	u64 r;

	__udivmoddi4(n < 0 ? -(u64)n : (u64)n, d < 0 ? -(u64)d : (u64)d, &r);
	return n < 0 ? -(s64)r : (s64)r;
}
