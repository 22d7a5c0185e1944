/*
 * The kernel's own reporters for GCC's undefined-behaviour sanitizer
 * (-fsanitize=..., built into DEBUG=1 kernels only: see the Makefile).
 * The compiler puts a check before each shift, signed add/sub/mul/negate,
 * division, array index, pointer dereference (null, alignment, object
 * size) and pointer arithmetic; a check that fails calls one of these with
 * a record of where and of which types (lib/ubsan.h). Each prints
 *   UBSAN: <kind> in <file>:<line>:<column>
 *   <what happened, with the values and the type>
 * and a backtrace, then stops the machine with a failure status
 * (report_end): in the debug kernel any undefined behaviour fails the test
 * that provoked it. This file itself is built without the sanitizer.
 */
#include <linux/kernel.h>
#include <linux/printk.h>

#include "ubsan.h"

/* Values arrive as one word; wider ones by address. */
typedef unsigned long value_handle;

static const char *const type_check_kinds[] = {
	"load of", "store to", "reference binding to", "member access within",
	"member call on", "constructor call on", "downcast of", "downcast of",
	"upcast of", "cast to virtual base of", "_Nonnull binding to",
	"dynamic operation on",
};

static bool type_is_int(const struct type_descriptor *type)
{
	return type->type_kind == type_kind_int;
}

static bool type_is_signed(const struct type_descriptor *type)
{
	return type_is_int(type) && (type->type_info & 1);
}

static unsigned int type_bit_width(const struct type_descriptor *type)
{
	return 1U << (type->type_info >> 1);
}

static bool is_inline_int(const struct type_descriptor *type)
{
	return type_bit_width(type) <= sizeof(value_handle) * 8;
}

/* A signed value of up to 64 bits (wider ones are not used here). */
static s64 get_signed_val(const struct type_descriptor *type,
			  value_handle val)
{
	unsigned int bits = type_bit_width(type);

	if (is_inline_int(type)) {
		unsigned int extra = sizeof(s64) * 8 - bits;

		return (s64)((u64)val << extra) >> extra;
	}
	return *(const s64 *)val;
}

static u64 get_unsigned_val(const struct type_descriptor *type,
			    value_handle val)
{
	if (is_inline_int(type))
		return val;
	return *(const u64 *)val;
}

static bool val_is_negative(const struct type_descriptor *type,
			    value_handle val)
{
	return type_is_signed(type) && get_signed_val(type, val) < 0;
}

/* The value as text, as the type says it is. */
static void val_to_string(char *buf, size_t size,
			  const struct type_descriptor *type, value_handle val)
{
	if (!type_is_int(type)) {
		snprintf(buf, size, "<value of type %s>", type->type_name);
		return;
	}
	if (type_bit_width(type) > 64) {	/* __int128: two words */
		const u64 *w = (const u64 *)val;

		snprintf(buf, size, "0x%016llx%016llx",
			 (unsigned long long)w[1], (unsigned long long)w[0]);
	} else if (type_is_signed(type)) {
		snprintf(buf, size, "%lld",
			 (long long)get_signed_val(type, val));
	} else {
		snprintf(buf, size, "%llu",
			 (unsigned long long)get_unsigned_val(type, val));
	}
}

static void ubsan_prologue(const struct source_location *loc,
			   const char *kind)
{
	report_begin();
	printk("UBSAN: %s in %s:%u:%u\n", kind, loc->file_name, loc->line,
	       loc->column);
}

static void handle_overflow(struct overflow_data *data, value_handle lhs,
			    value_handle rhs, char op)
{
	struct type_descriptor *type = data->type;
	char l[40], r[40];

	ubsan_prologue(&data->location, type_is_signed(type) ?
		       "signed-integer-overflow" : "unsigned-integer-overflow");
	val_to_string(l, sizeof(l), type, lhs);
	val_to_string(r, sizeof(r), type, rhs);
	printk("%s %c %s cannot be represented in type %s\n", l, op, r,
	       type->type_name);
	report_end();
}

void __ubsan_handle_add_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, (value_handle)lhs, (value_handle)rhs, '+');
}

void __ubsan_handle_sub_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, (value_handle)lhs, (value_handle)rhs, '-');
}

void __ubsan_handle_mul_overflow(void *data, void *lhs, void *rhs)
{
	handle_overflow(data, (value_handle)lhs, (value_handle)rhs, '*');
}

void __ubsan_handle_negate_overflow(void *_data, void *old)
{
	struct overflow_data *data = _data;
	char v[40];

	ubsan_prologue(&data->location, "negation-overflow");
	val_to_string(v, sizeof(v), data->type, (value_handle)old);
	printk("negation of %s cannot be represented in type %s\n", v,
	       data->type->type_name);
	report_end();
}

void __ubsan_handle_divrem_overflow(void *_data, void *lhs, void *rhs)
{
	struct overflow_data *data = _data;
	char l[40];

	ubsan_prologue(&data->location, "division-overflow");
	val_to_string(l, sizeof(l), data->type, (value_handle)lhs);
	if (type_is_signed(data->type) &&
	    get_signed_val(data->type, (value_handle)rhs) == -1)
		printk("division of %s by -1 cannot be represented in type "
		       "%s\n", l, data->type->type_name);
	else
		printk("division of %s by zero\n", l);
	report_end();
}

void __ubsan_handle_shift_out_of_bounds(void *_data, void *lhs, void *rhs)
{
	struct shift_out_of_bounds_data *data = _data;
	struct type_descriptor *lt = data->lhs_type, *rt = data->rhs_type;
	char l[40], r[40];

	ubsan_prologue(&data->location, "shift-out-of-bounds");
	val_to_string(l, sizeof(l), lt, (value_handle)lhs);
	val_to_string(r, sizeof(r), rt, (value_handle)rhs);
	if (val_is_negative(rt, (value_handle)rhs))
		printk("shift exponent %s is negative\n", r);
	else if (get_unsigned_val(rt, (value_handle)rhs) >=
		 type_bit_width(lt))
		printk("shift exponent %s is too large for %u-bit type %s\n",
		       r, type_bit_width(lt), lt->type_name);
	else if (val_is_negative(lt, (value_handle)lhs))
		printk("left shift of negative value %s\n", l);
	else
		printk("left shift of %s by %s places cannot be represented "
		       "in type %s\n", l, r, lt->type_name);
	report_end();
}

void __ubsan_handle_out_of_bounds(void *_data, void *index)
{
	struct out_of_bounds_data *data = _data;
	char i[40];

	ubsan_prologue(&data->location, "array-index-out-of-bounds");
	val_to_string(i, sizeof(i), data->index_type, (value_handle)index);
	printk("index %s is out of range for type %s\n", i,
	       data->array_type->type_name);
	report_end();
}

/* A pointer used for an access: null, misaligned, or pointing at less
 * room than its type needs (object-size). */
void __ubsan_handle_type_mismatch_v1(void *_data, void *ptr)
{
	struct type_mismatch_data_v1 *data = _data;
	unsigned long align = 1UL << data->log_alignment;
	const char *what = data->type_check_kind <
				   ARRAY_SIZE(type_check_kinds) ?
			   type_check_kinds[data->type_check_kind] :
			   "access to";

	if (!ptr) {
		ubsan_prologue(&data->location, "null-ptr-deref");
		printk("%s null pointer of type %s\n", what,
		       data->type->type_name);
	} else if (data->log_alignment && ((unsigned long)ptr & (align - 1))) {
		ubsan_prologue(&data->location, "misaligned-access");
		printk("%s misaligned address %p for type %s which requires "
		       "%lu byte alignment\n", what, ptr, data->type->type_name,
		       align);
	} else {
		ubsan_prologue(&data->location, "object-size-mismatch");
		printk("%s address %p with insufficient space for an object "
		       "of type %s\n", what, ptr, data->type->type_name);
	}
	report_end();
}

void __ubsan_handle_vla_bound_not_positive(void *_data, void *bound)
{
	struct vla_bound_data *data = _data;
	char b[40];

	ubsan_prologue(&data->location, "vla-bound-not-positive");
	val_to_string(b, sizeof(b), data->type, (value_handle)bound);
	printk("variable length array bound evaluates to non-positive value "
	       "%s\n", b);
	report_end();
}

/* A bool or enum holding a value its type does not have. */
void __ubsan_handle_load_invalid_value(void *_data, void *val)
{
	struct invalid_value_data *data = _data;
	char v[40];

	ubsan_prologue(&data->location, "invalid-load");
	val_to_string(v, sizeof(v), data->type, (value_handle)val);
	printk("load of value %s is not a valid value for type %s\n", v,
	       data->type->type_name);
	report_end();
}

void __ubsan_handle_builtin_unreachable(void *_data)
{
	struct unreachable_data *data = _data;

	ubsan_prologue(&data->location, "unreachable");
	printk("execution reached an unreachable program point\n");
	report_end();
}

void __ubsan_handle_nonnull_arg(void *_data)
{
	struct nonnull_arg_data *data = _data;

	ubsan_prologue(&data->location, "nonnull-argument");
	printk("null pointer passed as argument %d, which is declared to "
	       "never be null\n", data->arg_index);
	report_end();
}

void __ubsan_handle_nonnull_return_v1(void *_data, void *_loc)
{
	struct nonnull_return_data *data = _data;
	struct source_location *loc = _loc;

	ubsan_prologue(loc, "nonnull-return");
	printk("null pointer returned from function declared to never return "
	       "null (%s:%u)\n", data->attr_location.file_name,
	       data->attr_location.line);
	report_end();
}

void __ubsan_handle_pointer_overflow(void *_data, void *base, void *result)
{
	struct pointer_overflow_data *data = _data;

	ubsan_prologue(&data->location, "pointer-overflow");
	if (!base && !result)
		printk("applying zero offset to null pointer\n");
	else if (!base)
		printk("applying non-zero offset %p to null pointer\n",
		       result);
	else if (!result)
		printk("applying non-zero offset to non-null pointer %p "
		       "produced null pointer\n", base);
	else
		printk("pointer index expression with base %p overflowed to "
		       "%p\n", base, result);
	report_end();
}

void __ubsan_handle_invalid_builtin(void *_data)
{
	struct invalid_builtin_data *data = _data;

	ubsan_prologue(&data->location, "invalid-builtin-use");
	printk("passing zero to %s(), which is not a valid argument\n",
	       data->kind ? "clz" : "ctz");
	report_end();
}
