/* isspace: whether c is space, \t \n \v \f or \r ("C" locale). */
#include <ctype.h>

int isspace(int c)
{
	return c == ' ' || (unsigned)(c - '\t') < 5;
}
