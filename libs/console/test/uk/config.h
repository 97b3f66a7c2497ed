/* Configuration for console's host tests: a tiny buffer so that the
 * buffer-full paths run with short strings. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#define CONFIG_CONSOLE_BUFFER_SIZE 16

#endif
