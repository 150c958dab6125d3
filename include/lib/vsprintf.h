/* SPDX-License-Identifier: MIT */
#ifndef LIB_VSPRINTF_H
#define LIB_VSPRINTF_H

#include <types.h>
#include <stdarg.h>

/*
 * Formats like C's snprintf for the conversions the kernel uses:
 *   %d %i %u %x %X %o %c %s %p %% with flags '-' '0' '+' ' ', a width (or *), a precision for
 *   strings and the length modifiers hh h l ll z.
 * Returns the length the whole output would have (as C does) and always NUL-terminates.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
