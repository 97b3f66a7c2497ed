/* tolower: maps ASCII letters to lower case, anything else to itself. */
#include <ctype.h>

int tolower(int c)
{
	return isupper(c) ? c | 32 : c;
}
