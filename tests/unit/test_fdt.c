/*
 * Unit tests for lib/fdt.c. The main subject is a real device tree, the one
 * QEMU's "virt" machine hands the kernel (data/qemu-virt-riscv64.dtb, made
 * with: qemu-system-riscv64 -M virt -m 128M -nographic
 * -machine dumpdtb=FILE). Then hand-built malicious blobs, and fuzzing:
 * truncated blocks and single-byte corruptions of the real blob must give
 * errors or results inside the blob, never an ASan report or a hang.
 */
#include <stdlib.h>
#include <linux/errno.h>
#include <linux/fdt.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "unit.h"

#define QEMU_VIRT_DTB UNIT_DATA_DIR "/qemu-virt-riscv64.dtb"

static u8 *dtb; /* the QEMU blob, in an exact-size heap buffer */
static u32 dtb_size;

/* Read a whole file into an exact-size heap buffer. */
static u8 *load_file(const char *path, u32 *sizep)
{
	FILE *f = fopen(path, "rb");
	u8 *buf;
	long n;

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
	*sizep = n;
	return buf;
}

/* Value of property name at path, as a number of ncells cells. */
static u64 prop_cells(const char *path, const char *name, int ncells)
{
	int node = fdt_path_offset(dtb, path), len;
	const void *p = fdt_getprop(dtb, node, name, &len);

	if (!p || len < 4 * ncells)
		return ~0ULL;
	return fdt_read_cells(p, ncells);
}

static void test_qemu_virt_dtb_has_a_valid_header(void)
{
	CHECK_INT(fdt_check_header(dtb, dtb_size), 0);
	CHECK_INT(fdt_totalsize(dtb), dtb_size);
	CHECK_INT(fdt_check_header(dtb, 0), 0); /* size unknown at boot */
}

static void test_memory_node_is_128mib_at_0x80000000(void)
{
	int mem = fdt_path_offset(dtb, "/memory@80000000"), ac, sc, len;
	const u8 *reg;

	CHECK(mem > 0);
	CHECK_INT(fdt_path_offset(dtb, "/memory"), mem);
	ac = fdt_address_cells(dtb, 0); /* the root's cells size /memory */
	sc = fdt_size_cells(dtb, 0);
	CHECK_INT(ac, 2);
	CHECK_INT(sc, 2);
	reg = fdt_getprop(dtb, mem, "reg", &len);
	if (!CHECK(reg != NULL) || !CHECK_INT(len, 4 * (ac + sc)))
		return;
	CHECK_INT(fdt_read_cells(reg, ac), 0x80000000);
	CHECK_INT(fdt_read_cells(reg + 4 * ac, sc), 0x8000000);
	CHECK_STR(fdt_getprop(dtb, mem, "device_type", NULL), "memory");
}

static void test_cpus_timebase_frequency_is_10mhz(void)
{
	CHECK_INT(prop_cells("/cpus", "timebase-frequency", 1), 10000000);
	CHECK_STR(fdt_getprop(dtb, fdt_path_offset(dtb, "/cpus/cpu@0"),
			      "mmu-type", NULL),
		  "riscv,sv48");
}

static void test_ns16550a_uart_is_at_0x10000000_with_irq_10(void)
{
	int uart = fdt_node_offset_by_compatible(dtb, -1, "ns16550a");
	int soc = fdt_path_offset(dtb, "/soc");
	const void *reg, *irq;
	int len;

	if (!CHECK(uart > 0))
		return;
	CHECK_STR(fdt_get_name(dtb, uart, NULL), "serial@10000000");
	CHECK_INT(fdt_parent_offset(dtb, uart), soc);
	CHECK_INT(fdt_address_cells(dtb, soc), 2);
	reg = fdt_getprop(dtb, uart, "reg", &len);
	if (CHECK(reg != NULL) && CHECK_INT(len, 16)) {
		CHECK_INT(fdt_read_cells(reg, 2), 0x10000000);
		CHECK_INT(fdt_read_cells((const u8 *)reg + 8, 2), 0x100);
	}
	irq = fdt_getprop(dtb, uart, "interrupts", &len);
	if (CHECK(irq != NULL) && CHECK_INT(len, 4))
		CHECK_INT(fdt_read_cells(irq, 1), 10);
	/* Only one UART: the search from it finds nothing more. */
	CHECK_INT(fdt_node_offset_by_compatible(dtb, uart, "ns16550a"),
		  -ENOENT);
}

static void test_chosen_stdout_path_leads_to_the_uart(void)
{
	int chosen = fdt_path_offset(dtb, "/chosen"), len;
	const char *path = fdt_getprop(dtb, chosen, "stdout-path", &len);

	if (!CHECK(path != NULL))
		return;
	CHECK_INT(len, strlen(path) + 1);
	CHECK_INT(fdt_path_offset(dtb, path),
		  fdt_node_offset_by_compatible(dtb, -1, "ns16550a"));
}

static void test_plic_interrupt_controller_exists(void)
{
	int plic = fdt_node_offset_by_compatible(dtb, -1, "riscv,plic0");

	if (plic < 0)
		plic = fdt_node_offset_by_compatible(dtb, -1,
						     "sifive,plic-1.0.0");
	CHECK(plic > 0);
	CHECK_INT(fdt_node_check_compatible(dtb, plic, "sifive,plic-1.0.0"), 0);
	CHECK_INT(fdt_node_check_compatible(dtb, plic, "riscv,plic0"), 0);
	CHECK_INT(fdt_node_check_compatible(dtb, plic, "riscv,plic"), 1);
	CHECK(fdt_getprop(dtb, plic, "interrupt-controller", NULL) != NULL);
	CHECK_INT(fdt_address_cells(dtb, plic), 0);
}

static void test_compatible_search_finds_all_eight_virtio_devices(void)
{
	int node, n = 0;

	for (node = fdt_node_offset_by_compatible(dtb, -1, "virtio,mmio");
	     node >= 0;
	     node = fdt_node_offset_by_compatible(dtb, node, "virtio,mmio"))
		n++;
	CHECK_INT(n, 8);
	CHECK_INT(node, -ENOENT);
	CHECK_INT(fdt_node_offset_by_compatible(dtb, -1, "no,such-device"),
		  -ENOENT);
}

static void test_subnodes_of_root_come_in_document_order(void)
{
	static const char *const names[] = {
		"pmu",
		"fw-cfg@10100000",
		"flash@20000000",
		"chosen",
		"poweroff",
		"reboot",
		"platform-bus@4000000",
		"memory@80000000",
		"cpus",
		"soc",
	};
	size_t i = 0;
	int node, ok = 1;

	fdt_for_each_subnode(node, dtb, 0) {
		if (i >= ARRAY_SIZE(names) ||
		    !unit_streq(fdt_get_name(dtb, node, NULL), names[i]))
			ok = 0;
		i++;
	}
	CHECK(ok);
	CHECK_INT(i, ARRAY_SIZE(names));
	CHECK_INT(node, -ENOENT);
	CHECK_STR(fdt_get_name(dtb, 0, NULL), "");
	/* A leaf has no subnodes. */
	CHECK_INT(fdt_first_subnode(dtb, fdt_path_offset(dtb, "/chosen")),
		  -ENOENT);
}

static void test_walk_visits_every_node_with_its_depth(void)
{
	int node, depth = 0, nodes = 0, max_depth = 0;

	for (node = fdt_next_node(dtb, -1, &depth); node >= 0;
	     node = fdt_next_node(dtb, node, &depth)) {
		nodes++;
		max_depth = max(max_depth, depth);
	}
	CHECK_INT(node, -ENOENT);
	/* Root + 10 children + cpus' 5 + soc's 14 (see the .dts). */
	CHECK_INT(nodes, 30);
	/* Root is depth 1 here; cpu-map/cluster0/core0 is 5. */
	CHECK_INT(max_depth, 5);
}

static void test_walk_from_a_node_stays_inside_its_subtree(void)
{
	int cpus = fdt_path_offset(dtb, "/cpus"), node, depth = 0, n = 0;

	/* cpu@0, its interrupt-controller, cpu-map, cluster0, core0. */
	for (node = fdt_next_node(dtb, cpus, &depth); node >= 0;
	     node = fdt_next_node(dtb, node, &depth))
		n++;
	CHECK_INT(n, 5);
	CHECK_INT(node, -ENOENT);
	CHECK_INT(depth, -1);
}

static void test_parent_offset_climbs_one_level(void)
{
	int intc = fdt_path_offset(dtb, "/cpus/cpu@0/interrupt-controller");
	int cpu0 = fdt_path_offset(dtb, "/cpus/cpu@0");
	int cpus = fdt_path_offset(dtb, "/cpus");

	CHECK(intc > 0);
	CHECK_INT(fdt_parent_offset(dtb, intc), cpu0);
	CHECK_INT(fdt_parent_offset(dtb, cpu0), cpus);
	CHECK_INT(fdt_parent_offset(dtb, cpus), 0);
	CHECK_INT(fdt_parent_offset(dtb, 0), -ENOENT);
	CHECK_INT(fdt_parent_offset(dtb, cpus + 4), -EINVAL);
}

static void test_path_lookup_matches_unit_addresses_and_rejects_bad(void)
{
	int uart = fdt_path_offset(dtb, "/soc/serial@10000000");

	CHECK(uart > 0);
	CHECK_INT(fdt_path_offset(dtb, "/soc/serial"), uart);
	CHECK_INT(fdt_path_offset(dtb, "//soc//serial@10000000/"), uart);
	CHECK_INT(fdt_path_offset(dtb, "/"), 0);
	CHECK_INT(fdt_path_offset(dtb, "/soc/serial@1"), -ENOENT);
	CHECK_INT(fdt_path_offset(dtb, "/soc/seria"), -ENOENT);
	CHECK_INT(fdt_path_offset(dtb, "/nonexistent"), -ENOENT);
	CHECK_INT(fdt_path_offset(dtb, "/chosen/nothing"), -ENOENT);
	CHECK_INT(fdt_path_offset(dtb, "soc"), -EINVAL);
	CHECK_INT(fdt_path_offset(dtb, ""), -EINVAL);
	/* stdout-path may carry options after a ':'. */
	CHECK_INT(
		fdt_path_offset_namelen(dtb, "/soc/serial@10000000:115200", 20),
		uart);
	CHECK_INT(fdt_subnode_offset(dtb, 0, "cpus"),
		  fdt_path_offset(dtb, "/cpus"));
}

static void test_missing_properties_and_bad_offsets_give_errors(void)
{
	int chosen = fdt_path_offset(dtb, "/chosen"), len = 0;

	CHECK(fdt_getprop(dtb, chosen, "bootargs", &len) == NULL);
	CHECK_INT(len, -ENOENT);
	CHECK(fdt_getprop(dtb, chosen + 4, "stdout-path", &len) == NULL);
	CHECK_INT(len, -EINVAL);
	CHECK(fdt_getprop(dtb, -1, "reg", &len) == NULL);
	CHECK(fdt_get_name(dtb, 2, &len) == NULL);
	CHECK_INT(len, -EINVAL);
	CHECK_INT(fdt_next_node(dtb, 4, NULL), -EINVAL);
	CHECK_INT(fdt_next_node(dtb, 1 << 30, NULL), -EINVAL);
	/* Defaults apply where #address-cells/#size-cells are absent. */
	CHECK_INT(fdt_address_cells(dtb, chosen), 2);
	CHECK_INT(fdt_size_cells(dtb, chosen), 1);
	CHECK_INT(fdt_size_cells(dtb, fdt_path_offset(dtb, "/cpus")), 0);
}

static void test_read_cells_combines_big_endian_cells(void)
{
	static const u8 cells[] = { 0x00, 0x00, 0x00, 0x01, 0x80,
				    0x20, 0x00, 0x00, 0xff };

	CHECK_INT(fdt_read_cells(cells, 1), 1);
	CHECK_INT(fdt_read_cells(cells + 4, 1), 0x80200000);
	CHECK_INT(fdt_read_cells(cells, 2), 0x180200000ULL);
	CHECK_INT(fdt_read_cells(cells + 1, 1), 0x180); /* unaligned */
	CHECK_INT(fdt_read_cells(cells, 0), 0);
}

static void test_stringlist_needs_whole_terminated_strings(void)
{
	static const char list[] = "sifive,test1\0sifive,test0\0syscon";

	CHECK(fdt_stringlist_contains(list, sizeof(list), "syscon"));
	CHECK(fdt_stringlist_contains(list, sizeof(list), "sifive,test0"));
	CHECK(!fdt_stringlist_contains(list, sizeof(list), "sifive"));
	CHECK(!fdt_stringlist_contains(list, sizeof(list), "test0"));
	/* The last string cut before its NUL does not count. */
	CHECK(!fdt_stringlist_contains(list, sizeof(list) - 1, "syscon"));
	CHECK(!fdt_stringlist_contains(list, 0, ""));
}

/* --- Hand-built blobs -------------------------------------------------- */

static void put32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

#define HDR_SIZE (sizeof(struct fdt_header) + 16) /* + empty rsvmap */

/*
 * Assemble a version-17 DTB from a structure and a strings block, the one
 * asked for last, in an exact-size heap buffer: a read past the last block
 * is then a read past the buffer, which ASan reports.
 */
static u8 *assemble(const u8 *dt, u32 dt_len, const void *str, u32 str_len,
		    bool struct_last, u32 *sizep)
{
	u32 total = HDR_SIZE + dt_len + str_len;
	u32 off_dt = struct_last ? HDR_SIZE + str_len : HDR_SIZE;
	u32 off_str = struct_last ? HDR_SIZE : HDR_SIZE + dt_len;
	u8 *b = calloc(1, total);

	put32(b + 0, FDT_MAGIC);
	put32(b + 4, total);
	put32(b + 8, off_dt);
	put32(b + 12, off_str);
	put32(b + 16, sizeof(struct fdt_header));
	put32(b + 20, 17);
	put32(b + 24, 16);
	put32(b + 32, str_len);
	put32(b + 36, dt_len);
	memcpy(b + off_dt, dt, dt_len);
	memcpy(b + off_str, str, str_len);
	*sizep = total;
	return b;
}

/* Builds a structure block token by token. */
struct builder {
	u8 dt[1 << 20];
	u32 len;
	char strings[256];
	u32 strings_len;
};

static struct builder bld;

static void b_word(u32 v)
{
	put32(bld.dt + bld.len, v);
	bld.len += 4;
}

static void b_bytes(const void *p, u32 n)
{
	memcpy(bld.dt + bld.len, p, n);
	bld.len = ALIGN(bld.len + n, 4);
}

static void b_begin(const char *name)
{
	b_word(FDT_BEGIN_NODE);
	b_bytes(name, strlen(name) + 1);
}

static void b_prop(const char *name, const void *val, u32 len)
{
	b_word(FDT_PROP);
	b_word(len);
	b_word(bld.strings_len);
	memcpy(bld.strings + bld.strings_len, name, strlen(name) + 1);
	bld.strings_len += strlen(name) + 1;
	b_bytes(val, len);
}

static void b_reset(void)
{
	memset(&bld, 0, sizeof(bld));
}

static u8 *b_finish(u32 *sizep)
{
	return assemble(bld.dt, bld.len, bld.strings, bld.strings_len, true,
			sizep);
}

static void test_builder_blob_reads_back(void)
{
	u32 size;
	u8 *b;
	int node, len;

	b_reset();
	b_begin("");
	b_prop("compatible", "a\0b", 4);
	b_begin("child@1");
	b_prop("reg", "\0\0\0\x2a", 4);
	b_word(FDT_END_NODE);
	b_begin("odd@1@2");
	b_word(FDT_END_NODE);
	b_word(FDT_END_NODE);
	b_word(FDT_END);
	b = b_finish(&size);

	CHECK_INT(fdt_check_header(b, size), 0);
	node = fdt_path_offset(b, "/child");
	CHECK(node > 0);
	CHECK_INT(fdt_path_offset(b, "/child@1"), node);
	/* A component with a unit address must match the whole name. */
	CHECK_INT(fdt_path_offset(b, "/odd@1"), -ENOENT);
	CHECK(fdt_path_offset(b, "/odd") > node);
	CHECK_INT(fdt_read_cells(fdt_getprop(b, node, "reg", &len), 1), 42);
	CHECK_INT(fdt_node_check_compatible(b, 0, "b"), 0);
	free(b);
}

static void test_header_checks_reject_bad_blobs(void)
{
	u8 *b = malloc(dtb_size);

	memcpy(b, dtb, dtb_size);
	CHECK_INT(fdt_check_header(b, 39), -EINVAL);
	CHECK_INT(fdt_check_header(b, dtb_size - 1), -EINVAL);
	put32(b, 0xd00dfeee);
	CHECK_INT(fdt_check_header(b, dtb_size), -EINVAL);
	put32(b, FDT_MAGIC);
	put32(b + 20, 15); /* version */
	CHECK_INT(fdt_check_header(b, dtb_size), -EINVAL);
	put32(b + 20, 17);
	put32(b + 8, dtb_size - 8); /* struct block runs past the end */
	CHECK_INT(fdt_check_header(b, dtb_size), -EINVAL);
	put32(b + 8, fdt_off_dt_struct(dtb));
	put32(b + 32, 0xffffffff); /* size_dt_strings */
	CHECK_INT(fdt_check_header(b, dtb_size), -EINVAL);
	put32(b + 32, fdt_size_dt_strings(dtb));
	put32(b + 4, 0x80000000); /* totalsize beyond an int */
	CHECK_INT(fdt_check_header(b, 0), -EINVAL);
	put32(b + 4, dtb_size);
	CHECK_INT(fdt_check_header(b, dtb_size), 0);
	free(b);
}

static void test_node_name_without_nul_is_rejected(void)
{
	u32 size;
	u8 *b;

	b_reset();
	b_begin("");
	b_word(FDT_BEGIN_NODE);
	memcpy(bld.dt + bld.len, "abcd", 4); /* name runs to the end */
	bld.len += 4;
	b = b_finish(&size);

	CHECK_INT(fdt_check_header(b, size), 0);
	CHECK_INT(fdt_first_subnode(b, 0), -EINVAL);
	CHECK(fdt_get_name(b, 4, NULL) == NULL);
	CHECK_INT(fdt_path_offset(b, "/abcd"), -EINVAL);
	free(b);
}

static void test_property_running_past_the_block_is_rejected(void)
{
	u32 size;
	u8 *b;
	int len;

	b_reset();
	b_begin("");
	b_word(FDT_PROP);
	b_word(0xfffffff0); /* value length */
	b_word(0);
	b_bytes("name", 5);
	bld.strings_len = 5;
	memcpy(bld.strings, "name", 5);
	b = b_finish(&size);

	CHECK(fdt_getprop(b, 0, "name", &len) == NULL);
	CHECK_INT(len, -EINVAL);
	CHECK_INT(fdt_next_node(b, 0, NULL), -EINVAL);
	free(b);
}

static void test_property_name_outside_strings_is_rejected(void)
{
	u32 size;
	u8 *b;
	int len;

	b_reset();
	b_begin("");
	b_word(FDT_PROP);
	b_word(0);
	b_word(1000); /* nameoff past the strings block */
	b_word(FDT_END_NODE);
	b_word(FDT_END);
	memcpy(bld.strings, "abc", 3); /* and a name with no NUL */
	bld.strings_len = 3;
	b = b_finish(&size);

	CHECK(fdt_getprop(b, 0, "abc", &len) == NULL);
	CHECK_INT(len, -EINVAL);
	put32(b + fdt_off_dt_struct(b) + 16, 0); /* nameoff 0 */
	CHECK(fdt_getprop(b, 0, "abc", &len) == NULL);
	CHECK_INT(len, -EINVAL);
	free(b);
}

static void test_unknown_tag_and_unbalanced_nodes_are_errors(void)
{
	u32 size;
	u8 *b;

	b_reset();
	b_begin("");
	b_word(0x77); /* no such token */
	b = b_finish(&size);
	CHECK_INT(fdt_next_node(b, 0, NULL), -EINVAL);
	CHECK_INT(fdt_getprop(b, 0, "x", NULL) == NULL, 1);
	free(b);

	b_reset();
	b_begin("");
	b_word(FDT_END_NODE);
	b_word(FDT_END_NODE); /* one too many */
	b_begin("orphan");
	b_word(FDT_END_NODE);
	b_word(FDT_END);
	b = b_finish(&size);
	CHECK_INT(fdt_first_subnode(b, 0), -ENOENT);
	CHECK_INT(fdt_path_offset(b, "/orphan"), -ENOENT);
	CHECK_INT(fdt_parent_offset(b, 12), -EINVAL);
	free(b);
}

#define DEEP 50000

static void test_very_deep_tree_is_walked_without_recursion(void)
{
	int i, node, last = -1, depth = 0, max_depth = 0;
	u32 size;
	u8 *b;

	b_reset();
	b_begin("");
	for (i = 0; i < DEEP; i++)
		b_begin("n");
	for (i = 0; i <= DEEP; i++)
		b_word(FDT_END_NODE);
	b_word(FDT_END);
	b = b_finish(&size);

	for (node = fdt_next_node(b, 0, &depth); node >= 0;
	     node = fdt_next_node(b, node, &depth)) {
		max_depth = max(max_depth, depth);
		last = node;
	}
	CHECK_INT(max_depth, DEEP);
	CHECK_INT(fdt_parent_offset(b, last), last - 8);
	CHECK_INT(fdt_path_offset(b, "/n/n/n/n"), 4 * 8); /* 8 bytes a node */
	free(b);
}

/* --- Fuzzing ----------------------------------------------------------- */

/* Whether [p, p + len) lies inside the blob. */
static bool inside(const u8 *b, u32 size, const void *p, int len)
{
	const u8 *q = p;

	return q >= b && len >= 0 && (u32)len <= size &&
	       q - b <= (long)(size - len);
}

/*
 * Use every reader function on a blob that passed fdt_check_header.
 * Returns false if any result points outside the blob; ASan and UBSan
 * watch the reads themselves.
 */
static bool exercise(const u8 *b, u32 size)
{
	static const char *const props[] = { "reg", "compatible",
					     "#address-cells", "stdout-path",
					     "interrupts" };
	static const char *const paths[] = { "/chosen", "/memory",
					     "/cpus/cpu@0/interrupt-controller",
					     "/soc/serial@10000000" };
	int node, depth = 0, steps = 0, len, sub;
	bool ok = true;
	size_t i;

	for (node = fdt_next_node(b, -1, &depth); node >= 0 && steps < 1000;
	     node = fdt_next_node(b, node, &depth), steps++) {
		const char *name = fdt_get_name(b, node, &len);

		ok &= name && inside(b, size, name, len + 1);
		for (i = 0; i < ARRAY_SIZE(props); i++) {
			const void *p = fdt_getprop(b, node, props[i], &len);

			ok &= !p || inside(b, size, p, len);
		}
		fdt_address_cells(b, node);
		fdt_size_cells(b, node);
		fdt_node_check_compatible(b, node, "ns16550a");
		for (sub = fdt_first_subnode(b, node); sub >= 0;
		     sub = fdt_next_subnode(b, sub))
			ok &= sub > node && (u32)sub < size;
	}
	ok &= steps < 1000; /* every walk must end */
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		node = fdt_path_offset(b, paths[i]);
		if (node >= 0)
			fdt_parent_offset(b, node);
	}
	for (node = fdt_node_offset_by_compatible(b, -1, "virtio,mmio");
	     node >= 0 && steps < 2000; steps++)
		node = fdt_node_offset_by_compatible(b, node, "virtio,mmio");
	return ok;
}

static void test_every_truncation_of_the_blob_is_rejected(void)
{
	u32 n;
	int bad = 0;

	/* From 1: a bufsize of 0 means "size unknown, trust the header". */
	for (n = 1; n < dtb_size; n++) {
		u8 *b = malloc(n);

		memcpy(b, dtb, n);
		if (fdt_check_header(b, n) != -EINVAL)
			bad++;
		free(b);
	}
	CHECK_INT(bad, 0);
}

/* The blob re-assembled with one block cut to every possible length and
 * placed last, its header adjusted to match. */
static void test_every_truncated_block_is_read_safely(void)
{
	const u8 *dt = dtb + fdt_off_dt_struct(dtb);
	const u8 *str = dtb + fdt_off_dt_strings(dtb);
	u32 dt_len = fdt_size_dt_struct(dtb);
	u32 str_len = fdt_size_dt_strings(dtb), k, size;
	int bad = 0, readable = 0;

	for (k = 0; k <= dt_len; k++) {
		u8 *b = assemble(dt, k, str, str_len, true, &size);

		if (fdt_check_header(b, size) == 0) {
			readable++;
			bad += !exercise(b, size);
		}
		free(b);
	}
	for (k = 0; k <= str_len; k++) {
		u8 *b = assemble(dt, dt_len, str, k, false, &size);

		if (fdt_check_header(b, size) == 0) {
			readable++;
			bad += !exercise(b, size);
		}
		free(b);
	}
	CHECK_INT(bad, 0);
	CHECK_INT(readable, dt_len + str_len + 2);
}

static void test_single_byte_corruptions_are_read_safely(void)
{
	static const int values[] = { 0x00, 0xff, 0x01, 0x80, 0x7f };
	u8 *b = malloc(dtb_size);
	u32 pos;
	size_t v;
	int bad = 0, checked = 0;

	for (pos = 0; pos < dtb_size; pos++) {
		for (v = 0; v < ARRAY_SIZE(values) + 1; v++) {
			memcpy(b, dtb, dtb_size);
			/* Set the byte, or (last round) flip its top bit. */
			b[pos] = v < ARRAY_SIZE(values) ? values[v] :
							  b[pos] ^ 0x80;
			if (fdt_check_header(b, dtb_size) == 0) {
				checked++;
				bad += !exercise(b, dtb_size);
			}
		}
	}
	free(b);
	CHECK_INT(bad, 0);
	CHECK(checked > 20000);
}

int main(void)
{
	dtb = load_file(QEMU_VIRT_DTB, &dtb_size);
	if (!CHECK(dtb != NULL) ||
	    !CHECK_INT(fdt_check_header(dtb, dtb_size), 0)) {
		printf("cannot use %s\n", QEMU_VIRT_DTB);
		return unit_summary();
	}

	RUN_TEST(test_qemu_virt_dtb_has_a_valid_header);
	RUN_TEST(test_memory_node_is_128mib_at_0x80000000);
	RUN_TEST(test_cpus_timebase_frequency_is_10mhz);
	RUN_TEST(test_ns16550a_uart_is_at_0x10000000_with_irq_10);
	RUN_TEST(test_chosen_stdout_path_leads_to_the_uart);
	RUN_TEST(test_plic_interrupt_controller_exists);
	RUN_TEST(test_compatible_search_finds_all_eight_virtio_devices);
	RUN_TEST(test_subnodes_of_root_come_in_document_order);
	RUN_TEST(test_walk_visits_every_node_with_its_depth);
	RUN_TEST(test_walk_from_a_node_stays_inside_its_subtree);
	RUN_TEST(test_parent_offset_climbs_one_level);
	RUN_TEST(test_path_lookup_matches_unit_addresses_and_rejects_bad);
	RUN_TEST(test_missing_properties_and_bad_offsets_give_errors);
	RUN_TEST(test_read_cells_combines_big_endian_cells);
	RUN_TEST(test_stringlist_needs_whole_terminated_strings);
	RUN_TEST(test_builder_blob_reads_back);
	RUN_TEST(test_header_checks_reject_bad_blobs);
	RUN_TEST(test_node_name_without_nul_is_rejected);
	RUN_TEST(test_property_running_past_the_block_is_rejected);
	RUN_TEST(test_property_name_outside_strings_is_rejected);
	RUN_TEST(test_unknown_tag_and_unbalanced_nodes_are_errors);
	RUN_TEST(test_very_deep_tree_is_walked_without_recursion);
	RUN_TEST(test_every_truncation_of_the_blob_is_rejected);
	RUN_TEST(test_every_truncated_block_is_read_safely);
	RUN_TEST(test_single_byte_corruptions_are_read_safely);
	free(dtb);
	return unit_summary();
}
