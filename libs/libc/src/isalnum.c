/* isalnum: whether c is an ASCII letter or digit ("C" locale). */
#include <ctype.h>

int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}
