/* ispunct: whether c is printable, not space, not alphanumeric ("C" locale). */
#include <ctype.h>

int ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}
