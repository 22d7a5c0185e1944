/*
 * Flattened device tree (DTB) reader, lib/fdt.c. Firmware describes the
 * machine in a DTB (on RISC-V, OpenSBI passes its address in a1): memory,
 * CPUs, UART, interrupt controller, bootargs and initrd in /chosen.
 *
 * The API follows libfdt (Linux's scripts/dtc/libfdt), so code reads the
 * same as Linux's early boot code; the implementation is our own. A node is
 * named by its offset in the structure block; the root node is at offset 0.
 * Functions returning an offset return a negative errno on failure:
 * -ENOENT when the node or property is not there, -EINVAL when the blob is
 * malformed or an argument is wrong.
 *
 * Call fdt_check_header() once before anything else. After that no
 * function reads outside fdt_totalsize() bytes, whatever the blob holds.
 */
#ifndef _LINUX_FDT_H
#define _LINUX_FDT_H

#include <linux/types.h>

#define FDT_MAGIC 0xd00dfeed

/* Tokens of the structure block, each a big-endian 32-bit word. */
#define FDT_BEGIN_NODE 0x1 /* a node starts; its NUL-terminated name follows */
#define FDT_END_NODE 0x2 /* the current node ends */
#define FDT_PROP 0x3 /* a property: len, nameoff, then len bytes */
#define FDT_NOP 0x4 /* ignored */
#define FDT_END 0x9 /* end of the structure block */

/* The header at the start of every blob; all fields are big-endian. */
struct fdt_header {
	__be32 magic; /* FDT_MAGIC */
	__be32 totalsize; /* size of the whole blob */
	__be32 off_dt_struct; /* offset of the structure block */
	__be32 off_dt_strings; /* offset of the property names */
	__be32 off_mem_rsvmap; /* offset of the memory reservations */
	__be32 version;
	__be32 last_comp_version;
	__be32 boot_cpuid_phys;
	__be32 size_dt_strings;
	__be32 size_dt_struct; /* since version 17 */
};

/* Load a big-endian 32-bit value byte by byte: property values in a DTB
 * are only 4-byte aligned, and a blob may sit anywhere in memory. */
static inline u32 fdt32_ld(const void *p)
{
	const u8 *b = p;

	return (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
}

#define fdt_get_header(fdt, field) \
	fdt32_ld((const u8 *)(fdt) + offsetof(struct fdt_header, field))
#define fdt_magic(fdt) fdt_get_header(fdt, magic)
#define fdt_totalsize(fdt) fdt_get_header(fdt, totalsize)
#define fdt_off_dt_struct(fdt) fdt_get_header(fdt, off_dt_struct)
#define fdt_off_dt_strings(fdt) fdt_get_header(fdt, off_dt_strings)
#define fdt_version(fdt) fdt_get_header(fdt, version)
#define fdt_last_comp_version(fdt) fdt_get_header(fdt, last_comp_version)
#define fdt_size_dt_strings(fdt) fdt_get_header(fdt, size_dt_strings)
#define fdt_size_dt_struct(fdt) fdt_get_header(fdt, size_dt_struct)

/* 0 if fdt is a DTB we can read whose blocks lie inside its totalsize,
 * and (when bufsize != 0) totalsize fits in the bufsize bytes we have. */
int fdt_check_header(const void *fdt, size_t bufsize);

/* The token at offset (FDT_BEGIN_NODE...), or -EINVAL; *nextoffset is set
 * to the token after it. The building block of every walk below. */
int fdt_next_tag(const void *fdt, int offset, int *nextoffset);

/* The node after offset in document order (offset < 0: the root). If depth
 * is given it is adjusted by the levels moved: +1 into a child, 0 to a
 * sibling, less when climbing out; -ENOENT once it would drop below 0 or
 * past the last node. */
int fdt_next_node(const void *fdt, int offset, int *depth);
int fdt_first_subnode(const void *fdt, int offset);
int fdt_next_subnode(const void *fdt, int offset);

#define fdt_for_each_subnode(node, fdt, parent)                \
	for (node = fdt_first_subnode(fdt, parent); node >= 0; \
	     node = fdt_next_subnode(fdt, node))

/* The node's name ("" for the root, "serial@10000000"...), or NULL. */
const char *fdt_get_name(const void *fdt, int nodeoffset, int *lenp);

/* Pointer to the value of property name of the node, its length in *lenp;
 * NULL with the error in *lenp if it is not there. */
const void *fdt_getprop(const void *fdt, int nodeoffset, const char *name,
			int *lenp);

/* Child of parent called name; "memory" also finds "memory@80000000". */
int fdt_subnode_offset(const void *fdt, int parent, const char *name);

/* The node at an absolute path such as "/soc/serial@10000000". The
 * _namelen form looks at namelen bytes only, e.g. to stop at the ':' of a
 * stdout-path "/soc/serial@10000000:115200". */
int fdt_path_offset(const void *fdt, const char *path);
int fdt_path_offset_namelen(const void *fdt, const char *path, int namelen);

/* The parent of a node; -ENOENT for the root. Walks from the root. */
int fdt_parent_offset(const void *fdt, int nodeoffset);

/* Whether str is one of the NUL-terminated strings packed in strlist. */
bool fdt_stringlist_contains(const char *strlist, int listlen, const char *str);

/* 0 if the node's "compatible" list holds compatible, 1 if it does not. */
int fdt_node_check_compatible(const void *fdt, int nodeoffset,
			      const char *compatible);

/* First node after startoffset (-1: from the root) compatible with
 * compatible. Call again with the result to find the next one. */
int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compatible);

/* #address-cells and #size-cells of a node: how many 32-bit cells its
 * children's "reg" addresses and sizes take (defaults 2 and 1). */
int fdt_address_cells(const void *fdt, int nodeoffset);
int fdt_size_cells(const void *fdt, int nodeoffset);

/* A number stored in ncells big-endian cells (1 or 2; with more, the low
 * 64 bits), e.g. an address in a "reg" property. */
u64 fdt_read_cells(const void *p, int ncells);

#endif
