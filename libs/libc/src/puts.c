/* puts: a line to stdout, the newline added. */
#include <stdio.h>
#include <string.h>

#include "libc.h"

int puts(const char *s)
{
	__uk_fwrite(stdout, s, strlen(s));
	__uk_fwrite(stdout, "\n", 1);
	return 0;
}
