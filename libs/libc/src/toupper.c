/* toupper: maps ASCII letters to upper case, anything else to itself. */
#include <ctype.h>

int toupper(int c)
{
	return islower(c) ? c & ~32 : c;
}
