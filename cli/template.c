/* ${name} substitution. Unknown names are errors, not kept as they are, so
 * that a typo in a pattern or template never reaches a file unnoticed. */
#include "template.h"

#include <string.h>

#include "strbuf.h"

/* The place of text[off], counted from pos, the place of text[0]. */
static struct srcpos place_of(struct srcpos pos, const char *text, size_t off)
{
	size_t i;

	if (!pos.line)
		return pos;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			pos.line++;
			pos.col = 1;
		} else {
			pos.col++;
		}
	}
	return pos;
}

static const char *lookup(const struct template_var *vars, size_t nvars, const char *name,
			  size_t len)
{
	size_t i;

	for (i = 0; i < nvars; i++)
		if (strlen(vars[i].name) == len && !strncmp(vars[i].name, name, len))
			return vars[i].value;
	return NULL;
}

static void unknown(struct uk_ctx *ctx, struct srcpos at, const char *name, size_t len,
		    const struct template_var *vars, size_t nvars, const char *what)
{
	struct strbuf known;
	size_t i;

	strbuf_init(&known, ctx);
	for (i = 0; i < nvars; i++)
		strbuf_addf(&known, "%s${%s}", i ? ", " : "", vars[i].name);
	diag_error(ctx, at, "unknown variable ${%.*s} in %s", (int)len, name, what);
	diag_note(ctx, "hint", "the variables are %s", nvars ? known.s : "(none)");
}

char *template_expand(struct uk_ctx *ctx, const char *text, const struct template_var *vars,
		      size_t nvars, struct srcpos pos, const char *what)
{
	struct strbuf out;
	const char *p = text, *open;

	strbuf_init(&out, ctx);
	while ((open = strstr(p, "${"))) {
		const char *name = open + 2, *close = strchr(name, '}'), *value;
		size_t len;

		strbuf_addn(&out, p, (size_t)(open - p));
		if (!close) {
			diag_error(ctx, place_of(pos, text, (size_t)(open - text)),
				   "'${' without '}' in %s", what);
			return NULL;
		}
		len = (size_t)(close - name);
		if (!(value = lookup(vars, nvars, name, len))) {
			unknown(ctx, place_of(pos, text, (size_t)(open - text)), name, len, vars,
				nvars, what);
			return NULL;
		}
		strbuf_adds(&out, value);
		p = close + 1;
	}
	strbuf_adds(&out, p);
	return out.s;
}
