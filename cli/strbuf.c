/* The string builder: appends into an arena buffer that doubles when full,
 * so that building a file of n bytes copies O(n) bytes, not O(n^2). */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void strbuf_init(struct strbuf *sb, struct uk_ctx *ctx)
{
	sb->ctx = ctx;
	sb->cap = 64;
	sb->s = ctx_alloc(ctx, sb->cap);
	sb->len = 0;
}

/* Room for n more bytes and the NUL. The arena frees nothing piecemeal: an
 * outgrown block stays until ctx_free, at most as much again as the last. */
static void reserve(struct strbuf *sb, size_t n)
{
	size_t cap = sb->cap;
	char *s;

	if (sb->len + n < cap)
		return;
	while (sb->len + n >= cap)
		cap *= 2;
	s = ctx_alloc(sb->ctx, cap);
	memcpy(s, sb->s, sb->len + 1);
	sb->s = s;
	sb->cap = cap;
}

void strbuf_addn(struct strbuf *sb, const char *s, size_t n)
{
	reserve(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = 0;
}

void strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_addn(sb, s, strlen(s));
}

void strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_addn(sb, &c, 1);
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	reserve(sb, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *strbuf_join(struct uk_ctx *ctx, const char *const *items, size_t n, const char *sep)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb, ctx);
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_adds(&sb, sep);
		strbuf_adds(&sb, items[i]);
	}
	return sb.s;
}
