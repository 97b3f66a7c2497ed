/* Configuration for the libc host test of the printf engine built without
 * floating point support. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#define CONFIG_CONSOLE_BUFFER_SIZE 64

#endif
