/* memmove: copies forwards when the destination is below the source and
 * backwards otherwise, so overlapping bytes are read before they are
 * overwritten. */
#include <stdint.h>
#include <string.h>

#include "libc.h"

typedef uint64_t __attribute__((may_alias)) word_t;

LIBC_NO_BUILTIN void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	int words = (((uintptr_t)d ^ (uintptr_t)s) & 7) == 0;

	if (d == s || !n)
		return dst;
	if ((uintptr_t)d < (uintptr_t)s) {
		if (words) {
			for (; n && ((uintptr_t)d & 7); n--)
				*d++ = *s++;
			for (; n >= 8; n -= 8, d += 8, s += 8)
				*(word_t *)d = *(const word_t *)s;
		}
		for (; n; n--)
			*d++ = *s++;
	} else {
		d += n;
		s += n;
		if (words) {
			for (; n && ((uintptr_t)d & 7); n--)
				*--d = *--s;
			for (; n >= 8; n -= 8) {
				d -= 8;
				s -= 8;
				*(word_t *)d = *(const word_t *)s;
			}
		}
		for (; n; n--)
			*--d = *--s;
	}
	return dst;
}
