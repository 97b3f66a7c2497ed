/* printf's f, e and g conversions with exact decimal expansion: a double
 * is m * 2^e, so its decimal digits are those of the integer m * 2^e or
 * m * 5^-e, computed in base 10^9; rounding is then exact (ties to even).
 * Compiled only with CONFIG_LIBC_PRINTF_FLOAT. */
#include <stdint.h>

#include "libc.h"

#if defined(CONFIG_LIBC_PRINTF_FLOAT)

#define BASE 1000000000u
/* m * 5^1074 (the smallest subnormal) has 767 digits: 86 words */
#define WORDS	   96
#define MAX_DIGITS (WORDS * 9)

/* A big natural number, least significant base-10^9 word first. */
struct big {
	uint32_t w[WORDS];
	int n;
};

static void big_mul(struct big *b, uint32_t f)
{
	uint64_t carry = 0;
	int i;

	for (i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * f + carry;

		b->w[i] = (uint32_t)(t % BASE);
		carry = t / BASE;
	}
	while (carry) {
		b->w[b->n++] = (uint32_t)(carry % BASE);
		carry /= BASE;
	}
}

/* The decimal digits of finite v > 0: value = 0.d[0]d[1]... * 10^*exp10,
 * with d[0] != 0 and no trailing zeros. Returns the digit count. */
static int decimal_digits(double v, char *d, int *exp10)
{
	union {
		double f;
		uint64_t u;
	} bits = {v};
	uint64_t m = bits.u & ((1ull << 52) - 1);
	int e = (int)(bits.u >> 52 & 0x7ff);
	struct big b;
	int i, n = 0, k;
	char tmp[9];

	if (e)
		m |= 1ull << 52;
	else
		e = 1; /* subnormal */
	e -= 1075;     /* v == m * 2^e */

	b.n = 0;
	while (m) {
		b.w[b.n++] = (uint32_t)(m % BASE);
		m /= BASE;
	}
	if (e >= 0) {
		for (k = e; k > 0; k -= 31)
			big_mul(&b, (uint32_t)1 << (k < 31 ? k : 31));
	} else {
		/* m * 2^e == m * 5^-e / 10^-e */
		for (k = -e; k > 0; k -= 13) {
			uint32_t f = 1;

			for (i = 0; i < (k < 13 ? k : 13); i++)
				f *= 5;
			big_mul(&b, f);
		}
	}
	for (i = b.n - 1; i >= 0; i--) {
		uint32_t w = b.w[i];
		int j;

		for (j = 8; j >= 0; j--) {
			tmp[j] = (char)('0' + w % 10);
			w /= 10;
		}
		for (j = 0; j < 9; j++)
			if (n || tmp[j] != '0')
				d[n++] = tmp[j];
	}
	*exp10 = n + (e < 0 ? e : 0);
	while (n > 1 && d[n - 1] == '0')
		n--;
	return n;
}

/* Rounds the digits to keep significant ones, ties to even. */
static int round_digits(char *d, int n, int *exp10, int keep)
{
	int up, i;

	if (keep >= n)
		return n;
	if (keep < 0)
		return 0; /* below half of the last place kept */
	if (d[keep] != '5')
		up = d[keep] > '5';
	else if (keep + 1 < n)
		up = 1; /* digits are trimmed: anything after is non-zero */
	else
		up = keep > 0 && (d[keep - 1] - '0') % 2;
	n = keep;
	if (up) {
		for (i = n - 1; i >= 0 && d[i] == '9'; i--)
			n--;
		if (i < 0) {
			d[0] = '1';
			n = 1;
			(*exp10)++;
		} else {
			d[i]++;
		}
	}
	while (n > 0 && d[n - 1] == '0')
		n--;
	return n;
}

static void put(struct __uk_sink *s, const char *p, size_t len)
{
	if (len) {
		s->put(s, p, len);
		s->count += len;
	}
}

/* Emits count digits starting at index from; indices outside the digit
 * string (negative, or past its end) are zeros. */
static void put_digits(struct __uk_sink *s, const char *d, int n, int from, int count)
{
	int lead, mid;

	if (count <= 0)
		return;
	lead = from < 0 ? (-from < count ? -from : count) : 0;
	__uk_pad(s, '0', (size_t)lead);
	from += lead;
	count -= lead;
	mid = from < n ? (n - from < count ? n - from : count) : 0;
	put(s, d + from, (size_t)mid);
	__uk_pad(s, '0', (size_t)(count - mid));
}

static void put_special(struct __uk_sink *s, const struct __uk_spec *spec, const char *sign,
			const char *word)
{
	size_t len = (sign[0] ? 1 : 0) + 3;
	size_t pad = (size_t)spec->width > len ? (size_t)spec->width - len : 0;

	if (!(spec->flags & SPEC_LEFT))
		__uk_pad(s, ' ', pad);
	put(s, sign, sign[0] ? 1 : 0);
	put(s, word, 3);
	if (spec->flags & SPEC_LEFT)
		__uk_pad(s, ' ', pad);
}

void __uk_format_float(struct __uk_sink *s, const struct __uk_spec *spec, double v)
{
	char d[MAX_DIGITS];
	int n, exp10, prec = spec->prec < 0 ? 6 : spec->prec;
	int upper = spec->conv >= 'A' && spec->conv <= 'Z';
	char conv = (char)(spec->conv | 32);
	const char *sign = "";
	int exp_style, frac, point, x = 0;
	size_t body, pad;
	char ebuf[6];
	int elen = 0;

	if (__builtin_signbit(v)) {
		sign = "-";
		v = -v;
	} else if (spec->flags & SPEC_PLUS) {
		sign = "+";
	} else if (spec->flags & SPEC_SPACE) {
		sign = " ";
	}
	if (v != v) {
		put_special(s, spec, sign, upper ? "NAN" : "nan");
		return;
	}
	if (v == __builtin_inf()) {
		put_special(s, spec, sign, upper ? "INF" : "inf");
		return;
	}

	if (v == 0) {
		n = 0;
		exp10 = 1; /* so that 0 reads as one integer digit */
	} else {
		n = decimal_digits(v, d, &exp10);
	}

	if (conv == 'g') {
		if (prec == 0)
			prec = 1;
		n = round_digits(d, n, &exp10, prec);
		x = n ? exp10 - 1 : 0;
		exp_style = x < -4 || x >= prec;
		/* %g drops trailing zeros unless '#' */
		if (spec->flags & SPEC_ALT)
			frac = exp_style ? prec - 1 : prec - 1 - x;
		else if (exp_style)
			frac = n > 1 ? n - 1 : 0;
		else
			frac = n > exp10 ? n - exp10 : 0;
	} else if (conv == 'e') {
		exp_style = 1;
		n = round_digits(d, n, &exp10, prec + 1);
		frac = prec;
	} else {
		exp_style = 0;
		n = round_digits(d, n, &exp10, exp10 + prec);
		frac = prec;
	}

	point = frac > 0 || (spec->flags & SPEC_ALT);
	if (exp_style) {
		int e = n ? exp10 - 1 : 0, ae = e < 0 ? -e : e, i;
		char t[4];
		int tl = 0;

		ebuf[elen++] = upper ? 'E' : 'e';
		ebuf[elen++] = e < 0 ? '-' : '+';
		do {
			t[tl++] = (char)('0' + ae % 10);
			ae /= 10;
		} while (ae);
		if (tl < 2)
			t[tl++] = '0';
		for (i = tl - 1; i >= 0; i--)
			ebuf[elen++] = t[i];
		body = 1 + (size_t)point + (size_t)frac + (size_t)elen;
	} else {
		body = (size_t)(exp10 > 0 ? exp10 : 1) + (size_t)point + (size_t)frac;
	}
	body += sign[0] ? 1 : 0;
	pad = (size_t)spec->width > body ? (size_t)spec->width - body : 0;

	if (!(spec->flags & (SPEC_LEFT | SPEC_ZERO)))
		__uk_pad(s, ' ', pad);
	put(s, sign, sign[0] ? 1 : 0);
	if ((spec->flags & SPEC_ZERO) && !(spec->flags & SPEC_LEFT))
		__uk_pad(s, '0', pad);
	if (exp_style) {
		put_digits(s, d, n, 0, 1);
		if (point)
			put(s, ".", 1);
		put_digits(s, d, n, 1, frac);
		put(s, ebuf, (size_t)elen);
	} else {
		if (exp10 > 0)
			put_digits(s, d, n, 0, exp10);
		else
			put(s, "0", 1);
		if (point)
			put(s, ".", 1);
		put_digits(s, d, n, exp10, frac);
	}
	if (spec->flags & SPEC_LEFT)
		__uk_pad(s, ' ', pad);
}

#endif
