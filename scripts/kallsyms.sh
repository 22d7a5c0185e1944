#!/bin/sh
# Generate the kallsyms table (assembly) from `nm -n` output on stdin:
# every text symbol, sorted by address, with its name. Usage:
#   $NM -n vmlinux | scripts/kallsyms.sh 8 > kallsyms.S
# The argument is sizeof(long): 8 on RISC-V 64, 4 on i386.
ptr=${1:-8}
awk -v ptr="$ptr" '
BEGIN { n = 0 }
$2 ~ /^[tTwW]$/ && $3 !~ /^\.L/ && $3 !~ /^\$/ {
	addr[n] = $1; name[n] = $3; n++
}
END {
	print "\t.section .kallsyms, \"a\""
	dir = (ptr == 8) ? ".dword" : ".long"
	print "\t.balign " ptr
	print "\t.globl kallsyms_addresses"
	print "kallsyms_addresses:"
	for (i = 0; i < n; i++) print "\t" dir " 0x" addr[i]
	print "\t.globl kallsyms_name_offsets"
	print "kallsyms_name_offsets:"
	off = 0
	for (i = 0; i < n; i++) { print "\t.long " off; off += length(name[i]) + 1 }
	print "\t.globl kallsyms_count"
	print "kallsyms_count:"
	print "\t.long " n + 0
	print "\t.globl kallsyms_names"
	print "kallsyms_names:"
	for (i = 0; i < n; i++) print "\t.asciz \"" name[i] "\""
}'
