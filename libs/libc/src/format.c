/* The printf engine: parses conversion specifications and formats
 * integers, characters, strings and pointers into a sink; floating point
 * is handed to format_float.c when CONFIG_LIBC_PRINTF_FLOAT is set. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "libc.h"

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T, LEN_BIG_L };

static void put(struct __uk_sink *s, const char *p, size_t n)
{
	if (n) {
		s->put(s, p, n);
		s->count += n;
	}
}

void __uk_pad(struct __uk_sink *s, char c, size_t n)
{
	static const char spaces[64] = "                                "
				       "                                ";
	static const char zeros[64] = "00000000000000000000000000000000"
				      "00000000000000000000000000000000";
	const char *src = c == '0' ? zeros : spaces;

	while (n) {
		size_t k = n < sizeof(spaces) ? n : sizeof(spaces);

		put(s, src, k);
		n -= k;
	}
}

/* Writes body (len bytes) padded to the spec's width with spaces. */
static void put_padded(struct __uk_sink *s, const struct __uk_spec *spec, const char *body,
		       size_t len)
{
	size_t pad = (size_t)spec->width > len ? (size_t)spec->width - len : 0;

	if (!(spec->flags & SPEC_LEFT))
		__uk_pad(s, ' ', pad);
	put(s, body, len);
	if (spec->flags & SPEC_LEFT)
		__uk_pad(s, ' ', pad);
}

static void format_int(struct __uk_sink *s, const struct __uk_spec *spec, uintmax_t v, int neg)
{
	char buf[3 * sizeof(uintmax_t)]; /* octal digits of the widest type */
	const char *digits = spec->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = 10;
	char prefix[3];
	size_t plen = 0, ndig, zeros = 0, total, pad = 0;
	char *p = buf + sizeof(buf);

	if (spec->conv == 'o')
		base = 8;
	else if (spec->conv == 'x' || spec->conv == 'X' || spec->conv == 'p')
		base = 16;

	/* precision 0 prints nothing for the value 0 */
	if (v || spec->prec != 0) {
		do {
			*--p = digits[v % base];
			v /= base;
		} while (v);
	}
	ndig = (size_t)(buf + sizeof(buf) - p);

	if (neg)
		prefix[plen++] = '-';
	else if (spec->conv == 'd' || spec->conv == 'i') {
		if (spec->flags & SPEC_PLUS)
			prefix[plen++] = '+';
		else if (spec->flags & SPEC_SPACE)
			prefix[plen++] = ' ';
	}
	if (spec->conv == 'p' || ((spec->flags & SPEC_ALT) && base == 16 && ndig && *p != '0')) {
		prefix[plen++] = '0';
		prefix[plen++] = spec->conv == 'X' ? 'X' : 'x';
	}

	if (spec->prec >= 0 && (size_t)spec->prec > ndig)
		zeros = (size_t)spec->prec - ndig;
	/* '#' with 'o' makes the first digit a 0, adding one if needed */
	if ((spec->flags & SPEC_ALT) && base == 8 && !zeros && (!ndig || *p != '0'))
		zeros = 1;
	total = plen + zeros + ndig;
	if ((size_t)spec->width > total)
		pad = (size_t)spec->width - total;
	/* '0' pads between sign/prefix and digits, unless a precision or
	 * '-' says otherwise */
	if ((spec->flags & SPEC_ZERO) && !(spec->flags & SPEC_LEFT) && spec->prec < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(spec->flags & SPEC_LEFT))
		__uk_pad(s, ' ', pad);
	put(s, prefix, plen);
	__uk_pad(s, '0', zeros);
	put(s, p, ndig);
	if (spec->flags & SPEC_LEFT)
		__uk_pad(s, ' ', pad);
}

static intmax_t signed_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (signed char)va_arg(*ap, int);
	case LEN_H:
		return (short)va_arg(*ap, int);
	case LEN_L:
		return va_arg(*ap, long);
	case LEN_LL:
		return va_arg(*ap, long long);
	case LEN_Z:
		/* the signed type of size_t's width */
		return va_arg(*ap, long);
	case LEN_J:
		return va_arg(*ap, intmax_t);
	case LEN_T:
		return va_arg(*ap, ptrdiff_t);
	default:
		return va_arg(*ap, int);
	}
}

static uintmax_t unsigned_arg(va_list *ap, enum length len)
{
	switch (len) {
	case LEN_HH:
		return (unsigned char)va_arg(*ap, unsigned);
	case LEN_H:
		return (unsigned short)va_arg(*ap, unsigned);
	case LEN_L:
		return va_arg(*ap, unsigned long);
	case LEN_LL:
		return va_arg(*ap, unsigned long long);
	case LEN_Z:
		return va_arg(*ap, size_t);
	case LEN_J:
		return va_arg(*ap, uintmax_t);
	case LEN_T:
		/* the unsigned type of ptrdiff_t's width */
		return va_arg(*ap, unsigned long);
	default:
		return va_arg(*ap, unsigned);
	}
}

/* Reads a decimal field; -1 if it does not fit an int. */
static int read_num(const char **fmt)
{
	int n = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		int d = *(*fmt)++ - '0';

		if (n < 0 || n > (INT_MAX - d) / 10)
			n = -1;
		else
			n = n * 10 + d;
	}
	return n;
}

static enum length read_length(const char **fmt)
{
	switch (*(*fmt)++) {
	case 'h':
		if (**fmt == 'h') {
			(*fmt)++;
			return LEN_HH;
		}
		return LEN_H;
	case 'l':
		if (**fmt == 'l') {
			(*fmt)++;
			return LEN_LL;
		}
		return LEN_L;
	case 'z':
		return LEN_Z;
	case 'j':
		return LEN_J;
	case 't':
		return LEN_T;
	case 'L':
		return LEN_BIG_L;
	default:
		(*fmt)--;
		return LEN_NONE;
	}
}

/* Formats one conversion starting after the '%'; returns 0, or -1 when the
 * specification itself overflows an int (width or precision). */
static int convert(struct __uk_sink *s, const char **fmtp, va_list *ap)
{
	const char *start = *fmtp - 1, *fmt = *fmtp;
	struct __uk_spec spec = {0, 0, -1, 0};
	enum length len;
	const char *str;
	uintptr_t ptr;
	char c;

	for (;; fmt++) {
		if (*fmt == '-')
			spec.flags |= SPEC_LEFT;
		else if (*fmt == '+')
			spec.flags |= SPEC_PLUS;
		else if (*fmt == ' ')
			spec.flags |= SPEC_SPACE;
		else if (*fmt == '#')
			spec.flags |= SPEC_ALT;
		else if (*fmt == '0')
			spec.flags |= SPEC_ZERO;
		else
			break;
	}
	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		if (w == INT_MIN)
			return -1;
		if (w < 0) {
			spec.flags |= SPEC_LEFT;
			w = -w;
		}
		spec.width = w;
	} else if ((spec.width = read_num(&fmt)) < 0) {
		return -1;
	}
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int pr = va_arg(*ap, int);

			fmt++;
			spec.prec = pr < 0 ? -1 : pr;
		} else if ((spec.prec = read_num(&fmt)) < 0) {
			return -1;
		}
	}
	len = read_length(&fmt);
	spec.conv = *fmt;
	if (spec.conv)
		fmt++;
	*fmtp = fmt;

	switch (spec.conv) {
	case 'd':
	case 'i': {
		intmax_t v = signed_arg(ap, len);

		/* negate in unsigned arithmetic: -INTMAX_MIN overflows */
		format_int(s, &spec, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
		break;
	}
	case 'u':
	case 'o':
	case 'x':
	case 'X':
		format_int(s, &spec, unsigned_arg(ap, len), 0);
		break;
	case 'p':
		ptr = (uintptr_t)va_arg(*ap, void *);
		if (!ptr)
			put_padded(s, &spec, "(nil)", 5);
		else
			format_int(s, &spec, ptr, 0);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		put_padded(s, &spec, &c, 1);
		break;
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)
			str = "(null)";
		put_padded(s, &spec, str,
			   spec.prec >= 0 ? strnlen(str, (size_t)spec.prec) : strlen(str));
		break;
	case '%':
		put(s, "%", 1);
		break;
	case 'n':
		/* Writing through a format string is an attack vector; the
		 * argument is consumed so the ones after it stay in step. */
		(void)va_arg(*ap, void *);
		break;
	case 'f':
	case 'F':
	case 'e':
	case 'E':
	case 'g':
	case 'G': {
		double v =
		    len == LEN_BIG_L ? (double)va_arg(*ap, long double) : va_arg(*ap, double);
#if defined(CONFIG_LIBC_PRINTF_FLOAT)
		__uk_format_float(s, &spec, v);
#else
		(void)v;
		put(s, start, (size_t)(fmt - start));
#endif
		break;
	}
	default:
		/* unknown or truncated: show it as written */
		put(s, start, (size_t)(fmt - start));
		break;
	}
	return 0;
}

int __uk_vformat(struct __uk_sink *s, const char *fmt, va_list ap)
{
	va_list args;
	int err = 0;

	/* a copy, so the helpers can take its address on every ABI */
	va_copy(args, ap);
	s->count = 0;
	while (*fmt && !err) {
		const char *run = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		put(s, run, (size_t)(fmt - run));
		if (*fmt == '%') {
			fmt++;
			err = convert(s, &fmt, &args);
		}
	}
	va_end(args);
	if (err || s->count > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)s->count;
}
