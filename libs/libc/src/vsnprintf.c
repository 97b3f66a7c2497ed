/* vsnprintf: the formatter into a bounded buffer, always terminated (when
 * there is room for anything), reporting the untruncated length. */
#include <stdio.h>

#include "libc.h"

struct buf_sink {
	struct __uk_sink sink;
	char *buf;
	size_t cap; /* room for characters, the NUL excluded */
	size_t used;
};

static void put_buf(struct __uk_sink *s, const char *p, size_t n)
{
	struct buf_sink *b = (struct buf_sink *)s;
	size_t room = b->cap - b->used;

	if (n > room)
		n = room;
	if (n) {
		__builtin_memcpy(b->buf + b->used, p, n);
		b->used += n;
	}
}

int vsnprintf(char *restrict buf, size_t n, const char *restrict fmt, va_list ap)
{
	struct buf_sink bs = {{put_buf, 0}, buf, n ? n - 1 : 0, 0};
	int r = __uk_vformat(&bs.sink, fmt, ap);

	if (n)
		buf[bs.used] = '\0';
	return r;
}
