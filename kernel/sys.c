/* Small per-task helpers. */
#include <linux/sched.h>
#include <linux/string.h>

void set_task_comm(struct task_struct *tsk, const char *name)
{
	strscpy(tsk->comm, name, sizeof(tsk->comm));
}
