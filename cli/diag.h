/* Diagnostics: one message per error, with the place it came from. Each is
 * printed at once and kept in the context for --json reports. */
#ifndef UK_DIAG_H
#define UK_DIAG_H

#include <stdbool.h>

#include "ctx.h"

/* A place in a source file; line and column count from 1, 0 = unknown. */
struct srcpos {
	const char *file;
	int line, col;
};

/* "file:line:col: error: msg"; without a file just "uk: error: msg". */
void diag_error(struct uk_ctx *ctx, struct srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_warning(struct uk_ctx *ctx, struct srcpos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Follow-up lines of the last message: "  hint: ...", "  chain: ...". */
void diag_note(struct uk_ctx *ctx, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

extern const struct srcpos srcpos_none;

/* A value from a file, for a message: 'value' as it is, or, when it holds a
 * control character, a C string literal with escapes ("b\"]\nx=1"), so
 * that no value breaks a message's line or talks to the terminal. */
const char *diag_quote(struct uk_ctx *ctx, const char *s);

/* A kept diagnostic: its severity ("error", "warning"), place, message and
 * follow-up lines. */
struct diag_line {
	const char *label, *message;
};
struct diag_record {
	const char *severity;
	struct srcpos pos;
	const char *message;
	struct diag_line *notes;
	size_t nnotes;
};
struct diag_log {
	struct diag_record *records;
	size_t n;
	bool muted;	 /* the last diagnostic was past the limit: so are its notes */
	bool limit_said; /* the line saying so is printed */
};

/* Errors listed at most, on stderr and in the log; ctx->errors counts them
 * all. The first past the limit is replaced by one line saying so, and
 * later ones, warnings and notes are neither printed nor kept. */
#define DIAG_MAX_ERRORS 100

/* Every diagnostic of ctx so far, in the order printed (never NULL). */
const struct diag_log *diag_log(struct uk_ctx *ctx);

#endif
