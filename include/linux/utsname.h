/* The system's name as uname(2) and /proc/version give it: "Linux" for
 * glibc's sake, a release glibc accepts, and Clonix in the version. */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <asm/elf.h>
#include <uapi/linux/utsname.h>

#define UTS_SYSNAME "Linux"
#define UTS_NODENAME "clonix"
#define UTS_RELEASE "6.1.0-clonix"
#define UTS_VERSION "#1 Clonix " UTS_MACHINE

#endif
