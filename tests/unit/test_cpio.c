/*
 * Unit tests for lib/cpio.c. Archives are made at test time by the host's
 * GNU cpio (`cpio -o -H newc`, as `make rootfs` does) from files in a
 * temporary directory, then read back; broken copies of them must give
 * -EINVAL, and no cut of an archive may make the reader leave the buffer.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/cpio.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "unit.h"

static char dir[] = "/tmp/clonix-cpio-XXXXXX";
static char init_data[1000];
static u8 *newc, *crc; /* the archives, in exact-size buffers */
static size_t newc_len, crc_len;

/* The archive's members, in the order they are given to cpio. */
static const char *const members = "hello.txt bin bin/init empty link";

static void write_file(const char *name, const void *data, size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	fwrite(data, 1, len, f);
	fclose(f);
}

/* Run cpio in the temporary directory and read its output into an
 * exact-size heap buffer. */
static u8 *make_archive(const char *format, size_t *lenp)
{
	char cmd[512], path[256];
	u8 *buf = NULL;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/archive.%s", dir, format);
	snprintf(cmd, sizeof(cmd),
		 "cd %s && printf '%%s\\n' %s | "
		 "cpio -o -H %s --quiet > %s",
		 dir, members, format, path);
	if (system(cmd) != 0)
		return NULL;
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc(n);
	if (fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*lenp = n;
	return buf;
}

static bool setup(void)
{
	char path[256];
	size_t i;

	if (!mkdtemp(dir))
		return false;
	for (i = 0; i < sizeof(init_data); i++)
		init_data[i] = 'a' + i % 26;
	write_file("hello.txt", "Hello, Clonix!\n", 15);
	snprintf(path, sizeof(path), "%s/bin", dir);
	mkdir(path, 0755);
	write_file("bin/init", init_data, sizeof(init_data));
	write_file("empty", "", 0);
	snprintf(path, sizeof(path), "%s/link", dir);
	if (symlink("hello.txt", path))
		return false;
	newc = make_archive("newc", &newc_len);
	crc = make_archive("crc", &crc_len);
	return newc && crc;
}

static void cleanup(void)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("could not remove %s\n", dir);
	free(newc);
	free(crc);
}

/* Read every member of an archive and check it is what setup() made. */
static void check_members(const u8 *archive, size_t len)
{
	static const char *const names[] = { "hello.txt", "bin", "bin/init",
					     "empty", "link" };
	struct cpio_entry e[5];
	char path[256];
	struct stat st;
	size_t off = 0;
	int i;

	for (i = 0; i < 5; i++) {
		if (!CHECK_INT(cpio_next(archive, len, &off, &e[i]), 1))
			return;
		CHECK_STR(e[i].name, names[i]);
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		lstat(path, &st);
		CHECK_INT(e[i].mode, st.st_mode);
		CHECK_INT(e[i].namesize, strlen(names[i]) + 1);
		CHECK_INT(((const u8 *)e[i].data - archive) % 4, 0);
	}
	CHECK_INT(cpio_next(archive, len, &off, &e[0]), 0);

	CHECK_INT(e[0].size, 15);
	CHECK(!memcmp(e[0].data, "Hello, Clonix!\n", 15));
	CHECK(S_ISREG(e[0].mode));
	CHECK(S_ISDIR(e[1].mode));
	CHECK_INT(e[1].size, 0);
	CHECK_INT(e[1].nlink, 2);
	CHECK_INT(e[2].size, sizeof(init_data));
	CHECK(!memcmp(e[2].data, init_data, sizeof(init_data)));
	CHECK_INT(e[3].size, 0);
	CHECK(S_ISLNK(e[4].mode));
	CHECK_INT(e[4].size, 9); /* a symlink's data is its target */
	CHECK(!memcmp(e[4].data, "hello.txt", 9));
	CHECK(e[0].ino != e[2].ino);
}

static void test_newc_archive_from_gnu_cpio_reads_back(void)
{
	CHECK(!memcmp(newc, "070701", 6));
	check_members(newc, newc_len);
}

static void test_crc_archive_with_070702_magic_reads_back(void)
{
	CHECK(!memcmp(crc, "070702", 6));
	check_members(crc, crc_len);
}

static void test_mtime_matches_the_file(void)
{
	char path[256];
	struct cpio_entry e;
	struct stat st;
	size_t off = 0;

	snprintf(path, sizeof(path), "%s/hello.txt", dir);
	stat(path, &st);
	CHECK_INT(cpio_next(newc, newc_len, &off, &e), 1);
	CHECK_INT(e.mtime, st.st_mtime);
}

static void test_trailer_ends_iteration_for_good(void)
{
	struct cpio_entry e;
	size_t off = 0;
	int n = 0;

	while (cpio_next(newc, newc_len, &off, &e) == 1)
		n++;
	CHECK_INT(n, 5);
	CHECK_INT(cpio_next(newc, newc_len, &off, &e), 0);
	CHECK(off < newc_len); /* cpio pads the archive after the trailer */
	CHECK_INT(cpio_next(newc, 0, &(size_t){ 0 }, &e), 0);
}

/* Offset of hex field number i (0 = c_ino ... 11 = c_namesize). */
#define FIELD(i) (6 + 8 * (i))

/* Ways to damage the first header of the newc archive: write bytes at pos. */
static const struct {
	const char *what;
	size_t pos;
	const char *bytes;
} damages[] = {
	{ "bad magic 070703", 5, "3" },
	{ "non-hex digit in c_filesize", FIELD(6) + 3, "g" },
	{ "name without its NUL", 110 + 9, "X" },
	{ "c_namesize of 0", FIELD(11), "00000000" },
	{ "c_namesize past the end", FIELD(11), "FFFFFFFF" },
	{ "c_filesize past the end", FIELD(6), "7FFFFFF0" },
};

static void test_damaged_headers_are_rejected(void)
{
	struct cpio_entry e;
	size_t i, off;
	u8 *copy = malloc(newc_len);

	for (i = 0; i < ARRAY_SIZE(damages); i++) {
		memcpy(copy, newc, newc_len);
		memcpy(copy + damages[i].pos, damages[i].bytes,
		       strlen(damages[i].bytes));
		off = 0;
		if (!CHECK_INT(cpio_next(copy, newc_len, &off, &e), -EINVAL))
			printf("\twith %s\n", damages[i].what);
	}
	free(copy);
}

/* Cut the archive at every length: each entry returned must lie inside
 * the cut buffer, and the walk must end with 0 or -EINVAL. */
static void test_every_truncation_is_read_safely(void)
{
	size_t len, off;
	int bad = 0, ret, steps;

	for (len = 0; len <= newc_len; len++) {
		u8 *cut = malloc(len ? len : 1);
		struct cpio_entry e;

		memcpy(cut, newc, len);
		off = 0;
		for (steps = 0; (ret = cpio_next(cut, len, &off, &e)) == 1;
		     steps++) {
			if ((const u8 *)e.data + e.size > cut + len ||
			    e.name + e.namesize > (const char *)e.data)
				bad++;
		}
		if ((ret != 0 && ret != -EINVAL) || steps > 5)
			bad++;
		free(cut);
	}
	CHECK_INT(bad, 0);
}

int main(void)
{
	if (!CHECK(setup())) {
		printf("could not build archives with cpio in %s: "
		       "is cpio installed?\n",
		       dir);
		return unit_summary();
	}
	RUN_TEST(test_newc_archive_from_gnu_cpio_reads_back);
	RUN_TEST(test_crc_archive_with_070702_magic_reads_back);
	RUN_TEST(test_mtime_matches_the_file);
	RUN_TEST(test_trailer_ends_iteration_for_good);
	RUN_TEST(test_damaged_headers_are_rejected);
	RUN_TEST(test_every_truncation_is_read_safely);
	cleanup();
	return unit_summary();
}
