/* iscntrl: whether c is a control character (0-31 and DEL) ("C" locale). */
#include <ctype.h>

int iscntrl(int c)
{
	return (unsigned)c < 32 || c == 127;
}
