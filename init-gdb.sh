#!/bin/sh
# Start QEMU for the gdb lab, paused at the first instruction with a gdb
# stub: ./init-gdb.sh [riscv|x86]  (default: $ARCH, else riscv).
# GDBPORT overrides the stub's port (1234). Then, in a second terminal:
#   ./start-gdb.sh [riscv|x86]
set -e
cd "$(dirname "$0")"
arch=${1:-${ARCH:-riscv}}
port=${GDBPORT:-1234}
case "$arch" in
riscv|x86) ;;
*) echo "usage: $0 [riscv|x86]" >&2; exit 2 ;;
esac
make -s ARCH="$arch" deps all rootfs
qemu=$(make -s ARCH="$arch" qemu-cmd)
cat <<MSG
Clonix ($arch) is paused at its first instruction, with a gdb stub on :$port.
In a second terminal run:   ./start-gdb.sh $arch
then type 'c' in gdb, and 'fork' at the MenuOS>> prompt here.
(Quit QEMU with Ctrl-a x.)
MSG
exec $qemu -append "${APPEND:-}" -S -gdb tcp::"$port"
