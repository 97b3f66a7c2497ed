/* strncasecmp: strncmp ignoring ASCII case. */
#include <ctype.h>
#include <strings.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;

	for (; n; n--, p++, q++) {
		int d = tolower(*p) - tolower(*q);

		if (d)
			return d;
		if (!*p)
			break;
	}
	return 0;
}
