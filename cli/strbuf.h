/* strbuf: the one string builder of the CLI. Text grows in place with
 * amortised doubling; every block belongs to the context's arena. */
#ifndef UK_STRBUF_H
#define UK_STRBUF_H

#include <stddef.h>

#include "ctx.h"

struct strbuf {
	struct uk_ctx *ctx;
	char *s; /* always NUL-terminated, "" when empty */
	size_t len, cap;
};

void strbuf_init(struct strbuf *sb, struct uk_ctx *ctx);
void strbuf_addn(struct strbuf *sb, const char *s, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addc(struct strbuf *sb, char c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* items joined by sep ("a, b, c"); "" when n is 0. */
const char *strbuf_join(struct uk_ctx *ctx, const char *const *items, size_t n, const char *sep);

#endif
