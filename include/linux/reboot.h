/* Ending the machine: power off (tests see QEMU exit 0), and the emergency
 * exit panic() uses (QEMU exits with a failure status). */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

void __noreturn kernel_power_off(void);
/* Architecture: stop the machine; failure=true makes QEMU exit non-zero. */
void __noreturn machine_power_off(bool failure);

#endif
