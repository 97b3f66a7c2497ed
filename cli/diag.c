/* Diagnostics printed to the context's error stream, and kept. */
#include "diag.h"

#include "escape.h"

const struct srcpos srcpos_none = {0};

static struct diag_log *kept(struct uk_ctx *ctx)
{
	if (!ctx->diags)
		ctx->diags = ctx_alloc(ctx, sizeof(*ctx->diags));
	return ctx->diags;
}

const char *diag_quote(struct uk_ctx *ctx, const char *s)
{
	if (escape_control_char(s))
		return escape_c_string(ctx, s);
	return ctx_printf(ctx, "'%s'", s);
}

const struct diag_log *diag_log(struct uk_ctx *ctx)
{
	return kept(ctx);
}

static struct diag_record *keep_and_print(struct uk_ctx *ctx, struct srcpos pos, const char *sev,
					  const char *message)
{
	struct diag_log *log = kept(ctx);
	struct diag_record *r = CTX_PUSH(ctx, log->records, log->n);

	r->severity = sev;
	r->pos.file = ctx_strdup(ctx, pos.file);
	r->pos.line = pos.line;
	r->pos.col = pos.col;
	r->message = message;
	if (pos.file && pos.line)
		fprintf(ctx->err, "%s:%d:%d: %s: ", pos.file, pos.line, pos.col, sev);
	else if (pos.file)
		fprintf(ctx->err, "%s: %s: ", pos.file, sev);
	else
		fprintf(ctx->err, "uk: %s: ", sev);
	fprintf(ctx->err, "%s\n", message);
	return r;
}

/* Past DIAG_MAX_ERRORS errors nothing more is listed, printed or kept, so
 * that no input makes uk print without end; one line says so, and the
 * errors are still counted. True when this diagnostic is not listed. */
static bool past_limit(struct uk_ctx *ctx)
{
	struct diag_log *log = kept(ctx);

	log->muted = ctx->errors >= DIAG_MAX_ERRORS;
	if (log->muted && !log->limit_said) {
		log->limit_said = true;
		keep_and_print(ctx, srcpos_none, "error",
			       ctx_printf(ctx, "more than %d errors; the rest are not listed",
					  DIAG_MAX_ERRORS));
	}
	return log->muted;
}

static void diag_emit(struct uk_ctx *ctx, struct srcpos pos, const char *sev, const char *fmt,
		      va_list ap)
{
	if (!past_limit(ctx))
		keep_and_print(ctx, pos, sev, ctx_vprintf(ctx, fmt, ap));
}

void diag_error(struct uk_ctx *ctx, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_emit(ctx, pos, "error", fmt, ap);
	va_end(ap);
	ctx->errors++;
}

void diag_warning(struct uk_ctx *ctx, struct srcpos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_emit(ctx, pos, "warning", fmt, ap);
	va_end(ap);
}

void diag_note(struct uk_ctx *ctx, const char *label, const char *fmt, ...)
{
	struct diag_log *log = kept(ctx);
	const char *message;
	va_list ap;

	if (log->muted)
		return;
	va_start(ap, fmt);
	message = ctx_vprintf(ctx, fmt, ap);
	va_end(ap);
	fprintf(ctx->err, "  %s: %s\n", label, message);
	/* A note belongs to the message before it; there is always one. */
	if (log->n) {
		struct diag_record *r = &log->records[log->n - 1];
		struct diag_line *l = CTX_PUSH(ctx, r->notes, r->nnotes);

		l->label = ctx_strdup(ctx, label);
		l->message = message;
	}
}
