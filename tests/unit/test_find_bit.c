/*
 * Unit tests for lib/find_bit.c and include/linux/bitops.h, checked
 * against a bit-by-bit search: every offset of bitmaps whose size is not
 * a whole number of words, empty, full and with single bits, as the fd
 * table uses them (find_next_zero_bit over open_fds).
 */
#include <linux/bitops.h>
#include "unit.h"

#define NBITS (3 * BITS_PER_LONG + 7)

/* The first bit at or after offset equal to want, one bit at a time. */
static unsigned long slow_find(const unsigned long *map, unsigned long size,
			       unsigned long offset, int want)
{
	for (; offset < size; offset++)
		if (test_bit(offset, map) == want)
			return offset;
	return size;
}

/* Every size and offset of map against slow_find; the failures. */
static int compare_all(const unsigned long *map)
{
	unsigned long size, off;
	int bad = 0;

	for (size = 0; size <= NBITS; size++)
		for (off = 0; off <= size + 1; off++) {
			bad += find_next_bit(map, size, off) !=
			       slow_find(map, size, off, 1);
			bad += find_next_zero_bit(map, size, off) !=
			       slow_find(map, size, off, 0);
		}
	return bad;
}

static void test_set_clear_and_test_bit_touch_one_bit(void)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };

	__set_bit(BITS_PER_LONG + 3, map);
	CHECK(test_bit(BITS_PER_LONG + 3, map));
	CHECK_INT(map[1], 1UL << 3);
	CHECK_INT(map[0] | map[2] | map[3], 0);
	__clear_bit(BITS_PER_LONG + 3, map);
	CHECK_INT(map[1], 0);
	CHECK_INT(__ffs(1UL << (BITS_PER_LONG - 1)), BITS_PER_LONG - 1);
	CHECK_INT(__ffs(6), 1);
}

static void test_empty_and_full_bitmaps(void)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };
	unsigned int i;

	CHECK_INT(find_next_bit(map, NBITS, 0), NBITS);
	CHECK_INT(find_next_zero_bit(map, NBITS, 5), 5);
	CHECK_INT(compare_all(map), 0);
	for (i = 0; i < BITS_TO_LONGS(NBITS); i++)
		map[i] = ~0UL;
	CHECK_INT(find_next_zero_bit(map, NBITS, 0), NBITS);
	CHECK_INT(find_next_bit(map, NBITS, NBITS + 3), NBITS);
	CHECK_INT(compare_all(map), 0);
}

static void test_every_single_bit_is_found_from_every_offset(void)
{
	unsigned long map[BITS_TO_LONGS(NBITS)];
	unsigned int bit, i, bad = 0;

	for (bit = 0; bit < NBITS; bit++) {
		for (i = 0; i < BITS_TO_LONGS(NBITS); i++)
			map[i] = 0;
		__set_bit(bit, map);
		bad += compare_all(map);
		for (i = 0; i < BITS_TO_LONGS(NBITS); i++)
			map[i] = ~map[i];
		bad += compare_all(map);
	}
	CHECK_INT(bad, 0);
}

int main(void)
{
	RUN_TEST(test_set_clear_and_test_bit_touch_one_bit);
	RUN_TEST(test_empty_and_full_bitmaps);
	RUN_TEST(test_every_single_bit_is_found_from_every_offset);
	return unit_summary();
}
