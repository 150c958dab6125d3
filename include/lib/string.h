/* SPDX-License-Identifier: MIT */
/*
 * The string and memory functions of lib/string.c. Host unit tests use the host C
 * library's versions of the same functions instead.
 */
#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <types.h>

#ifdef __KERNEL__
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
size_t strlcpy(char *dst, const char *src, size_t size);
unsigned long simple_strtoul(const char *s, char **end, unsigned int base);
#else
#include <string.h>
#include <stdlib.h>
static inline unsigned long simple_strtoul(const char *s, char **end, unsigned int base)
{
	return strtoul(s, end, (int)base);
}
static inline size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
#endif

#endif /* LIB_STRING_H */
