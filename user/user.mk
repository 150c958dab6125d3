# User space: crt0, libsys.a (the syscall layer for newlib), and the programs of user/bin,
# user/sbin, $(EXTRA_USER) and tests/user/progs. Included by the top Makefile; also works
# alone:   make -f user/user.mk user-progs [B=build] [EXTRA_USER=dir]
#
# What it gives the top Makefile:
#   USER_PROGS       HOSTFILE:GUESTPATH pairs for tools/mkrootfs: user/bin/NAME.c -> /bin/NAME,
#                    user/sbin/NAME.c -> /sbin/NAME, $(EXTRA_USER)/NAME.c -> /bin/NAME (listed
#                    last, so an extra program replaces a utility of the same name)
#   USER_BINS        the same host files alone, for prerequisites
#   USER_TEST_PROGS  tests/user/progs/NAME.c -> /test/NAME pairs (not part of USER_PROGS)
#   USER_TEST_BINS   their host files
#   USER_DEBUG_BINS  the same programs unstripped ($(B)/user/bin/NAME ...), for gdb
#   targets          user-progs, user-tests, user-clean
#
# Every program is one .c file, linked statically as Thumb-2 for ARMv7-A (docs/userspace.md
# has the same command as a one-liner for programs built outside the tree):
#   crt0.o PROG.c  --start-group libsys.a -lc -lgcc --end-group  with user/user.ld
# The group lets newlib's objects find the stubs in libsys.a whatever order they are needed.

B		?= build
CROSS		?= arm-none-eabi-
USER_CC		:= $(CROSS)gcc
USER_AR		:= $(CROSS)ar

# Don't let this fragment's first rule become the default goal of the including Makefile.
user_saved_goal := $(.DEFAULT_GOAL)

# -mthumb -march=armv7-a -mfloat-abi=soft also selects newlib's thumb/v7-a/nofp multilib.
# user/include comes first on the include path so that our headers replace newlib's.
# USER_OPT=-Og on the make command line gives code that gdb steps through line by line.
USER_ARCH	:= -mthumb -march=armv7-a -mfloat-abi=soft
USER_OPT	?= -O2
USER_CFLAGS	:= $(USER_ARCH) -std=gnu11 $(USER_OPT) -g -Wall -Wextra -Iuser/include \
		   -ffunction-sections -fdata-sections
USER_WERROR	:= -Werror
USER_LDFLAGS	:= -static -nostdlib -T user/user.ld -Wl,--gc-sections \
		   -Wl,-z,max-page-size=4096 -Wl,-z,noexecstack -Wl,--build-id=none

USER_CRT0	:= $(B)/user/crt0.o
USER_LIBSYS	:= $(B)/user/libsys.a
USER_LIBS	:= -Wl,--start-group $(USER_LIBSYS) -lc -lgcc -Wl,--end-group
USER_RUNTIME	:= $(USER_CRT0) $(USER_LIBSYS) user/user.ld user/user.mk

USER_LIB_SRCS	:= $(filter-out user/lib/crt0.S,$(wildcard user/lib/*.c user/lib/*.S))
USER_LIB_OBJS	:= $(patsubst user/lib/%,$(B)/user/lib/%.o,$(USER_LIB_SRCS))

USER_BIN_NAMES	:= $(basename $(notdir $(wildcard user/bin/*.c)))
USER_SBIN_NAMES	:= $(basename $(notdir $(wildcard user/sbin/*.c)))
USER_TEST_NAMES	:= $(basename $(notdir $(wildcard tests/user/progs/*.c)))

EXTRA_USER	?=
ifneq ($(EXTRA_USER),)
ifeq ($(wildcard $(EXTRA_USER)/*.c),)
$(error EXTRA_USER=$(EXTRA_USER): no .c files there)
endif
USER_EXTRA_NAMES := $(basename $(notdir $(wildcard $(EXTRA_USER)/*.c)))
endif

# The copies that go into the root filesystem have their debug information stripped
# (a tenth of the size); gdb reads the symbols from the full ones in $(B)/user/bin etc.
USER_PROGS	:= $(foreach n,$(USER_BIN_NAMES),$(B)/user/rootfs/bin/$(n):/bin/$(n)) \
		   $(foreach n,$(USER_SBIN_NAMES),$(B)/user/rootfs/sbin/$(n):/sbin/$(n)) \
		   $(foreach n,$(USER_EXTRA_NAMES),$(B)/user/rootfs/extra/$(n):/bin/$(n))
USER_BINS	:= $(foreach p,$(USER_PROGS),$(firstword $(subst :, ,$(p))))
USER_TEST_PROGS	:= $(foreach n,$(USER_TEST_NAMES),$(B)/user/rootfs/test/$(n):/test/$(n))
USER_TEST_BINS	:= $(foreach p,$(USER_TEST_PROGS),$(firstword $(subst :, ,$(p))))
# The unstripped programs, with debug information: what gdb loads.
USER_DEBUG_BINS	:= $(patsubst $(B)/user/rootfs/%,$(B)/user/%,$(USER_BINS) $(USER_TEST_BINS))

user-progs: $(USER_BINS)
user-tests: $(USER_TEST_BINS)
user-clean:
	rm -rf $(B)/user

# ---- the runtime: crt0.o and libsys.a --------------------------------------------------
$(B)/user/lib/%.c.o: user/lib/%.c user/user.mk
	@mkdir -p $(@D)
	@echo "  USERCC  $@"; $(USER_CC) $(USER_CFLAGS) $(USER_WERROR) -MMD -MP -c $< -o $@

$(B)/user/lib/%.S.o: user/lib/%.S user/user.mk
	@mkdir -p $(@D)
	@echo "  USERAS  $@"; $(USER_CC) $(USER_CFLAGS) $(USER_WERROR) -MMD -MP -c $< -o $@

$(USER_CRT0): user/lib/crt0.S user/user.mk
	@mkdir -p $(@D)
	@echo "  USERAS  $@"; $(USER_CC) $(USER_CFLAGS) $(USER_WERROR) -c $< -o $@

$(USER_LIBSYS): $(USER_LIB_OBJS)
	@rm -f $@
	@echo "  AR      $@"; $(USER_AR) rcs $@ $^

# ---- programs: one .c each, compiled and linked in one step ------------------------------
# user_link: the command for a program from $< (the source), with extra flags in $(1).
user_link = @mkdir -p $(@D); echo "  USERLD  $@"; \
	$(USER_CC) $(USER_CFLAGS) $(1) $(USER_LDFLAGS) -MMD -MP -MF $@.d -MT $@ \
		-o $@ $(USER_CRT0) $< $(USER_LIBS)

$(B)/user/bin/%: user/bin/%.c $(USER_RUNTIME)
	$(call user_link,$(USER_WERROR))

$(B)/user/sbin/%: user/sbin/%.c $(USER_RUNTIME)
	$(call user_link,$(USER_WERROR))

$(B)/user/test/%: tests/user/progs/%.c $(USER_RUNTIME)
	$(call user_link,$(USER_WERROR))

# Programs from outside the tree are the user's own: warnings, but no -Werror.
ifneq ($(EXTRA_USER),)
$(B)/user/extra/%: $(EXTRA_USER)/%.c $(USER_RUNTIME)
	$(call user_link,)
endif

# Built on the way to the stripped copies, but kept (make would delete them otherwise).
.SECONDARY: $(USER_DEBUG_BINS)

$(B)/user/rootfs/%: $(B)/user/%
	@mkdir -p $(@D)
	@echo "  STRIP   $@"; $(CROSS)objcopy --strip-debug $< $@

-include $(wildcard $(B)/user/lib/*.d $(B)/user/bin/*.d $(B)/user/sbin/*.d \
	$(B)/user/test/*.d $(B)/user/extra/*.d)

.PHONY: user-progs user-tests user-clean
.DEFAULT_GOAL := $(user_saved_goal)
