/* strtok: strtok_r with one hidden position (not reentrant). */
#include <string.h>

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}
