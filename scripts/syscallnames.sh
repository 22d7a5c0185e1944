#!/bin/sh
# Generate a C table of system-call names, indexed by number, from the
# Linux user-space headers of the cross toolchain ($1, e.g.
# riscv64-linux-gnu-gcc): the kernel prints "system call NAME is not
# implemented" with it. The numbers come from Linux's own headers, so the
# table cannot drift from the ABI.
cc=${1:?usage: syscallnames.sh USER_CC}
names=$(echo '#include <asm/unistd.h>' | $cc -E -dM - |
	sed -n 's/^#define __NR_\([a-z_][a-z0-9_]*\) .*/\1/p' |
	grep -vx syscalls | sort -u)	# i386's _llseek, _newselect too
{
	echo '#include <asm/unistd.h>'
	echo 'SYSCALL_NAMES_START'
	for n in $names; do
		echo "[__NR_$n] = \"$n\","
	done
	echo 'SYSCALL_NAMES_END'
} | $cc -E -P - | sed -n '/SYSCALL_NAMES_START/,/SYSCALL_NAMES_END/p' |
	sed 's/SYSCALL_NAMES_START/const char *const syscall_names[] = {/;
	     s/SYSCALL_NAMES_END/};/'
echo 'const unsigned long nr_syscall_names ='
echo '	sizeof(syscall_names) / sizeof(syscall_names[0]);'
