#!/bin/sh
# vdso-offsets.h from `nm vdso.so` on stdin: each exported __vdso_<name>
# symbol's offset in the image, as Linux's gen_vdso_offsets.sh:
#   #define __vdso_rt_sigreturn_offset 0x...
echo "/* Generated from the vDSO's symbol table -- do not edit. */"
echo "#ifndef __VDSO_OFFSETS_H__"
echo "#define __VDSO_OFFSETS_H__"
LC_ALL=C sed -n 's/^\([0-9a-fA-F]*\) [Tt] \(__vdso_[A-Za-z0-9_]*\)$/#define \2_offset\t0x\1/p'
echo "#endif"
