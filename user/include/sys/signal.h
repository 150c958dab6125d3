/* SPDX-License-Identifier: MIT */
/* newlib's <sys/signal.h> is replaced too: everything lives in our <signal.h>. */
#include <signal.h>
