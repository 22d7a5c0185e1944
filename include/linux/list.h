/* Doubly linked circular lists, Linux's struct list_head and its helpers.
 * An object embeds a list_head; container_of/list_entry gets back to it. */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <linux/compiler.h>
#include <linux/kernel.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static __always_inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

static __always_inline void __list_add(struct list_head *new,
				       struct list_head *prev,
				       struct list_head *next)
{
	next->prev = new;
	new->next = next;
	new->prev = prev;
	prev->next = new;
}

/* Insert new right after head (stack order). */
static __always_inline void list_add(struct list_head *new,
				     struct list_head *head)
{
	__list_add(new, head, head->next);
}

/* Insert new right before head, i.e. at the tail (queue order). */
static __always_inline void list_add_tail(struct list_head *new,
					  struct list_head *head)
{
	__list_add(new, head->prev, head);
}

/* Unlink entry and leave it pointing at itself, so list_empty(entry) holds. */
static __always_inline void list_del_init(struct list_head *entry)
{
	entry->next->prev = entry->prev;
	entry->prev->next = entry->next;
	INIT_LIST_HEAD(entry);
}

static __always_inline void list_del(struct list_head *entry)
{
	list_del_init(entry);
}

static __always_inline void list_move_tail(struct list_head *entry,
					   struct list_head *head)
{
	list_del_init(entry);
	list_add_tail(entry, head);
}

/* Exactly one entry on the list. */
static __always_inline int list_is_singular(const struct list_head *head)
{
	return head->next != head && head->next == head->prev;
}

static __always_inline void list_replace_init(struct list_head *old,
					      struct list_head *new)
{
	new->next = old->next;
	new->next->prev = new;
	new->prev = old->prev;
	new->prev->next = new;
	INIT_LIST_HEAD(old);
}

static __always_inline int list_empty(const struct list_head *head)
{
	return head->next == head;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)
#define list_first_entry_or_null(head, type, member) \
	(list_empty(head) ? NULL : list_first_entry(head, type, member))

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

#define list_for_each_entry(pos, head, member)                          \
	for (pos = list_entry((head)->next, __typeof__(*pos), member); \
	     &pos->member != (head);                                    \
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

#define list_for_each_entry_safe(pos, n, head, member)                      \
	for (pos = list_entry((head)->next, __typeof__(*pos), member),     \
	    n = list_entry(pos->member.next, __typeof__(*pos), member);     \
	     &pos->member != (head);                                        \
	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif
