/* stamp: small files in the build directory that remember what a costly
 * step found, under the key of what it depended on (build/<target>/stamps/).
 * A stamp that is missing, damaged or under another key is a miss, and the
 * step runs again: a stamp can make a build faster, never different. */
#ifndef UK_STAMP_H
#define UK_STAMP_H

#include <stddef.h>

#include "build.h"

/* The directory of b's stamps. */
const char *stamp_dir(struct build *b);

/* The value stored in stamp name under key, or NULL when there is none
 * for that key. */
const char *stamp_get(struct build *b, const char *name, const char *key);

/* Stores value under key (one line, no newline) in stamp name, written
 * only when it changes. UK_EXIT_OK, or UK_EXIT_IO with an error printed. */
enum uk_exit stamp_put(struct build *b, const char *name, const char *key, const char *value);

#endif
