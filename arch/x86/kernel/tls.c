/*
 * set_thread_area(2) and get_thread_area(2): thread-local storage on
 * i386, as Linux does it. Each task owns three GDT slots (entries 6-8,
 * thread.tls_array); a program puts a data segment whose base is its
 * thread block in one of them and loads the slot's selector into %gs, so
 * that %gs:0 is its thread pointer. glibc's static startup does exactly
 * that before main(), and every errno access goes through %gs. The slots
 * are per task: switch_to copies the next task's into the GDT.
 */
#include <linux/syscalls.h>
#include <asm/desc.h>
#include <asm/syscalls.h>
#include <asm/tls.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>

/* The first empty TLS slot of current, or -ESRCH. */
static int get_free_idx(void)
{
	const struct thread_struct *t = &current->thread;
	int idx;

	for (idx = 0; idx < GDT_ENTRY_TLS_ENTRIES; idx++)
		if (desc_empty(&t->tls_array[idx]))
			return idx + GDT_ENTRY_TLS_MIN;
	return -ESRCH;
}

/* "No segment at all", in both spellings programs use: the canonical
 * empty descriptor, and an all-zero user_desc. */
static bool LDT_empty(const struct user_desc *info)
{
	return info->base_addr == 0 && info->limit == 0 &&
	       info->contents == 0 && info->read_exec_only == 1 &&
	       info->seg_32bit == 0 && info->limit_in_pages == 0 &&
	       info->seg_not_present == 1 && info->useable == 0;
}

static bool LDT_zero(const struct user_desc *info)
{
	return info->base_addr == 0 && info->limit == 0 &&
	       info->contents == 0 && info->read_exec_only == 0 &&
	       info->seg_32bit == 0 && info->limit_in_pages == 0 &&
	       info->seg_not_present == 0 && info->useable == 0;
}

/* Only present 32-bit data segments may go into the TLS slots. */
static bool tls_desc_okay(const struct user_desc *info)
{
	if (LDT_empty(info) || LDT_zero(info))
		return true;
	return info->seg_32bit && info->contents <= 1 &&
	       !info->seg_not_present;
}

/* Build the descriptor: DPL 3, data, accessed (Linux's fill_ldt). */
static void fill_ldt(struct desc_struct *desc, const struct user_desc *info)
{
	desc->a = (info->limit & 0x0ffff) | (info->base_addr & 0xffff) << 16;
	desc->b = ((info->base_addr & 0x00ff0000) >> 16) |
		  1 << 8 |				/* accessed */
		  (info->read_exec_only ^ 1) << 9 |	/* writable */
		  info->contents << 10 |
		  1 << 12 |				/* code/data */
		  3 << 13 |				/* DPL 3 */
		  (info->seg_not_present ^ 1) << 15 |	/* present */
		  (info->limit & 0xf0000) |
		  info->useable << 20 |
		  info->seg_32bit << 22 |
		  info->limit_in_pages << 23 |
		  (info->base_addr & 0xff000000);
}

/* The reverse, for get_thread_area. */
static void fill_user_desc(struct user_desc *info, int idx,
			   const struct desc_struct *desc)
{
	memset(info, 0, sizeof(*info));
	info->entry_number = idx;
	info->base_addr = get_desc_base(desc);
	info->limit = get_desc_limit(desc);
	info->seg_32bit = desc->b >> 22 & 1;
	info->contents = desc->b >> 10 & 3;
	info->read_exec_only = !(desc->b >> 9 & 1);
	info->limit_in_pages = desc->b >> 23 & 1;
	info->seg_not_present = !(desc->b >> 15 & 1);
	info->useable = desc->b >> 20 & 1;
}

/* Where a user's struct user_desc keeps entry_number, computed as an
 * address: u_info may be any value, NULL included, and is never
 * dereferenced here (the debug kernel's UBSAN flags &u_info->member on a
 * NULL u_info; the fuzzer found it). */
static unsigned int __user *user_desc_entry(struct user_desc __user *u_info)
{
	return (unsigned int __user *)((char __user *)u_info +
				       offsetof(struct user_desc, entry_number));
}

/*
 * Set TLS slot idx of task p from the user_desc at u_info (idx -1: the
 * slot u_info names; if that is -1 too and can_allocate, a free slot,
 * whose number is written back). For p == current the GDT changes at
 * once; copy_thread calls this for a CLONE_SETTLS child, whose slots the
 * GDT gets when the child first runs.
 */
int do_set_thread_area(struct task_struct *p, int idx,
		       struct user_desc __user *u_info, int can_allocate)
{
	struct user_desc info;
	struct desc_struct *desc;

	if (copy_from_user(&info, u_info, sizeof(info)))
		return -EFAULT;
	if (!tls_desc_okay(&info))
		return -EINVAL;
	if (idx == -1)
		idx = info.entry_number;
	if (idx == -1 && can_allocate) {
		idx = get_free_idx();
		if (idx < 0)
			return idx;
		if (put_user(idx, user_desc_entry(u_info)))
			return -EFAULT;
	}
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;

	desc = &p->thread.tls_array[idx - GDT_ENTRY_TLS_MIN];
	if (LDT_empty(&info) || LDT_zero(&info))
		desc->a = desc->b = 0;
	else
		fill_ldt(desc, &info);
	if (p == current)
		load_TLS(&p->thread);
	return 0;
}

SYSCALL_DEFINE1(set_thread_area, struct user_desc __user *, u_info)
{
	return do_set_thread_area(current, -1, u_info, 1);
}

SYSCALL_DEFINE1(get_thread_area, struct user_desc __user *, u_info)
{
	struct user_desc info;
	int idx;

	if (get_user(idx, user_desc_entry(u_info)))
		return -EFAULT;
	if (idx < GDT_ENTRY_TLS_MIN || idx > GDT_ENTRY_TLS_MAX)
		return -EINVAL;
	fill_user_desc(&info, idx,
		       &current->thread.tls_array[idx - GDT_ENTRY_TLS_MIN]);
	return copy_to_user(u_info, &info, sizeof(info)) ? -EFAULT : 0;
}
