/* The one explicit context passed down the pipeline: the arena that owns
 * every allocation of a uk run, where diagnostics go, and global options. */
#ifndef UK_CTX_H
#define UK_CTX_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct arena_block;
struct diag_log;

struct uk_ctx {
	struct arena_block *arena;
	FILE *err;	  /* diagnostics; stderr, or a memory stream in tests */
	const char *home; /* uk's data: libs/, platform/, linker/, templates/, targets/ */
	int verbose;
	int errors;		/* diagnostics of severity error printed so far */
	struct diag_log *diags; /* every diagnostic so far, for --json (diag.c) */
};

/* Every allocation lives until ctx_free; the CLI never frees piecemeal. */
void ctx_init(struct uk_ctx *ctx, FILE *err);
void ctx_free(struct uk_ctx *ctx);

void *ctx_alloc(struct uk_ctx *ctx, size_t size); /* zeroed; aborts on OOM */
void *ctx_realloc_array(struct uk_ctx *ctx, void *old, size_t old_n, size_t new_n, size_t elem);
char *ctx_strdup(struct uk_ctx *ctx, const char *s);
char *ctx_strndup(struct uk_ctx *ctx, const char *s, size_t n);
char *ctx_printf(struct uk_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *ctx_vprintf(struct uk_ctx *ctx, const char *fmt, va_list ap);

/* Appends one element to a growable array (*items, *n) owned by the arena. */
#define CTX_PUSH(ctx, items, n)                                                                    \
	((items) = ctx_realloc_array((ctx), (items), (n), (n) + 1, sizeof(*(items))),              \
	 &(items)[(n)++])

#endif
