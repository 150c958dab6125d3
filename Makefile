# Top-level build of the teaching kernel. See README.md for the targets.
#
#   make            kernel (build/kernel.elf, build/kernel.bin) and build/vexpress-a9.dtb
#   make qemu       boot in QEMU          make qemu-gdb / make gdb   debug with gdb
#   make test       every test, ending with "N passed, N failed"
#   make bench      the benchmark table (guest instructions per operation)

CROSS   ?= arm-none-eabi-
CC      := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
NM      := $(CROSS)nm
HOSTCC  ?= gcc
B       := build

# Missing tools are installed (as root) or named, before anything else runs.
DEPS_OK := $(shell tools/install-deps --check-or-install >&2 && echo yes)
ifneq ($(DEPS_OK),yes)
$(error missing build tools: see the message above)
endif

# -marm: the kernel is ARM (A32) code so that APCS frames give a simple backtrace.
# -mapcs-frame/-fno-omit-frame-pointer/-mno-sched-prolog: every function keeps the
#   {fp, ip, lr, pc} frame that kernel/backtrace.c walks.
# -nostdinc + the compiler's own include dir: only freestanding headers (stdint.h ...),
#   never newlib's, can reach kernel code.
KCFLAGS := -mcpu=cortex-a9 -marm -mfloat-abi=soft -mno-unaligned-access \
	-ffreestanding -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-std=gnu11 -O2 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	-fno-common -fno-strict-aliasing -fno-pic -fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks -fno-optimize-sibling-calls \
	-mapcs-frame -fno-omit-frame-pointer -mno-sched-prolog \
	-D__KERNEL__ -Iinclude -MMD -MP
KASFLAGS := $(KCFLAGS) -D__ASSEMBLY__
LIBGCC  := $(shell $(CC) -mcpu=cortex-a9 -marm -print-libgcc-file-name)

KSRC := $(wildcard boot/*.S boot/*.c kernel/*.c kernel/*.S mm/*.c mm/*.S drivers/*.c lib/*.c lib/*.S block/*.c fs/*.c fs/ext2/*.c \
	tests/ktest/*.c)
KOBJ := $(patsubst %,$(B)/k/%.o,$(KSRC))

all: $(B)/kernel.elf $(B)/kernel.bin $(B)/vexpress-a9.dtb $(B)/rootfs.img

$(B)/k/%.c.o: %.c Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC) $(KCFLAGS) -c $< -o $@

$(B)/k/%.S.o: %.S Makefile
	@mkdir -p $(dir $@)
	@echo "  CC      $@"; $(CC) $(KASFLAGS) -c $< -o $@

# The kernel is linked twice: first without symbol names, then with the table of
# text symbols (tools/mkkallsyms) that the panic backtrace prints. The table lives in
# its own section after .text and .rodata, so adding it moves no function.
$(B)/kernel.pass1.elf: $(KOBJ) $(B)/k/kallsyms0.o linker.ld
	@echo "  CC      $@"; $(CC) $(KCFLAGS) -nostdlib -T linker.ld -Wl,--no-warn-rwx-segments -o $@ \
		$(KOBJ) $(B)/k/kallsyms0.o $(LIBGCC)

$(B)/k/kallsyms0.o: tools/mkkallsyms
	@mkdir -p $(dir $@)
	tools/mkkallsyms /dev/null > $(B)/k/kallsyms0.S
	@echo "  CC      $@"; $(CC) $(KASFLAGS) -c $(B)/k/kallsyms0.S -o $@

$(B)/k/kallsyms.o: $(B)/kernel.pass1.elf tools/mkkallsyms
	$(NM) -n $< | tools/mkkallsyms - > $(B)/k/kallsyms.S
	@echo "  CC      $@"; $(CC) $(KASFLAGS) -c $(B)/k/kallsyms.S -o $@

$(B)/kernel.elf: $(KOBJ) $(B)/k/kallsyms.o linker.ld
	@echo "  CC      $@"; $(CC) $(KCFLAGS) -nostdlib -T linker.ld -Wl,--no-warn-rwx-segments -o $@ \
		$(KOBJ) $(B)/k/kallsyms.o $(LIBGCC)
	@$(NM) -n $(B)/kernel.pass1.elf | grep -i ' t ' > $(B)/syms1.txt
	@$(NM) -n $@ | grep -i ' t ' > $(B)/syms2.txt
	@cmp -s $(B)/syms1.txt $(B)/syms2.txt || \
		{ echo "kallsyms: text moved between link passes" >&2; rm -f $@; exit 1; }

$(B)/kernel.bin: $(B)/kernel.elf
	$(OBJCOPY) -O binary $< $@

$(B)/vexpress-a9.dtb: boot/vexpress-a9.dts
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<

-include $(shell find $(B)/k -name '*.d' 2>/dev/null)

# The root filesystem: rootfs/ (and, later, the user programs) staged in build/rootfs/ and
# made into an ext2 image by mke2fs -d; tools/qemu-run passes it as the initrd.
include user/user.mk

ROOTFS_FILES := $(shell find rootfs -type f 2>/dev/null)
$(B)/rootfs.img: $(ROOTFS_FILES) tools/mkrootfs $(USER_BINS) $(USER_TEST_BINS)
	@echo "  MKROOTFS $@"
	@tools/mkrootfs $(B)/rootfs $@ $(USER_PROGS) $(USER_TEST_PROGS)

# ---- host unit tests ------------------------------------------------------------------
# Each tests/host/test_NAME.c has a tests/host/test_NAME.mk that sets
#   HOST_SRCS_test_NAME := the project files it tests (pure logic, no hardware)
HOST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Wno-unused-parameter -Iinclude \
	-DHOST_TEST -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
HOST_TESTS := $(patsubst tests/host/%.c,$(B)/host/%,$(wildcard tests/host/test_*.c))
-include $(wildcard tests/host/*.mk)

.SECONDEXPANSION:
$(B)/host/%: tests/host/%.c $$(HOST_SRCS_$$*) $(wildcard include/*/*.h include/*.h)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOST_CFLAGS) -o $@ $< $(HOST_SRCS_$*) -lcmocka

host-tests: $(HOST_TESTS)

# ---- running --------------------------------------------------------------------------
QEMU_ARGS ?=
qemu: all
	tools/qemu-run $(QEMU_ARGS)

qemu-gdb: all
	tools/qemu-run --gdb $(QEMU_ARGS)

gdb: $(B)/kernel.elf
	gdb-multiarch -q -x tools/gdbinit

test: all host-tests
	tools/run-tests

bench: all
	tools/bench

format-check:
	clang-format --dry-run --Werror $(shell git ls-files '*.c' '*.h')

clean:
	rm -rf $(B)

.PHONY: all qemu qemu-gdb gdb test bench clean host-tests format-check
