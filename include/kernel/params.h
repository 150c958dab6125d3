/* SPDX-License-Identifier: MIT */
/*
 * The kernel command line: space-separated words, each `name` or `name=value`. Everything
 * after a lone `--` belongs to init, as in Linux.
 */
#ifndef KERNEL_PARAMS_H
#define KERNEL_PARAMS_H

#include <types.h>

void params_init(const char *cmdline);
const char *saved_command_line(void);
/* Copies the value of name=value into buf; false if name is absent. */
bool cmdline_get(const char *name, char *buf, size_t len);
/* true if `name` or `name=...` is present. */
bool cmdline_has(const char *name);
/* true if value (a comma-separated list) of name contains item, or is "all". */
bool cmdline_list_has(const char *name, const char *item);

#endif
