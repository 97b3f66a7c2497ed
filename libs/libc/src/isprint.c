/* isprint: whether c is printable, space included ("C" locale). */
#include <ctype.h>

int isprint(int c)
{
	return (unsigned)(c - 32) < 95;
}
