/* _AC(X, UL): a constant usable from both C (0x1UL) and assembly (0x1),
 * as in Linux's uapi/linux/const.h. */
#ifndef _LINUX_CONST_H
#define _LINUX_CONST_H

#ifdef __ASSEMBLY__
#define _AC(X, Y) X
#else
#define __AC(X, Y) (X##Y)
#define _AC(X, Y) __AC(X, Y)
#endif
#define _UL(x) (_AC(x, UL))

#endif
