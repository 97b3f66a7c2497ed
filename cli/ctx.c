/* The context's arena: a list of blocks freed all at once. */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	max_align_t data[];
};

void ctx_init(struct uk_ctx *ctx, FILE *err)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->err = err;
}

void ctx_free(struct uk_ctx *ctx)
{
	struct arena_block *b = ctx->arena;

	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	ctx->arena = NULL;
}

void *ctx_alloc(struct uk_ctx *ctx, size_t size)
{
	/* One malloc per allocation keeps ASan's view of overflows exact. */
	struct arena_block *b = calloc(1, sizeof(*b) + size);

	if (!b) {
		fputs("uk: out of memory\n", stderr);
		abort();
	}
	b->next = ctx->arena;
	ctx->arena = b;
	return b->data;
}

void *ctx_realloc_array(struct uk_ctx *ctx, void *old, size_t old_n, size_t new_n, size_t elem)
{
	size_t cap_old = 4, cap_new;
	void *p;

	/* Grow geometrically: capacity is the next power of two >= n. */
	while (cap_old < old_n)
		cap_old *= 2;
	if (old && new_n <= cap_old)
		return old;
	cap_new = cap_old;
	while (cap_new < new_n)
		cap_new *= 2;
	p = ctx_alloc(ctx, cap_new * elem);
	if (old)
		memcpy(p, old, old_n * elem);
	return p;
}

char *ctx_strndup(struct uk_ctx *ctx, const char *s, size_t n)
{
	char *p = ctx_alloc(ctx, n + 1);

	memcpy(p, s, n);
	return p;
}

char *ctx_strdup(struct uk_ctx *ctx, const char *s)
{
	return s ? ctx_strndup(ctx, s, strlen(s)) : NULL;
}

char *ctx_vprintf(struct uk_ctx *ctx, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	p = ctx_alloc(ctx, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *ctx_printf(struct uk_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = ctx_vprintf(ctx, fmt, ap);
	va_end(ap);
	return p;
}
