/* Range requests (RFC 9110 14.1-14.2): one byte range of a representation;
 * anything else is ignored and the whole representation sent. */
#include <string.h>
#include <strings.h>

#include "http.h"

/* Digits at *p (at most 19: no overflow) into *v; false when none. */
static bool number(const char **p, uint64_t *v)
{
	const char *s = *p;
	uint64_t n = 0;

	while (**p >= '0' && **p <= '9' && *p - s < 19)
		n = n * 10 + (uint64_t)(*(*p)++ - '0');
	if (*p == s || (**p >= '0' && **p <= '9'))
		return false;
	*v = n;
	return true;
}

int http_range(const char *range, uint64_t size, uint64_t *first, uint64_t *last)
{
	const char *p = range;
	uint64_t a = 0, b = UINT64_MAX;
	bool has_a, has_b;

	if (!p || strncasecmp(p, "bytes", 5))
		return 0;
	p += 5;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p++ != '=')
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	has_a = number(&p, &a);
	if (*p++ != '-')
		return 0;
	has_b = number(&p, &b);
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p || (!has_a && !has_b) || (has_a && has_b && b < a))
		return 0; /* several ranges, or not a range: ignored */
	if (!has_a) {
		/* a suffix: the last b bytes */
		if (!b || !size)
			return -1;
		*first = b >= size ? 0 : size - b;
		*last = size - 1;
		return 1;
	}
	if (a >= size)
		return -1;
	*first = a;
	*last = !has_b || b >= size ? size - 1 : b;
	return 1;
}
