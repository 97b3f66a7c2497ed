/* atoll: strtoll in base 10 without error reporting. */
#include <stdlib.h>

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
