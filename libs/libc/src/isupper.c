/* isupper: whether c is an upper-case ASCII letter ("C" locale). */
#include <ctype.h>

int isupper(int c)
{
	return (unsigned)(c - 'A') < 26;
}
