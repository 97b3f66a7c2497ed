/* The recording platform the libc tests run on. */
#ifndef LIBC_TEST_PLAT_STUB_H
#define LIBC_TEST_PLAT_STUB_H

#include <stddef.h>

/* Everything written to the platform console, NUL-terminated. */
extern char stub_console[8192];
extern size_t stub_console_len;
/* The status of the last plat_exit() call, -1 before any. */
extern int stub_exit_status;

void stub_reset(void);
/* Gives the heap its arena on first use. */
void stub_heap_init(void);

#endif
