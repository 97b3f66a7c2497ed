/* The two FILEs there are, both on the console: stdout rides the console's
 * line buffer, stderr is pushed out at once so a crash right after still
 * shows it (flushing stdout first keeps the order). */
#include <stdio.h>

#include <console/console.h>

#include "libc.h"

struct __uk_file {
	int unbuffered;
};

static struct __uk_file out = {0};
static struct __uk_file err = {1};

FILE *const stdout = &out;
FILE *const stderr = &err;

void __uk_fwrite(FILE *f, const char *p, size_t n)
{
	console_write(p, n);
	if (f->unbuffered)
		console_flush();
}
