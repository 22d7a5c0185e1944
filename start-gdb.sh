#!/bin/sh
# gdb for the fork lab: ./start-gdb.sh [riscv|x86] [--no-break] [gdb args...]
# Loads build/$ARCH/vmlinux, connects to QEMU started by ./init-gdb.sh
# (GDBPORT, default 1234), loads the helpers in scripts/gdb/clonix.py and
# sets the lab breakpoints (sys_clone, do_fork, kernel_clone, copy_process,
# dup_task_struct, copy_thread, ret_from_fork) in lab mode: they fire only
# when a user program forks. `lab-mode all` shows kernel threads' clones too.
set -e
cd "$(dirname "$0")"
arch=${ARCH:-riscv}
case "${1:-}" in
riscv|x86) arch=$1; shift ;;
esac
breaks=1
if [ "${1:-}" = "--no-break" ]; then
	breaks=0
	shift
fi
case "$arch" in
riscv) gdbarch=riscv:rv64 ;;
x86) gdbarch=i386 ;;
esac
[ -f build/"$arch"/vmlinux ] || make -s ARCH="$arch" all
# trust-readonly-sections: read code from vmlinux, not from the target, so
# gdb can skip function prologues even while paging is still off.
set -- -q -ex "set architecture $gdbarch" -ex "set trust-readonly-sections on" \
	-ex "file build/$arch/vmlinux" \
	-ex "source scripts/gdb/clonix.py" \
	-ex "target remote :${GDBPORT:-1234}" "$@"
if [ "$breaks" = 1 ]; then
	set -- "$@" -ex "lab-breaks"
fi
exec gdb-multiarch "$@"
