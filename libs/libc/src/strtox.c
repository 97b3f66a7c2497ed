/* The engine behind strtol and friends: whitespace, sign, base prefix,
 * digits, with overflow detected before it happens. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "libc.h"

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return (c | 32) - 'a' + 10;
	return 99;
}

unsigned long long __uk_strtox(const char *s, char **end, int base, unsigned long long max,
			       int is_signed)
{
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *digits;
	unsigned long long v = 0, lim;
	int neg = 0, overflow = 0, d;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	/* "0x" counts as a prefix only when a hex digit follows; otherwise
	 * the number is the "0" and parsing stops at the x. */
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' &&
	    digit_value(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	lim = is_signed && neg ? max + 1 : max;
	for (digits = p; (d = digit_value(*p)) < base; p++) {
		if (overflow || v > (lim - (unsigned)d) / (unsigned)base)
			overflow = 1;
		else
			v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(p == digits ? (const unsigned char *)s : p);
	if (overflow) {
		errno = ERANGE;
		/* unsigned results clamp to max whatever the sign */
		return is_signed && neg ? -lim : max;
	}
	return neg ? -v : v;
}
