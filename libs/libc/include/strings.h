/* uk libc: the POSIX <strings.h> case-insensitive comparisons (ASCII). */
#ifndef _UK_STRINGS_H
#define _UK_STRINGS_H

#include <stddef.h>

int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);

#endif
