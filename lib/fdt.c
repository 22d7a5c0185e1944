/*
 * Flattened device tree reader (include/linux/fdt.h). A DTB is a header,
 * a structure block of tokens (BEGIN_NODE name, PROP len nameoff value,
 * END_NODE, ..., END) and a strings block holding the property names.
 *
 * The blob comes from outside the kernel, so nothing in it is trusted:
 * every read of the structure block is at an offset fdt_next_tag() has just
 * checked against the block's bounds, every property name goes through
 * fdt_string(), and walks are loops (never recursion) that always move
 * forward. A malformed blob yields -EINVAL, never a wild read or a hang.
 */
#include <linux/fdt.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#define FDT_TAGSIZE 4
#define FDT_MAX_NCELLS 4
/* Offsets are ints: keep them (and an aligned offset past the end) positive. */
#define FDT_MAX_SIZE (INT32_MAX - FDT_TAGSIZE)

/* Whether the block [off, off + size) lies inside a blob of total bytes. */
static bool block_fits(u32 total, u32 off, u32 size)
{
	return off <= total && size <= total - off;
}

/* Size of the structure block; version 16 headers do not record it. */
static u32 struct_size(const void *fdt)
{
	if (fdt_version(fdt) >= 17)
		return fdt_size_dt_struct(fdt);
	return fdt_totalsize(fdt) - fdt_off_dt_struct(fdt);
}

int fdt_check_header(const void *fdt, size_t bufsize)
{
	u32 total;

	if (bufsize && bufsize < sizeof(struct fdt_header))
		return -EINVAL;
	if (fdt_magic(fdt) != FDT_MAGIC)
		return -EINVAL;
	if (fdt_version(fdt) < 16 || fdt_last_comp_version(fdt) > 17)
		return -EINVAL;

	total = fdt_totalsize(fdt);
	if (total < sizeof(struct fdt_header) || total > FDT_MAX_SIZE)
		return -EINVAL;
	if (bufsize && total > bufsize)
		return -EINVAL;
	if (!block_fits(total, fdt_off_dt_struct(fdt), struct_size(fdt)))
		return -EINVAL;
	if (!block_fits(total, fdt_off_dt_strings(fdt),
			fdt_size_dt_strings(fdt)))
		return -EINVAL;
	return 0;
}

/* Start and size of the structure block, or NULL if the header is bad.
 * Re-checking the header here keeps every walk safe on its own. */
static const u8 *dt_struct(const void *fdt, u32 *size)
{
	if (fdt_check_header(fdt, 0))
		return NULL;
	*size = struct_size(fdt);
	return (const u8 *)fdt + fdt_off_dt_struct(fdt);
}

/* The NUL-terminated string at stroffset in the strings block, or NULL if
 * it starts or ends outside the block. */
static const char *fdt_string(const void *fdt, u32 stroffset)
{
	const char *s;
	u32 size;

	if (fdt_check_header(fdt, 0))
		return NULL;
	size = fdt_size_dt_strings(fdt);
	if (stroffset >= size)
		return NULL;
	s = (const char *)fdt + fdt_off_dt_strings(fdt) + stroffset;
	if (!memchr(s, '\0', size - stroffset))
		return NULL;
	return s;
}

int fdt_next_tag(const void *fdt, int offset, int *nextoffset)
{
	const u8 *dt, *nul;
	u32 size, pos, len, tag;

	dt = dt_struct(fdt, &size);
	if (!dt || offset < 0 || offset % FDT_TAGSIZE || size < FDT_TAGSIZE ||
	    (u32)offset > size - FDT_TAGSIZE)
		return -EINVAL;

	tag = fdt32_ld(dt + offset);
	pos = offset + FDT_TAGSIZE;
	switch (tag) {
	case FDT_BEGIN_NODE:
		/* The name must end inside the block. */
		nul = memchr(dt + pos, '\0', size - pos);
		if (!nul)
			return -EINVAL;
		pos = nul - dt + 1;
		break;
	case FDT_PROP:
		/* len and nameoff, then len bytes of value. */
		if (size - pos < 8)
			return -EINVAL;
		len = fdt32_ld(dt + pos);
		pos += 8;
		if (len > size - pos)
			return -EINVAL;
		pos += len;
		break;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return -EINVAL;
	}
	*nextoffset = ALIGN(pos, FDT_TAGSIZE);
	return tag;
}

/* Check that offset is a node; return the offset of its first property
 * or child (just past the name), or -EINVAL. */
static int node_body(const void *fdt, int offset)
{
	int next;

	if (fdt_next_tag(fdt, offset, &next) != FDT_BEGIN_NODE)
		return -EINVAL;
	return next;
}

int fdt_next_node(const void *fdt, int offset, int *depth)
{
	int next = 0, tag;

	if (offset >= 0) {
		next = node_body(fdt, offset);
		if (next < 0)
			return next;
	}
	for (;;) {
		offset = next;
		tag = fdt_next_tag(fdt, offset, &next);
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth)
				(*depth)++;
			return offset;
		case FDT_END_NODE:
			if (depth && --(*depth) < 0)
				return -ENOENT;
			break;
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_END:
			return -ENOENT;
		default:
			return -EINVAL;
		}
	}
}

/* The first child of the node at offset, or -ENOENT if it has none. */
int fdt_first_subnode(const void *fdt, int offset)
{
	int depth = 0;

	offset = fdt_next_node(fdt, offset, &depth);
	if (offset < 0)
		return offset;
	return depth == 1 ? offset : -ENOENT;
}

/* The next sibling of the node at offset: skip its descendants (depth
 * above 1) and stop when the parent ends (depth below 1). */
int fdt_next_subnode(const void *fdt, int offset)
{
	int depth = 1;

	do {
		offset = fdt_next_node(fdt, offset, &depth);
		if (offset < 0)
			return offset;
		if (depth < 1)
			return -ENOENT;
	} while (depth > 1);
	return offset;
}

const char *fdt_get_name(const void *fdt, int nodeoffset, int *lenp)
{
	const u8 *dt;
	const char *name;
	u32 size;

	if (node_body(fdt, nodeoffset) < 0) {
		if (lenp)
			*lenp = -EINVAL;
		return NULL;
	}
	/* node_body() has checked that the name ends inside the block. */
	dt = dt_struct(fdt, &size);
	name = (const char *)dt + nodeoffset + FDT_TAGSIZE;
	if (lenp)
		*lenp = strlen(name);
	return name;
}

/* Properties come first in a node, before its children: scan them and
 * stop at the first token that is not a property or a NOP. */
const void *fdt_getprop(const void *fdt, int nodeoffset, const char *name,
			int *lenp)
{
	const u8 *dt;
	const char *pname;
	u32 size;
	int offset, next, tag, err = -ENOENT;

	offset = node_body(fdt, nodeoffset);
	dt = dt_struct(fdt, &size);
	if (offset < 0 || !dt) {
		err = -EINVAL;
		goto fail;
	}
	for (;; offset = next) {
		tag = fdt_next_tag(fdt, offset, &next);
		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP) {
			if (tag < 0)
				err = tag;
			break;
		}
		/* fdt_next_tag() checked the whole property fits. */
		pname = fdt_string(fdt, fdt32_ld(dt + offset + 8));
		if (!pname) {
			err = -EINVAL;
			break;
		}
		if (!strcmp(pname, name)) {
			if (lenp)
				*lenp = fdt32_ld(dt + offset + 4);
			return dt + offset + 12;
		}
	}
fail:
	if (lenp)
		*lenp = err;
	return NULL;
}

/* A path component matches a node name exactly or, when it has no unit
 * address, the part before the '@': "memory" matches "memory@80000000". */
static bool nodename_eq(const char *nodename, const char *name, int len)
{
	if (strncmp(nodename, name, len))
		return false;
	if (nodename[len] == '\0')
		return true;
	return nodename[len] == '@' && !memchr(name, '@', len);
}

static int subnode_offset_namelen(const void *fdt, int parent, const char *name,
				  int namelen)
{
	int node;

	fdt_for_each_subnode(node, fdt, parent) {
		const char *nodename = fdt_get_name(fdt, node, NULL);

		if (nodename && nodename_eq(nodename, name, namelen))
			return node;
	}
	return node;
}

int fdt_subnode_offset(const void *fdt, int parent, const char *name)
{
	return subnode_offset_namelen(fdt, parent, name, strlen(name));
}

/* Follow the path one component at a time from the root. */
int fdt_path_offset_namelen(const void *fdt, const char *path, int namelen)
{
	const char *end = path + namelen, *p = path, *q;
	int offset = 0;

	if (namelen <= 0 || *path != '/')
		return -EINVAL;
	if (node_body(fdt, 0) < 0)
		return -EINVAL;
	while (p < end) {
		while (p < end && *p == '/')
			p++;
		if (p == end)
			break;
		q = memchr(p, '/', end - p);
		if (!q)
			q = end;
		offset = subnode_offset_namelen(fdt, offset, p, q - p);
		if (offset < 0)
			return offset;
		p = q;
	}
	return offset;
}

int fdt_path_offset(const void *fdt, const char *path)
{
	return fdt_path_offset_namelen(fdt, path, strlen(path));
}

/* Nodes do not record their parent, so walk from the root twice: once to
 * learn the node's depth d, then to find the last node at depth d - 1
 * before it. Two loops and no stack, however deep the tree. */
int fdt_parent_offset(const void *fdt, int nodeoffset)
{
	int offset, depth = 0, parent_depth, parent = -ENOENT;

	for (offset = 0; offset != nodeoffset;) {
		offset = fdt_next_node(fdt, offset, &depth);
		if (offset < 0)
			return -EINVAL; /* nodeoffset is not a node */
	}
	if (depth == 0)
		return -ENOENT; /* the root has no parent */

	parent_depth = depth - 1;
	depth = 0;
	for (offset = 0; offset != nodeoffset;) {
		if (depth == parent_depth)
			parent = offset;
		offset = fdt_next_node(fdt, offset, &depth);
		if (offset < 0)
			return offset;
	}
	return parent;
}

bool fdt_stringlist_contains(const char *strlist, int listlen, const char *str)
{
	size_t len = strlen(str);
	const char *nul;

	while (listlen > 0) {
		nul = memchr(strlist, '\0', listlen);
		if (!nul)
			return false; /* last string not terminated */
		if ((size_t)(nul - strlist) == len &&
		    !memcmp(strlist, str, len))
			return true;
		listlen -= nul - strlist + 1;
		strlist = nul + 1;
	}
	return false;
}

int fdt_node_check_compatible(const void *fdt, int nodeoffset,
			      const char *compatible)
{
	const char *list;
	int len;

	list = fdt_getprop(fdt, nodeoffset, "compatible", &len);
	if (!list)
		return len == -ENOENT ? 1 : len;
	return fdt_stringlist_contains(list, len, compatible) ? 0 : 1;
}

int fdt_node_offset_by_compatible(const void *fdt, int startoffset,
				  const char *compatible)
{
	int offset, err;

	for (offset = fdt_next_node(fdt, startoffset, NULL); offset >= 0;
	     offset = fdt_next_node(fdt, offset, NULL)) {
		err = fdt_node_check_compatible(fdt, offset, compatible);
		if (err <= 0)
			return err < 0 ? err : offset;
	}
	return offset;
}

/* Read a #...-cells property: one cell, at most FDT_MAX_NCELLS. */
static int fdt_cells(const void *fdt, int nodeoffset, const char *name,
		     int dflt)
{
	const void *p;
	u32 val;
	int len;

	p = fdt_getprop(fdt, nodeoffset, name, &len);
	if (!p)
		return len == -ENOENT ? dflt : len;
	if (len != 4)
		return -EINVAL;
	val = fdt32_ld(p);
	if (val > FDT_MAX_NCELLS)
		return -EINVAL;
	return val;
}

int fdt_address_cells(const void *fdt, int nodeoffset)
{
	return fdt_cells(fdt, nodeoffset, "#address-cells", 2);
}

int fdt_size_cells(const void *fdt, int nodeoffset)
{
	return fdt_cells(fdt, nodeoffset, "#size-cells", 1);
}

u64 fdt_read_cells(const void *p, int ncells)
{
	const u8 *cell = p;
	u64 val = 0;

	for (; ncells > 0; ncells--, cell += 4)
		val = (val << 32) | fdt32_ld(cell);
	return val;
}
