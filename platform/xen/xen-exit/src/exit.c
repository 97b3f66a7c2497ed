/* Ending a Xen domain with a status. */
#include <xen-core/console.h>
#include <xen-core/hypercall.h>
#include <xen-exit/xen-exit.h>
#include <xen/sched.h>
#include <xenstore/xenstore.h>

/* The console module's buffer, when the image has one. */
void console_flush(void) __attribute__((weak));

static void format_status(char *buf, int status)
{
	unsigned int v = status < 0 ? 0u - (unsigned int)status : (unsigned int)status;
	char tmp[12];
	int n = 0, i = 0;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (status < 0)
		buf[i++] = '-';
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = 0;
}

_Noreturn void xen_exit(int status, bool crash)
{
	char text[16];

	if (console_flush)
		console_flush();
	if (xencons_ready())
		xencons_flush(2000000000ull);
	format_status(text, status);
	xs_write(XBT_NULL, "data/exit-status", text);
	xen_shutdown(crash ? SHUTDOWN_crash : SHUTDOWN_poweroff);
	/* Xen does not return from a shutdown of ours; if it did, stop here. */
	for (;;)
		xen_shutdown(SHUTDOWN_crash);
}
