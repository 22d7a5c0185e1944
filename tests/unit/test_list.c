/*
 * Unit tests for include/linux/list.h: insertion order, deletion, moving
 * and the iteration macros, on a list of structs embedding a list_head.
 */
#include <linux/list.h>
#include "unit.h"

struct item {
	int value;
	struct list_head node;
};

/* The values on the list, in order, as digits: "123". */
static const char *values(struct list_head *head)
{
	static char buf[32];
	struct item *it;
	int n = 0;

	list_for_each_entry(it, head, node)
		buf[n++] = '0' + it->value;
	buf[n] = '\0';
	return buf;
}

static void test_new_list_is_empty_and_points_at_itself(void)
{
	LIST_HEAD(head);
	struct list_head other;

	CHECK(list_empty(&head));
	CHECK(head.next == &head && head.prev == &head);
	INIT_LIST_HEAD(&other);
	CHECK(list_empty(&other));
	CHECK(list_first_entry_or_null(&head, struct item, node) == NULL);
}

static void test_list_add_is_stack_order_and_add_tail_queue_order(void)
{
	struct item a = { .value = 1 }, b = { .value = 2 }, c = { .value = 3 };
	LIST_HEAD(stack);
	LIST_HEAD(queue);

	list_add(&a.node, &stack);
	list_add(&b.node, &stack);
	list_add(&c.node, &stack);
	CHECK_STR(values(&stack), "321");

	INIT_LIST_HEAD(&stack);
	list_add_tail(&a.node, &queue);
	list_add_tail(&b.node, &queue);
	list_add_tail(&c.node, &queue);
	CHECK_STR(values(&queue), "123");
	CHECK(list_first_entry(&queue, struct item, node) == &a);
	CHECK(queue.prev == &c.node);
}

static void test_list_del_init_unlinks_and_leaves_entry_empty(void)
{
	struct item a = { .value = 1 }, b = { .value = 2 }, c = { .value = 3 };
	LIST_HEAD(head);

	list_add_tail(&a.node, &head);
	list_add_tail(&b.node, &head);
	list_add_tail(&c.node, &head);
	list_del_init(&b.node);
	CHECK_STR(values(&head), "13");
	CHECK(list_empty(&b.node));
	list_del(&a.node);
	list_del(&c.node);
	CHECK(list_empty(&head));
}

static void test_list_move_tail_moves_between_lists(void)
{
	struct item a = { .value = 1 }, b = { .value = 2 };
	LIST_HEAD(run_queue);
	LIST_HEAD(wait_queue);

	list_add_tail(&a.node, &run_queue);
	list_add_tail(&b.node, &run_queue);
	list_move_tail(&a.node, &run_queue); /* round robin */
	CHECK_STR(values(&run_queue), "21");
	list_move_tail(&b.node, &wait_queue);
	CHECK_STR(values(&run_queue), "1");
	CHECK_STR(values(&wait_queue), "2");
}

static void test_for_each_entry_safe_allows_deleting_while_walking(void)
{
	struct item items[5], *it, *next;
	struct list_head *pos;
	LIST_HEAD(head);
	int i, n = 0;

	for (i = 0; i < 5; i++) {
		items[i].value = i;
		list_add_tail(&items[i].node, &head);
	}
	list_for_each_entry_safe(it, next, &head, node) {
		if (it->value % 2)
			list_del_init(&it->node);
	}
	CHECK_STR(values(&head), "024");
	list_for_each(pos, &head)
		n++;
	CHECK_INT(n, 3);
	CHECK(list_entry(head.next, struct item, node) == &items[0]);
}

int main(void)
{
	RUN_TEST(test_new_list_is_empty_and_points_at_itself);
	RUN_TEST(test_list_add_is_stack_order_and_add_tail_queue_order);
	RUN_TEST(test_list_del_init_unlinks_and_leaves_entry_empty);
	RUN_TEST(test_list_move_tail_moves_between_lists);
	RUN_TEST(test_for_each_entry_safe_allows_deleting_while_walking);
	return unit_summary();
}
