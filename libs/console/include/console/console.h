/* The console module's contract: buffered, line-wise output to the
 * platform console. */
#ifndef CONSOLE_CONSOLE_H
#define CONSOLE_CONSOLE_H

#include <stddef.h>

/*
 * Output is collected in a buffer of CONFIG_CONSOLE_BUFFER_SIZE bytes and
 * handed to plat_console_write() when a newline arrives, when the buffer is
 * full, or on console_flush(). So each line reaches the platform in one
 * write (whole lines stay whole on a shared Xen console) and printing a
 * character at a time stays cheap. Not thread-safe, like the rest of uk.
 */

/* Queues len bytes; writes up to the last newline among them go out at
 * once. Writes bigger than the buffer go out directly. */
void console_write(const char *buf, size_t len);

/* Queues the NUL-terminated string s (no newline is added). */
void console_puts(const char *s);

/* Hands whatever is buffered to the platform. Must run before the image
 * ends (libc's exit() does it) or the last partial line is lost. */
void console_flush(void);

#endif
