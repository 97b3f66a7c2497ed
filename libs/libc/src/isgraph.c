/* isgraph: whether c is printable and not space ("C" locale). */
#include <ctype.h>

int isgraph(int c)
{
	return (unsigned)(c - 33) < 94;
}
