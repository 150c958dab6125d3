/* SPDX-License-Identifier: MIT */
/* newlib's <sys/fcntl.h> is replaced too: everything lives in our <fcntl.h>. */
#include <fcntl.h>
