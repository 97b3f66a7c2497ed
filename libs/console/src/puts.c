/* console_puts: a string convenience over console_write. */
#include <console/console.h>

void console_puts(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	console_write(s, n);
}
