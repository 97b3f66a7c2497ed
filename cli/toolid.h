/* toolid: what a program on PATH is, for remembering what it said. A
 * program's identity is where PATH finds it, where that leads (symlinks
 * resolved) and that file's device, inode, size, modification and change
 * times: a new package, an update-alternatives switch or a touched wrapper
 * changes it. Like make and ninja trusting timestamps, it does not read
 * the binary; a wrapper script's identity is its own, not that of what it
 * runs (docs/perf.md, "Build speed"). */
#ifndef UK_TOOLID_H
#define UK_TOOLID_H

#include "ctx.h"

/* The identity of name as execvp would find it on PATH, one line of text;
 * NULL when PATH has no such program or it has a name that holds a
 * newline. */
const char *toolid_of(struct uk_ctx *ctx, const char *name);

#endif
