/* A hosted panic: the message on stderr, where it survives a redirected
 * stdout, and exit status 255. */
#include <uk/plat.h>

#include <hosted/syscall.h>

/* The console module's buffer, when the image has one: the lines printed
 * just before a panic are the ones that explain it. A weak reference keeps
 * the platform free of any dependency on the console module. */
extern void console_flush(void) __attribute__((weak));

_Noreturn void plat_panic(const char *msg)
{
	static int panicking;
	unsigned long n = 0;

	/* a panic inside the flush must not recurse */
	if (console_flush && !panicking++)
		console_flush();
	while (msg[n])
		n++;
	sys_write_all(2, "panic: ", 7);
	sys_write_all(2, msg, n);
	sys_write_all(2, "\n", 1);
	sys_exit_group(255);
}
