/* memset: fills whole aligned words once the head is aligned. */
#include <stdint.h>
#include <string.h>

#include "libc.h"

typedef uint64_t __attribute__((may_alias)) word_t;

LIBC_NO_BUILTIN void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;
	word_t w = (unsigned char)c * (word_t)0x0101010101010101ull;

	for (; n && ((uintptr_t)d & 7); n--)
		*d++ = (unsigned char)c;
	for (; n >= 32; n -= 32, d += 32) {
		((word_t *)d)[0] = w;
		((word_t *)d)[1] = w;
		((word_t *)d)[2] = w;
		((word_t *)d)[3] = w;
	}
	for (; n >= 8; n -= 8, d += 8)
		*(word_t *)d = w;
	for (; n; n--)
		*d++ = (unsigned char)c;
	return dst;
}
