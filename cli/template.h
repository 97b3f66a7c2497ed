/* template: ${name} substitution, the one syntax of every text uk fills in:
 * module source patterns, archive paths, uk init's template files. */
#ifndef UK_TEMPLATE_H
#define UK_TEMPLATE_H

#include <stddef.h>

#include "ctx.h"
#include "diag.h"

struct template_var {
	const char *name, *value;
};

/* text with each ${name} replaced by the value of vars[i] of that name. A
 * name not in vars, or a "${" without its "}", is an error: reported at its
 * place (counted from pos, where text starts; line 0 stays unknown), naming
 * what (e.g. "sources pattern 'src/${arc}.c'") and the known variables. Returns
 * NULL then. A '$' not followed by '{' is kept as it is. */
char *template_expand(struct uk_ctx *ctx, const char *text, const struct template_var *vars,
		      size_t nvars, struct srcpos pos, const char *what);

#endif
