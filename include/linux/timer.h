/* Kernel timers: run a function once jiffies reaches `expires`
 * (kernel/time/timer.c), and the tick that drives them. */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/types.h>

struct timer_list {
	struct list_head entry;
	u64 expires;
	void (*function)(struct timer_list *t);
};

void add_timer(struct timer_list *t);
int del_timer(struct timer_list *t);
int try_to_del_timer_sync(struct timer_list *t);
int del_timer_sync(struct timer_list *t);
void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void run_local_timers(void);

/* Is the timer waiting to run? (Racy unless the caller knows better.) */
static inline int timer_pending(const struct timer_list *t)
{
	return !list_empty(&t->entry);
}
void tick_handler(void);	/* called by the architecture on each tick */
void msleep(unsigned int ms);

#endif
