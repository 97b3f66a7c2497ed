/* Diagnostics printed to the context's error stream. */
#include "diag.h"

const struct srcpos srcpos_none = {0};

static void diag_emit(struct uk_ctx *ctx, struct srcpos pos, const char *sev, const char *fmt,
		      va_list ap)
{
	if (pos.file && pos.line)
		fprintf(ctx->err, "%s:%d:%d: %s: ", pos.file, pos.line, pos.col, sev);
	else if (pos.file)
		fprintf(ctx->err, "%s: %s: ", pos.file, sev);
	else
		fprintf(ctx->err, "uk: %s: ", sev);
	vfprintf(ctx->err, fmt, ap);
	fputc('\n', ctx->err);
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
	va_list ap;

	fprintf(ctx->err, "  %s: ", label);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
}
