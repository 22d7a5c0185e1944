# Clonix: build, run, debug and test. ARCH=riscv (default) or ARCH=x86.
#   make            build build/$(ARCH)/vmlinux (and Image on RISC-V)
#   make rootfs     build user/ programs and pack build/$(ARCH)/rootfs.img
#   make run        boot MenuOS in QEMU (Ctrl-a x quits); APPEND='...' adds
#                   to the kernel command line, BOOT=default|opensbi|uboot
#                   picks the boot chain on RISC-V (see README.md)
#   make debug      the same, paused for gdb on :1234 (see start-gdb.sh)
#   make uImage     RISC-V: kernel and initramfs as U-Boot uImages; make
#                   uboot-disk puts them on the disk BOOT=uboot boots
#   make test       every test (host unit tests and QEMU boot tests), on
#                   both architectures
#   make lab-report the fork lab traced live on both architectures, as a
#                   side-by-side report in build/lab/report.{md,html}
#   make bench      process creation measured in QEMU (guest instructions
#                   under -icount, and wall time) on both architectures, or
#                   the one ARCH= names: build/bench/results.{md,json} and
#                   fork-cost.svg; BENCH_ARGS=--quick for a short run,
#                   BENCH_ARGS='--linux VMLINUZ' to add Linux i386 beside
#   make profile    where a command's instructions go in the kernel, per
#                   function (default: 200 rounds of fork + exit + wait):
#                   build/profile/<arch>.txt (PROFILE_ARGS='--rounds N')
#   make stress     the soak: 1,000,000 fork/exit/wait rounds across pid
#                   wraps, fork bombs, reparenting storms, 1,000 threads,
#                   ping-pong, then a leak check (STRESS_ARGS='--rounds N')
#   make check      sparse over every kernel .c file (user pointers are
#                   __user, see include/linux/compiler_types.h); fails on
#                   any warning. Both architectures unless ARCH= is given
#   make DEBUG=1    the debug kernel (UBSAN, slab and page poisoning, lock
#                   checks) in build/$(ARCH)-debug; make test-debug runs
#                   the tests on it
#   make fuzz       the system-call fuzzer in QEMU: 1,000,000 calls with a
#                   random seed (FUZZ_SEED=, FUZZ_CALLS= to replay), both
#                   architectures unless ARCH= is given
#   make deps       install missing Debian packages
#   make clean
ARCH ?= riscv
ARCHES := riscv x86
# DEBUG=1: the debug kernel (see the DEBUG block below) in its own
# directory, so its objects never mix with the normal build's. User space
# (U) is the same for both kernels: the debug kernel boots the normal rootfs.
DEBUG ?=
# DEBUG=0 is the normal kernel.
override DEBUG := $(strip $(filter-out 0,$(DEBUG)))
O := build/$(ARCH)$(if $(DEBUG),-debug)
U := build/$(ARCH)
MEM ?= 128M
APPEND ?=
PYTHON := /usr/bin/python3
# V=1 shows full command lines.
Q := $(if $(V),,@)

# `make` alone builds `all`, even though arch Makefiles may add rules first.
.DEFAULT_GOAL := all
include arch/$(ARCH)/Makefile

CC := $(CROSS_COMPILE)gcc
NM := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy

CFLAGS := -std=gnu11 -O2 -g -ffreestanding -fno-builtin -nostdlib \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pie \
	-fno-omit-frame-pointer -fno-common -fno-strict-aliasing \
	-Wall -Wextra -Werror -Wno-override-init -Iinclude -Iarch/$(ARCH)/include \
	-I$(O)/include $(ARCH_CFLAGS)
ASFLAGS := $(CFLAGS) -D__ASSEMBLY__
LDFLAGS := -nostdlib -static -Wl,--build-id=none $(ARCH_LDFLAGS)

CORE_SRCS := $(wildcard init/*.c kernel/*.c kernel/*/*.c mm/*.c fs/*.c fs/proc/*.c drivers/char/*.c \
	lib/*.c drivers/tty/*.c drivers/tty/serial/*.c)
# The 16-bit uid calls (kernel/uid16.c) only for an arch that has them
# (HAVE_UID16 in its Makefile; Linux's CONFIG_HAVE_UID16).
ifneq ($(HAVE_UID16),y)
CORE_SRCS := $(filter-out kernel/uid16.c,$(CORE_SRCS))
endif
# The debug kernel's reporters and self-tests only in DEBUG=1 builds.
DEBUG_SRCS := lib/ubsan.c lib/test_debug.c kernel/locking/spinlock_debug.c
ifeq ($(DEBUG),)
CORE_SRCS := $(filter-out $(DEBUG_SRCS),$(CORE_SRCS))
endif
SRCS := $(ARCH_SRCS) $(CORE_SRCS)
# The files students step through in the fork, pipe and signals labs are
# built without optimisation, so gdb can print every variable there
# (p *childregs, p *pipe, p *frame ...).
LAB_SRCS := kernel/fork.c fs/pipe.c kernel/signal.c \
	$(wildcard arch/$(ARCH)/kernel/process*.c arch/$(ARCH)/kernel/signal.c)
OBJS := $(patsubst %,$(O)/%.o,$(basename $(SRCS))) $(O)/syscallnames.o
ASM_OFFSETS := $(O)/include/generated/asm-offsets.h
# Objects are rebuilt when the flags may have changed.
BUILD_FILES := Makefile arch/$(ARCH)/Makefile
LDS := $(O)/vmlinux.lds

.PHONY: all kernel rootfs run debug test unit lab-report bench check check-arch \
	deps clean test-debug
all: kernel links

kernel: $(O)/vmlinux $(KERNEL_IMAGE)

# Top-level links so the seeds' commands (file vmlinux, -initrd rootfs.img)
# work as written.
links: kernel
	@ln -sfn $(O)/vmlinux vmlinux
	@if [ -f $(U)/rootfs.img ]; then ln -sfn $(U)/rootfs.img rootfs.img; fi

$(ASM_OFFSETS): arch/$(ARCH)/kernel/asm-offsets.c $(wildcard include/linux/*.h arch/$(ARCH)/include/asm/*.h)
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	$(Q)$(CC) $(CFLAGS) -S -o $(O)/asm-offsets.s $<
	@{ echo "/* Generated from $< -- do not edit. */"; \
	   echo "#ifndef __ASM_OFFSETS_H__"; echo "#define __ASM_OFFSETS_H__"; \
	   sed -n 's/^[[:space:]]*\.ascii[[:space:]]*"->\([A-Za-z0-9_]*\) [$$#]*\([-0-9]*\) .*"/#define \1 \2/p' $(O)/asm-offsets.s; \
	   echo "#endif"; } > $@

$(O)/%.o: %.c $(BUILD_FILES) | $(ASM_OFFSETS) $(ARCH_GENERATED)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) $(if $(filter $<,$(LAB_SRCS)),-O0) -MMD -MP -c -o $@ $<

$(O)/%.o: %.S $(BUILD_FILES) | $(ASM_OFFSETS) $(ARCH_GENERATED)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(ASFLAGS) -MMD -MP -c -o $@ $<

# Names of all Linux system calls of this ABI, from the cross toolchain's
# Linux headers (for the -ENOSYS message).
$(O)/syscallnames.c: scripts/syscallnames.sh
	@mkdir -p $(dir $@)
	$(Q)sh scripts/syscallnames.sh $(USER_CC) > $@.tmp && mv $@.tmp $@

$(O)/syscallnames.o: $(O)/syscallnames.c
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c -o $@ $<

$(LDS): arch/$(ARCH)/kernel/vmlinux.lds.S
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ASFLAGS) -E -P -x c -o $@ $<

# Two links: the first gives the addresses of every function, which become
# the kallsyms table of the second. Code comes before the table, so it does
# not move between the two.
$(O)/vmlinux: $(OBJS) $(LDS) scripts/kallsyms.sh
	@echo "  LD      $@"
	$(Q)sh scripts/kallsyms.sh $(KALLSYMS_PTR) < /dev/null > $(O)/kallsyms0.S
	$(Q)$(CC) $(ASFLAGS) -c -o $(O)/kallsyms0.o $(O)/kallsyms0.S
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -T $(LDS) -o $(O)/vmlinux.tmp $(OBJS) $(O)/kallsyms0.o
	$(Q)$(NM) -n $(O)/vmlinux.tmp | sh scripts/kallsyms.sh $(KALLSYMS_PTR) > $(O)/kallsyms.S
	$(Q)$(CC) $(ASFLAGS) -c -o $(O)/kallsyms.o $(O)/kallsyms.S
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -T $(LDS) -o $@ $(OBJS) $(O)/kallsyms.o
	$(Q)$(NM) -n $(O)/vmlinux.tmp | grep -i ' t ' > $(O)/syms.1
	$(Q)$(NM) -n $@ | grep -i ' t ' > $(O)/syms.2
	$(Q)cmp -s $(O)/syms.1 $(O)/syms.2 || { echo "kallsyms: code moved between links"; exit 1; }

$(O)/Image: $(O)/vmlinux
	@echo "  OBJCOPY $@"
	$(Q)$(OBJCOPY) -O binary $< $@

# ---- user space: every user/*.c becomes /bin/<name> --------------------
USER_CFLAGS := -O2 -g -Wall -Wextra -Iuser/include
# Programs are static (-static) unless USER_LDMODE_<name> says otherwise.
USER_LDMODE_test_pie := -nostdlib -ffreestanding -fPIE -pie \
	-Wl,--no-dynamic-linker -Wl,-z,norelro
# bench_tiny: no C library, one page of code and no other segment.
USER_LDMODE_bench_tiny := -nostdlib -ffreestanding -static -fno-pie -no-pie \
	-fno-asynchronous-unwind-tables -fno-stack-protector \
	-Wl,--build-id=none -Wl,-z,norelro -Wl,-z,noseparate-code
USER_PROGS := $(patsubst user/%.c,$(U)/rootfs/bin/%,$(wildcard user/*.c)) \
	$(U)/rootfs/init

$(U)/rootfs/bin/%: user/%.c $(wildcard user/include/*.h)
	@mkdir -p $(dir $@)
	@echo "  USERCC  $@"
	$(Q)$(USER_CC) $(USER_CFLAGS) $(or $(USER_LDMODE_$*),-static) -o $@ $<

# MenuOS (user/menu/) is /init; its `thread` command uses pthreads.
$(U)/rootfs/init: $(wildcard user/menu/*.c user/menu/*.h)
	@mkdir -p $(dir $@)
	@echo "  USERCC  $@"
	$(Q)$(USER_CC) $(USER_CFLAGS) -static -pthread -o $@ $(filter %.c,$^)

# BusyBox, from Debian's source package (downloaded once into
# ~/.cache/clonix), cross-built once per architecture: scripts/busybox.sh.
BUSYBOX := $(U)/busybox/busybox
$(BUSYBOX): scripts/busybox.sh scripts/busybox.config
	$(Q)sh scripts/busybox.sh build $(patsubst %gcc,%,$(USER_CC)) $(U)/busybox

rootfs: $(U)/rootfs.img
	@ln -sfn $(U)/rootfs.img rootfs.img

# rootfs/ holds the files copied as they are (rootfs/etc/passwd, group).
ROOTFS_FILES := $(shell find rootfs -type f 2>/dev/null)

# The programs in the initramfs are stripped, as a distribution's are: the
# RAM file system holds every file in memory, and the symbols and debug
# information (a fifth of a static glibc program) are for gdb, which reads
# them from the unstripped copies in $(U)/rootfs.
USER_STRIP := $(patsubst %gcc,%strip,$(USER_CC))

# The initramfs is $(U)/rootfs (MenuOS and user/ programs) plus BusyBox:
# /bin/busybox and a link per applet, in /bin unless a program there has
# the name (then in /usr/bin). It is put together in $(U)/initramfs, so a
# new user/foo.c never finds an applet's link in the way.
$(U)/rootfs.img: $(USER_PROGS) $(ROOTFS_FILES) $(BUSYBOX)
	@mkdir -p $(U)/rootfs/bin $(U)/rootfs/dev $(U)/rootfs/tmp
	@chmod 1777 $(U)/rootfs/tmp	# anyone may create there, as Linux's /tmp
	@cp -R rootfs/. $(U)/rootfs/
	@ln -sfn /init $(U)/rootfs/bin/sh
	$(Q)rm -rf $(U)/initramfs && cp -a $(U)/rootfs $(U)/initramfs
	$(Q)find $(U)/initramfs -type f -perm -u+x -exec $(USER_STRIP) {} +
	$(Q)sh scripts/busybox.sh install $(U)/busybox $(U)/initramfs
	cd $(U)/initramfs && find . -mindepth 1 | LC_ALL=C sort | \
		cpio -o -H newc --owner=0:0 --reproducible --quiet > ../rootfs.img

# ---- running -------------------------------------------------------------
run: deps all rootfs $(BOOT_FILES)
	$(QEMU) $(QEMU_ARGS) -append "$(APPEND)"

debug: deps all rootfs $(BOOT_FILES)
	@echo "QEMU is paused with a gdb stub on :1234; run ./start-gdb.sh"
	$(QEMU) $(QEMU_ARGS) -append "$(APPEND)" -s -S

# ---- tests ----------------------------------------------------------------
# Both architectures' packages: the tests build each kernel they boot.
# Then the whole suite again on the debug kernel (UBSAN, slab and page
# poisoning, the lock checker): any report fails the test that made it.
# Left out of that second pass: the files that boot no kernel of their own
# choosing (sparse, the host unit tests, the trace's scripted-gdb test,
# and make bench and make profile, which measure the normal kernel), and
# test_debug_kernel, whose machines are debug kernels in the first pass
# already.
DEBUG_CI_TESTS := tests/ --ignore=tests/test_check.py \
	--ignore=tests/test_unit_host.py --ignore=tests/test_trace_repeats.py \
	--ignore=tests/test_bench.py --ignore=tests/test_profile.py \
	--ignore=tests/test_debug_kernel.py
test:
	$(Q)for arch in $(ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) -m pytest tests/ -v --durations=20
	$(MAKE) --no-print-directory test-debug TEST_DEBUG_ARGS="$(DEBUG_CI_TESTS)"

unit:
	$(MAKE) -C tests/unit run

# The cross-architecture fork lab report, from live gdb traces of `fork` on
# both architectures (scripts/lab/report.py); it prints where the report is.
lab-report:
	$(Q)for arch in $(ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) scripts/lab/report.py

# The benchmark (scripts/bench/bench.py boots user/bench.c): both
# architectures unless ARCH= is given on the command line.
BENCH_ARCHES := $(if $(filter file,$(origin ARCH)),$(ARCHES),$(ARCH))
BENCH_ARGS ?=
bench:
	$(Q)for arch in $(BENCH_ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) scripts/bench/bench.py $(foreach a,$(BENCH_ARCHES),--arch $(a)) $(BENCH_ARGS)

# Where the kernel spends a command's instructions, per function
# (scripts/bench/profile.py: QEMU's -d exec under -icount); the default
# command is `test_forkloop 200`. PROFILE_ARGS='--rounds 50' or
# PROFILE_ARGS="--command 'test_pipe'" to change it.
PROFILE_ARGS ?=
.PHONY: profile
profile:
	$(Q)for arch in $(BENCH_ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) scripts/bench/profile.py $(foreach a,$(BENCH_ARCHES),--arch $(a)) $(PROFILE_ARGS)

# The soak (issue 14, point 4; scripts/stress/stress.py boots user/stress.c):
# 1,000,000 fork rounds and the other storms, then the leak check, on both
# architectures unless ARCH= is given; STRESS_ARGS='--rounds 50000' for less.
STRESS_ARGS ?=
.PHONY: stress
stress:
	$(Q)for arch in $(BENCH_ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) scripts/stress/stress.py $(foreach a,$(BENCH_ARCHES),--arch $(a)) $(STRESS_ARGS)

# The debug kernel: `make DEBUG=1` (any target; objects in build/$(ARCH)-debug,
# the rootfs shared with the normal build). GCC's undefined-behaviour
# sanitizer, reported by the kernel's own lib/ubsan.c: the checks that mean
# something in a freestanding kernel without floating point. Then Linux's
# debug options, each a CONFIG_ the code tests: slab redzones and poison
# (mm/slab.c), page poisoning (mm/page_alloc.c), lock ownership and
# sleeping with a spinlock held (kernel/locking/), WARN_ON ending the
# machine (include/linux/printk.h). Any report ends QEMU with a failure
# status. The boot option debug_selftest=<fault> commits each fault on
# purpose (lib/test_debug.c); tests/test_debug_kernel.py uses it.
# `make test-debug` runs the whole test suite on the debug kernel
# (CLONIX_DEBUG=1: tests/conftest.py builds and boots it, and fails a test
# whose console shows a report).
# Misaligned accesses only where they are a fault (RISC-V, built with
# -mstrict-align), as Linux's UBSAN_ALIGNMENT: i386 does them in hardware,
# and there the check only flags list heads inside structures less aligned
# than the entries (list_for_each_entry's end test, container_of).
UBSAN_CHECKS := shift signed-integer-overflow integer-divide-by-zero bounds \
	null object-size vla-bound bool enum unreachable builtin \
	nonnull-attribute returns-nonnull-attribute pointer-overflow \
	$(if $(filter riscv,$(ARCH)),alignment)
comma := ,
UBSAN_FLAGS := -fsanitize=$(subst $(eval) ,$(comma),$(strip $(UBSAN_CHECKS)))
# No tail calls: every caller keeps its frame, so a report's backtrace
# names each step (Linux's flags with CONFIG_FRAME_POINTER).
ifneq ($(DEBUG),)
CFLAGS += $(UBSAN_FLAGS) -fno-optimize-sibling-calls -DCONFIG_DEBUG_KERNEL -DCONFIG_UBSAN \
	-DCONFIG_SLUB_DEBUG -DCONFIG_PAGE_POISONING -DCONFIG_DEBUG_SPINLOCK \
	-DCONFIG_DEBUG_ATOMIC_SLEEP -DCONFIG_DEBUG_RWSEMS -DCONFIG_PANIC_ON_WARN
# The reporters themselves are not checked (a report would recurse).
$(O)/lib/ubsan.o: CFLAGS += -fno-sanitize=all
endif
TEST_DEBUG_ARGS ?= tests/
test-debug:
	$(Q)for arch in $(ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	CLONIX_DEBUG=1 $(PYTHON) -m pytest $(TEST_DEBUG_ARGS) -v --durations=20
# The syscall fuzzer (issue 14): user/fuzz.c draws its calls from this
# architecture's own table, turned into {nr, "name"} lines here; `make fuzz`
# (scripts/fuzz/fuzz.py) boots each architecture (both unless ARCH= is
# given) and runs FUZZ_CALLS calls (1,000,000) with a random seed, or
# FUZZ_SEED= to replay one.
FUZZ_TABLE_riscv := arch/riscv/kernel/syscall_table.c
FUZZ_TABLE_x86 := arch/x86/kernel/syscall_32.c
$(U)/fuzz/fuzz_syscalls.h: $(FUZZ_TABLE_$(ARCH))
	@mkdir -p $(dir $@)
	$(Q)sed -n 's/^[[:space:]]*SC(\([0-9]*\), *sys_\([a-z0-9_]*\)).*/{\1, "\2"},/p' $< > $@
$(U)/rootfs/bin/fuzz: $(U)/fuzz/fuzz_syscalls.h
$(U)/rootfs/bin/fuzz: USER_CFLAGS += -I$(U)/fuzz
FUZZ_ARCHES := $(if $(filter file,$(origin ARCH)),$(ARCHES),$(ARCH))
FUZZ_SEED ?=
FUZZ_CALLS ?= 1000000
.PHONY: fuzz
fuzz:
	$(Q)for arch in $(FUZZ_ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) scripts/fuzz/fuzz.py $(foreach a,$(FUZZ_ARCHES),--arch $(a)) \
		--calls $(FUZZ_CALLS) $(if $(FUZZ_SEED),--seed $(FUZZ_SEED))

# Preemption latency (issue 14, point 7): user/latency.c on both
# architectures under -icount, 512 MiB; prints each operation's largest
# gap in guest ns and fails on one above 100 ms (tests/test_latency.py).
.PHONY: latency
latency:
	$(Q)for arch in $(ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(PYTHON) -m pytest -s -q tests/test_latency.py

# Static checking with sparse (Debian's package), as Linux's `make C=2`:
# each kernel .c file of the architecture is checked with the kernel's own
# flags (sparse ignores the GCC-only ones) and __CHECKER__ defined, which
# turns on the __user/__force/__iomem annotations. Any warning fails.
CHECK_ARCHES := $(if $(filter file,$(origin ARCH)),$(ARCHES),$(ARCH))
SPARSE := sparse
SPARSE_ARCH_riscv := --arch=riscv64
# GCC's i386 <stddef.h> names __float128, a type sparse 0.6.4 lacks there.
SPARSE_ARCH_x86 := --arch=i386 -D__float128='long double'
# Sparse is no compiler: /proc/version's __VERSION__ is GCC's, given here.
# Linux's checks (-Wbitwise, -Wno-return-void) less -Wdecl's "should it be
# static?": the fork lab's steps (kernel/fork.c) are global on purpose, so
# gdb and kallsyms name them. -Wsparse-error: any warning fails.
# (= not :=: GCC is asked only when make check runs.)
SPARSE_FLAGS = $(SPARSE_ARCH_$(ARCH)) -D__CHECKER__ \
	-D__VERSION__='"$(shell $(CC) -dumpversion)"' -Wbitwise -Wno-return-void \
	-Wno-decl -Wsparse-error
# Sparse 0.6.4 knows RISC-V's base ISA letters but not the _z extensions.
# Only the cross compiler's freestanding headers, as GCC sees them.
SPARSE_CFLAGS = $(patsubst -march=rv64imac_zicsr_zifencei,-march=rv64imac,$(CFLAGS)) \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include)
CHECK_SRCS := $(filter %.c,$(SRCS))
check:
	$(Q)for arch in $(CHECK_ARCHES); do $(MAKE) -s ARCH=$$arch deps || exit 1; done
	$(Q)for arch in $(CHECK_ARCHES); do $(MAKE) --no-print-directory ARCH=$$arch check-arch || exit 1; done

check-arch: $(ASM_OFFSETS) $(ARCH_GENERATED)
	@echo "  SPARSE  $(ARCH): $(words $(CHECK_SRCS)) files"
	$(Q)fail=0; for f in $(CHECK_SRCS); do \
		$(SPARSE) $(SPARSE_FLAGS) $(SPARSE_CFLAGS) $$f || fail=1; \
	done; \
	if [ $$fail = 0 ]; then echo "  SPARSE  $(ARCH): no warnings"; \
	else echo "  SPARSE  $(ARCH): warnings above" >&2; exit 1; fi

deps:
	@sh scripts/deps.sh $(ARCH_DEPS) $(COMMON_DEPS)

COMMON_DEPS := cpio:cpio gdb-multiarch:gdb-multiarch \
	/usr/lib/python3/dist-packages/pytest:python3-pytest \
	/usr/lib/python3/dist-packages/pexpect:python3-pexpect \
	qemu-riscv64:qemu-user gcc:gcc make:make \
	dpkg-source:dpkg-dev bzip2:bzip2 xz:xz-utils patch:patch \
	/usr/share/keyrings/debian-archive-keyring.gpg:debian-archive-keyring \
	sparse:sparse

clean:
	rm -rf build vmlinux rootfs.img

-include $(OBJS:.o=.d)

# The QEMU command `make run` uses, for the tests (without -append).
qemu-cmd:
	@echo $(QEMU) $(QEMU_ARGS)
