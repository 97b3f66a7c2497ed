/* Configuration for libc's host tests (also used by the alloc and console
 * sources linked into them): float formatting on, a small console buffer. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#define CONFIG_LIBC_PRINTF_FLOAT   1
#define CONFIG_CONSOLE_BUFFER_SIZE 64

#endif
