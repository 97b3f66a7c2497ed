/* islower: whether c is a lower-case ASCII letter ("C" locale). */
#include <ctype.h>

int islower(int c)
{
	return (unsigned)(c - 'a') < 26;
}
