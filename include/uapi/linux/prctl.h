/* prctl(2) options, Linux's numbers: Clonix knows the task-name pair and
 * the child-subreaper pair. */
#ifndef _UAPI_LINUX_PRCTL_H
#define _UAPI_LINUX_PRCTL_H

#define PR_SET_NAME 15	/* set the calling thread's comm (16 bytes, NUL included) */
#define PR_GET_NAME 16	/* get it */
#define PR_SET_CHILD_SUBREAPER 36	/* orphans below come to us, not init */
#define PR_GET_CHILD_SUBREAPER 37	/* whether they do (an int) */

#endif
