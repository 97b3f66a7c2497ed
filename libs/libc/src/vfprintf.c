/* vfprintf: the formatter writing straight to a FILE; the console buffers,
 * so no buffer is needed here. */
#include <stdio.h>

#include "libc.h"

struct file_sink {
	struct __uk_sink sink;
	FILE *f;
};

static void put_file(struct __uk_sink *s, const char *p, size_t n)
{
	__uk_fwrite(((struct file_sink *)s)->f, p, n);
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct file_sink fs = {{put_file, 0}, f};

	return __uk_vformat(&fs.sink, fmt, ap);
}
