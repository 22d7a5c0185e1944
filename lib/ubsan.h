/*
 * What GCC's -fsanitize=undefined passes to the __ubsan_handle_* reporters
 * (lib/ubsan.c): for each check a static record with the source location
 * and descriptors of the types involved, then the values, each as one
 * machine word (a pointer to the value when it is wider than a word).
 * The layouts are the compiler's ABI (GCC shares it with LLVM's runtime);
 * as Linux's lib/ubsan.h.
 */
#ifndef _LIB_UBSAN_H
#define _LIB_UBSAN_H

#include <linux/types.h>

/* A type descriptor's kind: integers are described further by info. */
enum {
	type_kind_int = 0,
	type_kind_float = 1,
	type_unknown = 0xffff
};

struct type_descriptor {
	u16 type_kind;
	u16 type_info;	/* integer: bit 0 signed, bits 1.. log2(bit width) */
	char type_name[];
};

struct source_location {
	const char *file_name;
	u32 line;
	u32 column;
};

struct overflow_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct shift_out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *lhs_type;
	struct type_descriptor *rhs_type;
};

struct out_of_bounds_data {
	struct source_location location;
	struct type_descriptor *array_type;
	struct type_descriptor *index_type;
};

/* What the access was: "load of", "store to", ... (type_check_kinds). */
struct type_mismatch_data_v1 {
	struct source_location location;
	struct type_descriptor *type;
	unsigned char log_alignment;
	unsigned char type_check_kind;
};

struct vla_bound_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct invalid_value_data {
	struct source_location location;
	struct type_descriptor *type;
};

struct unreachable_data {
	struct source_location location;
};

struct nonnull_arg_data {
	struct source_location location;
	struct source_location attr_location;
	int arg_index;
};

struct nonnull_return_data {
	struct source_location attr_location;
};

struct pointer_overflow_data {
	struct source_location location;
};

struct invalid_builtin_data {
	struct source_location location;
	unsigned char kind;	/* 0: ctz, 1: clz */
};

#endif
