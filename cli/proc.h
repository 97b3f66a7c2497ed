/* Child processes, as the pipeline needs them. */
#ifndef UK_PROC_H
#define UK_PROC_H

#include <stddef.h>

#include "ctx.h"

/* Runs argv (PATH looked up) in cwd (NULL = ours) with extra environment
 * entries "K=V" (NULL-terminated, may be NULL). Returns the exit status,
 * 128+signal, or -1 if it could not start (message printed). */
int proc_run(struct uk_ctx *ctx, const char *const *argv, const char *cwd, const char *const *env);

/* Runs argv and captures its standard output (NUL-terminated) in *out. */
int proc_run_capture(struct uk_ctx *ctx, const char *const *argv, const char *cwd, char **out,
		     size_t *len);

#endif
