/* The failure path of assert(): a line naming the place and expression,
 * then a panic. Builds the line by hand so that assert() alone does not
 * pull the printf engine into an image. */
#include <assert.h>

#include <console/console.h>
#include <uk/plat.h>

_Noreturn void __uk_assert_fail(const char *expr, const char *file, int line, const char *func)
{
	char num[12];
	int i = sizeof(num);
	unsigned v = line < 0 ? 0 : (unsigned)line;

	(void)func;
	do {
		num[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v && i > 0);
	console_puts(file);
	console_write(":", 1);
	console_write(num + i, sizeof(num) - (size_t)i);
	console_puts(": assertion failed: ");
	console_puts(expr);
	console_write("\n", 1);
	console_flush();
	plat_panic("assertion failed");
}
