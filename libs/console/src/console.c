/* The console's line buffer: collects output and hands it to the platform
 * a line (or a full buffer) at a time. */
#include <console/console.h>
#include <uk/config.h>
#include <uk/plat.h>

#ifndef CONFIG_CONSOLE_BUFFER_SIZE
#define CONFIG_CONSOLE_BUFFER_SIZE 256
#endif

static char buffer[CONFIG_CONSOLE_BUFFER_SIZE];
static size_t used;

void console_flush(void)
{
	if (used) {
		plat_console_write(buffer, used);
		used = 0;
	}
}

void console_write(const char *buf, size_t len)
{
	size_t i, last_nl = len;

	if (!len)
		return;
	for (i = len; i-- > 0;) {
		if (buf[i] == '\n') {
			last_nl = i;
			break;
		}
	}
	/* Big writes skip the copy, but keep the order with what is queued. */
	if (len >= sizeof(buffer)) {
		console_flush();
		plat_console_write(buf, len);
		return;
	}
	if (len > sizeof(buffer) - used)
		console_flush();
	__builtin_memcpy(buffer + used, buf, len);
	used += len;
	if (last_nl < len) {
		/* complete lines go out; a partial one waits for its end */
		size_t out = used - (len - last_nl - 1);

		plat_console_write(buffer, out);
		used -= out;
		__builtin_memmove(buffer, buffer + out, used);
	} else if (used == sizeof(buffer)) {
		console_flush();
	}
}
