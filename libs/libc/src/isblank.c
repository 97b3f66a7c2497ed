/* isblank: whether c is space or tab ("C" locale). */
#include <ctype.h>

int isblank(int c)
{
	return c == ' ' || c == '\t';
}
