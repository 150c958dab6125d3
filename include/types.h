/* SPDX-License-Identifier: MIT */
/*
 * Basic types shared by the kernel and by the host unit tests.
 *
 * Only the compiler's freestanding headers are used (stdint, stddef, stdbool,
 * stdarg), so the same file compiles for the ARM kernel and for the host.
 */
#ifndef TYPES_H
#define TYPES_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* Spelled with the base types (not uint32_t, which arm-none-eabi defines as unsigned long)
 * so that printf formats are the same in the kernel and in host tests: %x for u32. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

/* A physical address. The Cortex-A9 without LPAE has a 32-bit physical space. */
typedef u32 phys_addr_t;

#ifndef __KERNEL__
#include <sys/types.h> /* host builds: ssize_t */
#else
typedef int ssize_t;
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a) (((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define __packed __attribute__((packed))
#define __aligned(n) __attribute__((aligned(n)))
#define __noreturn __attribute__((noreturn))
#define __unused __attribute__((unused))
#define __printf(a, b) __attribute__((format(printf, a, b)))

/* Device-tree and some on-disk formats are big-endian; the kernel runs little-endian. */
static inline u32 be32_to_cpu(u32 x) { return __builtin_bswap32(x); }
static inline u64 be64_to_cpu(u64 x) { return __builtin_bswap64(x); }

#endif /* TYPES_H */
