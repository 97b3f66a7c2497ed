/* fputs: a string, without a newline. */
#include <stdio.h>
#include <string.h>

#include "libc.h"

int fputs(const char *restrict s, FILE *restrict f)
{
	__uk_fwrite(f, s, strlen(s));
	return 0;
}
