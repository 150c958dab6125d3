/* SPDX-License-Identifier: MIT */
#include <sys/ucontext.h>
