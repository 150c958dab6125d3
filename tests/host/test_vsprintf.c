// SPDX-License-Identifier: MIT
/*
 * Host tests for the kernel's vsnprintf (lib/vsprintf.c), with the host C library's
 * snprintf as the oracle: for each format and arguments both must produce the same text and
 * return the same length. Where the kernel deliberately differs (%p is always 8 hex digits,
 * NULL %s) the expected text is written out.
 *
 * The kernel's functions have the C library's names, so lib/vsprintf.c is compiled into this
 * file under other names (kernel_vsnprintf, kernel_snprintf) and HOST_SRCS_test_vsprintf is
 * empty. <stdio.h> comes after the #undefs, so snprintf below is the C library's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#define vsnprintf kernel_vsnprintf
#define snprintf kernel_snprintf
#include "../../lib/vsprintf.c"
#undef vsnprintf
#undef snprintf

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A format the compiler does not see, for the few well-defined cases gcc's -Wformat
 * questions ('+' on %u, '0' with '-'): C says what they do, and the kernel must do the same.
 */
static const char *unchecked(const char *fmt)
{
	return fmt;
}

/* Both implementations, a 256-byte buffer each; the message shows the call and both results. */
#define expect_like_libc(fmt, ...)                                                              \
	do {                                                                                    \
		char k_[256], c_[256];                                                          \
		int kn_ = kernel_snprintf(k_, sizeof(k_), fmt, ##__VA_ARGS__);                  \
		int cn_ = snprintf(c_, sizeof(c_), fmt, ##__VA_ARGS__);                         \
		if (kn_ != cn_ || strcmp(k_, c_))                                               \
			fail_msg("snprintf(\"%s\", %s): expected \"%s\" returning %d (libc), "  \
				 "seen \"%s\" returning %d",                                    \
				 fmt, #__VA_ARGS__, c_, cn_, k_, kn_);                          \
	} while (0)

/* For output the C library does not define (or defines differently): compare to a literal. */
#define expect_output(expected, fmt, ...)                                                       \
	do {                                                                                    \
		char k_[256];                                                                   \
		int kn_ = kernel_snprintf(k_, sizeof(k_), fmt, ##__VA_ARGS__);                  \
		if (kn_ != (int)strlen(expected) || strcmp(k_, expected))                       \
			fail_msg("snprintf(\"%s\", %s): expected \"%s\" returning %d, "         \
				 "seen \"%s\" returning %d",                                    \
				 fmt, #__VA_ARGS__, expected, (int)strlen(expected), k_, kn_);  \
	} while (0)

static void plain_text_and_percent_match_libc(void **state)
{
	expect_like_libc(unchecked(""));	/* gcc objects to a literal "" */
	expect_like_libc("hello, world");
	expect_like_libc("%%");
	expect_like_libc("100%% sure");
	expect_like_libc("%%d%%");
	expect_like_libc("%c", 'A');
	expect_like_libc("[%c%c%c]", 'a', ' ', '~');
	expect_like_libc("%s", "string");
	expect_like_libc("%s and %s", "this", "");
	expect_like_libc("%d %s %c %x%%", 7, "mixed", '!', 255u);
}

static void signed_conversions_match_libc(void **state)
{
	static const int values[] = { 0, 1, -1, 9, 10, -10, 42, -42, 123456789, INT_MAX, INT_MIN };

	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		expect_like_libc("%d", values[i]);
		expect_like_libc("%i", values[i]);
		expect_like_libc("[%d|%i]", values[i], -values[i] / 2);
	}
}

static void unsigned_conversions_match_libc(void **state)
{
	static const unsigned int values[] = { 0, 1, 7, 8, 9, 10, 15, 16, 0x7b, 0xabcdef,
					       0xdeadbeef, 0x80000000u, UINT_MAX };

	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		expect_like_libc("%u", values[i]);
		expect_like_libc("%x", values[i]);
		expect_like_libc("%X", values[i]);
		expect_like_libc("%o", values[i]);
	}
	/* A negative int through an unsigned conversion is its two's complement. */
	expect_like_libc("%u %x %o", -1, -2, -3);
}

static void flags_match_libc(void **state)
{
	static const int values[] = { 0, 5, -5, 42, -42, 12345678, INT_MIN, INT_MAX };

	for (size_t i = 0; i < ARRAY_SIZE(values); i++) {
		int v = values[i];

		expect_like_libc("[%-6d]", v);
		expect_like_libc("[%06d]", v);
		expect_like_libc("[%+d]", v);
		expect_like_libc("[% d]", v);
		expect_like_libc("[%+06d]", v);
		expect_like_libc("[% 06d]", v);
		expect_like_libc("[%-+6d]", v);
		expect_like_libc("[%- 6d]", v);
		/* C: '-' overrides '0', '+' overrides ' '. */
		expect_like_libc(unchecked("[%-06d]"), v);
		expect_like_libc(unchecked("[%0-6d]"), v);
		expect_like_libc(unchecked("[% +d]"), v);
		expect_like_libc(unchecked("[%+ 6d]"), v);
		expect_like_libc("[%08x]", (unsigned int)v);
		expect_like_libc("[%-8X]", (unsigned int)v);
		expect_like_libc("[%012o]", (unsigned int)v);
		expect_like_libc("[%-12o]", (unsigned int)v);
	}
}

/*
 * C 7.21.6.1: '+' and ' ' apply to signed conversions only; on %u %x %X %o they have no
 * effect (glibc prints no sign).
 */
static void plus_and_space_flags_do_not_sign_unsigned_conversions(void **state)
{
	expect_like_libc(unchecked("[%+u]"), 5u);
	expect_like_libc(unchecked("[% u]"), 5u);
	expect_like_libc(unchecked("[%+x]"), 0xffu);
	expect_like_libc(unchecked("[% X]"), 0xffu);
	expect_like_libc(unchecked("[%+o]"), 8u);
	expect_like_libc(unchecked("[%+06u]"), 5u);
	expect_like_libc(unchecked("[%+llu]"), ULLONG_MAX);
}

static void widths_match_libc(void **state)
{
	expect_like_libc("[%1d]", 12345);	/* narrower than the number: no cut */
	expect_like_libc("[%5d]", 42);
	expect_like_libc("[%5d]", -42);
	expect_like_libc("[%5d]", 123456);
	expect_like_libc("[%12u]", UINT_MAX);
	expect_like_libc("[%30lld]", LLONG_MIN);
	expect_like_libc("[%-30lld]", LLONG_MIN);
	expect_like_libc("[%030lld]", LLONG_MIN);
	expect_like_libc("[%10s]", "right");
	expect_like_libc("[%-10s]", "left");
	expect_like_libc("[%2s]", "longer than width");
	expect_like_libc("[%3c]", 'x');
	expect_like_libc("[%-3c]", 'x');
	expect_like_libc("[%10x]", 0xbeefu);
	expect_like_libc("[%100d]", 1);
}

static void star_width_matches_libc(void **state)
{
	static const int widths[] = { 0, 1, 6, 20, -1, -6, -20 };

	for (size_t i = 0; i < ARRAY_SIZE(widths); i++) {
		int w = widths[i];

		expect_like_libc("[%*d]", w, 42);
		expect_like_libc("[%*d]", w, -42);
		expect_like_libc("[%-*d]", w, 42);
		expect_like_libc("[%0*d]", w, -42);	/* negative width: left, so no zeros */
		expect_like_libc("[%+*d]", w, 42);
		expect_like_libc("[%*x]", w, 0xabcu);
		expect_like_libc("[%*s]", w, "str");
		expect_like_libc("[%-*s]", w, "str");
		expect_like_libc("[%*c]", w, 'c');
		expect_like_libc("[%*s|%*d]", w, "two", -w, 2);
	}
}

static void string_precision_matches_libc(void **state)
{
	static const int precisions[] = { 0, 1, 3, 5, 6, 100, -1, -100 };

	expect_like_libc("[%.0s]", "abcdef");
	expect_like_libc("[%.3s]", "abcdef");
	expect_like_libc("[%.6s]", "abcdef");
	expect_like_libc("[%.10s]", "abcdef");
	expect_like_libc("[%.s]", "abcdef");	/* '.' alone is precision 0 */
	expect_like_libc("[%8.3s]", "abcdef");
	expect_like_libc("[%-8.3s]", "abcdef");
	expect_like_libc("[%2.4s]", "abcdef");
	for (size_t i = 0; i < ARRAY_SIZE(precisions); i++) {
		int p = precisions[i];

		/* A negative precision is taken as if it were omitted. */
		expect_like_libc("[%.*s]", p, "abcdef");
		expect_like_libc("[%10.*s]", p, "abcdef");
		expect_like_libc("[%*.*s]", -10, p, "abcdef");
		expect_like_libc("[%*.*s]", 10, p, "");
	}
}

static void string_precision_reads_no_further_than_it_prints(void **state)
{
	/* Exactly 3 bytes on the heap, no NUL: AddressSanitizer stops any read past them. */
	char *abc = malloc(3);
	char out3[16], out2[16];
	int n3, n2;

	assert_non_null(abc);
	memcpy(abc, "abc", 3);
	n3 = kernel_snprintf(out3, sizeof(out3), "[%.3s]", abc);
	n2 = kernel_snprintf(out2, sizeof(out2), "[%.*s]", 2, abc);
	free(abc);
	if (n3 != 5 || strcmp(out3, "[abc]"))
		fail_msg("snprintf(\"[%%.3s]\", unterminated \"abc\"): expected \"[abc]\" returning "
			 "5, seen \"%s\" returning %d", out3, n3);
	if (n2 != 4 || strcmp(out2, "[ab]"))
		fail_msg("snprintf(\"[%%.*s]\", 2, unterminated \"abc\"): expected \"[ab]\" returning "
			 "4, seen \"%s\" returning %d", out2, n2);
}

static void length_modifiers_match_libc(void **state)
{
	/* hh and h: the int argument is converted to char / short before printing. */
	expect_like_libc("%hhd", 200);
	expect_like_libc("%hhd", -56);
	expect_like_libc("%hhd", 127);
	expect_like_libc("%hhd", -128);
	expect_like_libc("%hhu", 300);
	expect_like_libc("%hhu", -1);
	expect_like_libc("%hhx", 0x1ff);
	expect_like_libc("%hho", 0777);
	expect_like_libc("%hi", 70000);
	expect_like_libc("%hd", -32768);
	expect_like_libc("%hd", 32768);
	expect_like_libc("%hu", 70000);
	expect_like_libc("%hx", -1);
	expect_like_libc("%hX", 0xabcdef);
	/* l, ll and z take wider arguments; on the host long and size_t are 64 bits. */
	expect_like_libc("%ld", LONG_MIN);
	expect_like_libc("%ld", LONG_MAX);
	expect_like_libc("%li", -1L);
	expect_like_libc("%lu", ULONG_MAX);
	expect_like_libc("%lx", ULONG_MAX);
	expect_like_libc("%lo", ULONG_MAX);
	expect_like_libc("%lld", LLONG_MIN);
	expect_like_libc("%lld", LLONG_MAX);
	expect_like_libc("%lli", -1LL);
	expect_like_libc("%llu", ULLONG_MAX);
	expect_like_libc("%llx", ULLONG_MAX);
	expect_like_libc("%llX", 0x123456789abcdefULL);
	expect_like_libc("%llo", ULLONG_MAX);	/* 22 octal digits, the longest number */
	expect_like_libc("%zu", SIZE_MAX);
	expect_like_libc("%zu", sizeof(long long));
	expect_like_libc("%zd", (ssize_t)-5);
	expect_like_libc("%zx", (size_t)0xfeedULL);
	/* A wide argument must not shift the arguments after it. */
	expect_like_libc("%lld %d %llu %s", LLONG_MIN, 7, ULLONG_MAX, "end");
	expect_like_libc("%hhd %ld %hd %zu %c", 1, -2L, 3, (size_t)4, '5');
}

static void extreme_values_match_libc(void **state)
{
	expect_like_libc("%d", INT_MIN);
	expect_like_libc("%+d", INT_MIN);
	expect_like_libc("%012d", INT_MIN);
	expect_like_libc("%-12d|", INT_MIN);
	expect_like_libc("%lld", LLONG_MIN);
	expect_like_libc("%+025lld", LLONG_MIN);
	expect_like_libc("% lld", LLONG_MAX);
	expect_like_libc("%llu", ULLONG_MAX);
	expect_like_libc("%025llo", ULLONG_MAX);
	expect_like_libc("%-25llX|", ULLONG_MAX);
	expect_like_libc("%x", UINT_MAX);
	expect_like_libc("%u", 0u);
	expect_like_libc("%o", 0u);
	expect_like_libc("%x", 0u);
}

static void pointer_is_eight_zero_padded_hex_digits(void **state)
{
	expect_output("00001234", "%p", (void *)0x1234);
	expect_output("[00000000]", "[%p]", (void *)0);
	expect_output("deadbeef", "%p", (void *)0xdeadbeef);
	expect_output("0000000f 00000010", "%p %p", (void *)0xf, (void *)0x10);
	expect_output("80000000.", "%p.", (void *)0x80000000UL);
}

static void null_string_prints_null_in_parentheses(void **state)
{
	/* Through a volatile, so that the compiler does not see (and warn about) the NULL. */
	const char *volatile null = NULL;

	expect_output("(null)", "%s", null);
	expect_output("[  (null)]", "[%8s]", null);
	expect_output("[(null)  ]", "[%-8s]", null);
	expect_output("a(null)b", "a%sb", null);
}

/*
 * Writes the same call into two canary-filled buffers, kernel and libc, each `size` bytes
 * allowed: the whole 32-byte buffers must match, so nothing is written past size.
 */
#define expect_truncation_like_libc(size, fmt, ...)                                             \
	do {                                                                                    \
		char k_[32], c_[32];                                                            \
		size_t size_ = (size);                                                          \
		int kn_, cn_;                                                                   \
		memset(k_, '#', sizeof(k_));                                                    \
		memset(c_, '#', sizeof(c_));                                                    \
		kn_ = kernel_snprintf(k_, size_, fmt, ##__VA_ARGS__);                           \
		cn_ = snprintf(c_, size_, fmt, ##__VA_ARGS__);                                  \
		if (kn_ != cn_)                                                                 \
			fail_msg("snprintf(buf, %zu, \"%s\", %s): expected to return %d (the "  \
				 "untruncated length), seen %d", size_, fmt, #__VA_ARGS__,     \
				 cn_, kn_);                                                     \
		if (memcmp(k_, c_, sizeof(k_)))                                                 \
			fail_msg("snprintf(buf, %zu, \"%s\", %s) on a buffer of '#': expected " \
				 "\"%.32s\", seen \"%.32s\"",                                   \
				 size_, fmt, #__VA_ARGS__, c_, k_);                             \
	} while (0)

static void truncation_returns_full_length_and_terminates(void **state)
{
	static const size_t sizes[] = { 0, 1, 2, 5, 9, 10, 11, 12, 31 };

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		/* Volatile, so that gcc's -Wformat-truncation does not object to small sizes. */
		volatile size_t size = sizes[i];

		expect_truncation_like_libc(size, "hello, world");	/* 12 characters */
		expect_truncation_like_libc(size, "%s", "hello, world");
		expect_truncation_like_libc(size, "%d", INT_MIN);	/* 11 characters */
		expect_truncation_like_libc(size, "%08x|%-6s|", 0xbeefu, "ab");
		expect_truncation_like_libc(size, "%*d", 10, -7);
		expect_truncation_like_libc(size, "%.3s%c%%", "abcdef", 'x');
		expect_truncation_like_libc(size, "%llu", ULLONG_MAX);
	}
}

static void size_zero_writes_nothing(void **state)
{
	char buf[8];
	int n;

	memset(buf, '#', sizeof(buf));
	n = kernel_snprintf(buf, 0, "%s %d", "abc", 12345);
	if (n != 9)
		fail_msg("snprintf(buf, 0, \"%%s %%d\", \"abc\", 12345): expected to return 9, "
			 "seen %d", n);
	for (size_t i = 0; i < sizeof(buf); i++)
		if (buf[i] != '#')
			fail_msg("snprintf(buf, 0, ...) wrote buf[%zu]: expected '#', seen 0x%02x",
				 i, (unsigned char)buf[i]);
	/* C allows a NULL buffer with size 0, to measure. */
	n = kernel_snprintf(NULL, 0, "%08x", 1u);
	if (n != 8)
		fail_msg("snprintf(NULL, 0, \"%%08x\", 1): expected to return 8, seen %d", n);
}

static int call_kernel_vsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kernel_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void vsnprintf_takes_its_arguments_from_a_va_list(void **state)
{
	char buf[64];
	int n = call_kernel_vsnprintf(buf, sizeof(buf), "%s=%d,%llx", "key", -3, 0x1234567890ULL);

	if (n != 17 || strcmp(buf, "key=-3,1234567890"))
		fail_msg("vsnprintf(\"%%s=%%d,%%llx\", \"key\", -3, 0x1234567890): expected "
			 "\"key=-3,1234567890\" returning 17, seen \"%s\" returning %d", buf, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_text_and_percent_match_libc),
		cmocka_unit_test(signed_conversions_match_libc),
		cmocka_unit_test(unsigned_conversions_match_libc),
		cmocka_unit_test(flags_match_libc),
		cmocka_unit_test(plus_and_space_flags_do_not_sign_unsigned_conversions),
		cmocka_unit_test(widths_match_libc),
		cmocka_unit_test(star_width_matches_libc),
		cmocka_unit_test(string_precision_matches_libc),
		cmocka_unit_test(string_precision_reads_no_further_than_it_prints),
		cmocka_unit_test(length_modifiers_match_libc),
		cmocka_unit_test(extreme_values_match_libc),
		cmocka_unit_test(pointer_is_eight_zero_padded_hex_digits),
		cmocka_unit_test(null_string_prints_null_in_parentheses),
		cmocka_unit_test(truncation_returns_full_length_and_terminates),
		cmocka_unit_test(size_zero_writes_nothing),
		cmocka_unit_test(vsnprintf_takes_its_arguments_from_a_va_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
