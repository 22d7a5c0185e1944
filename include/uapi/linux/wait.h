/* The options of wait4 and waitid, as user space passes them (Linux's
 * include/uapi/linux/wait.h). */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WSTOPPED WUNTRACED
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000	/* leave the child waitable */

#define __WNOTHREAD 0x20000000	/* only this thread's children */
#define __WALL 0x40000000	/* every child, clone or not */
#define __WCLONE 0x80000000	/* only clone children */

#endif
