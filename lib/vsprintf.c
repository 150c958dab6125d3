// SPDX-License-Identifier: MIT
/* A small vsnprintf: see include/lib/vsprintf.h for what it understands. */
#include <lib/vsprintf.h>
#include <lib/string.h>

struct out {
	char *buf;
	size_t size;
	size_t len;	/* characters produced so far, stored or not */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_padded(struct out *o, const char *s, size_t n, int width, bool left, char pad)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left)
		while (fill-- > 0)
			put(o, pad);
	while (n--)
		put(o, *s++);
	if (left)
		while (fill-- > 0)
			put(o, ' ');
}

struct numspec {
	int width;
	bool left, zero, plus, space, upper;
	bool is_signed;		/* '+' and ' ' apply to signed conversions only */
};

static void put_number(struct out *o, unsigned long long v, bool negative, unsigned int base,
		       const struct numspec *ns)
{
	const char *digits = ns->upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, pad;
	char sign = negative		      ? '-'
		    : ns->is_signed && ns->plus  ? '+'
		    : ns->is_signed && ns->space ? ' '
						 : 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);

	pad = ns->width - n - (sign ? 1 : 0);
	if (!ns->left && !ns->zero)
		for (; pad > 0; pad--)
			put(o, ' ');
	if (sign)
		put(o, sign);
	if (!ns->left && ns->zero)
		for (; pad > 0; pad--)
			put(o, '0');
	while (n)
		put(o, tmp[--n]);
	for (; pad > 0; pad--)
		put(o, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		struct numspec ns = { 0 };
		int precision = -1, lng = 0;
		unsigned long long uv;
		long long sv;
		unsigned int base = 10;
		bool is_signed = false;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;;) {
			char f = *++fmt;

			if (f == '-')
				ns.left = true;
			else if (f == '0')
				ns.zero = true;
			else if (f == '+')
				ns.plus = true;
			else if (f == ' ')
				ns.space = true;
			else
				break;
		}
		if (*fmt == '*') {
			ns.width = va_arg(args, int);
			if (ns.width < 0) {
				ns.left = true;
				ns.width = -ns.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				ns.width = ns.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			precision = 0;
			fmt++;
			if (*fmt == '*') {
				precision = va_arg(args, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					precision = precision * 10 + (*fmt++ - '0');
			}
		}
		/* Length modifiers: lng = -2 hh, -1 h, 1 l, 2 ll; z is long on this ABI. */
		while (*fmt == 'l' || *fmt == 'h' || *fmt == 'z') {
			lng += *fmt == 'h' ? -1 : 1;
			fmt++;
		}

		switch (*fmt) {
		case 'c':
			put_padded(&o, (char[]){ (char)va_arg(args, int) }, 1, ns.width, ns.left, ' ');
			continue;
		case 's': {
			const char *s = va_arg(args, const char *);

			if (!s)
				s = "(null)";
			put_padded(&o, s, precision >= 0 ? strnlen(s, precision) : strlen(s),
				   ns.width, ns.left, ns.zero ? '0' : ' ');
			continue;
		}
		case 'p':
			ns.zero = true;
			ns.width = 8;
			put_number(&o, (unsigned long)va_arg(args, void *), false, 16, &ns);
			continue;
		case '%':
			put(&o, '%');
			continue;
		case 'd':
		case 'i':
			is_signed = true;
			ns.is_signed = true;
			break;
		case 'u':
			break;
		case 'X':
			ns.upper = true;
			base = 16;
			break;
		case 'x':
			base = 16;
			break;
		case 'o':
			base = 8;
			break;
		default:
			/* Unknown conversion: print it as it stands so the mistake is visible. */
			put(&o, '%');
			if (*fmt)
				put(&o, *fmt);
			else
				fmt--;
			continue;
		}

		if (is_signed) {
			if (lng >= 2)
				sv = va_arg(args, long long);
			else if (lng == 1)
				sv = va_arg(args, long);
			else
				sv = va_arg(args, int);
			if (lng == -1)
				sv = (short)sv;
			else if (lng <= -2)
				sv = (signed char)sv;
			uv = sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv;
			put_number(&o, uv, sv < 0, base, &ns);
		} else {
			if (lng >= 2)
				uv = va_arg(args, unsigned long long);
			else if (lng == 1)
				uv = va_arg(args, unsigned long);
			else
				uv = va_arg(args, unsigned int);
			if (lng == -1)
				uv = (unsigned short)uv;
			else if (lng <= -2)
				uv = (unsigned char)uv;
			put_number(&o, uv, false, base, &ns);
		}
	}
	if (size)
		o.buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
