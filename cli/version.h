/* Module versions (major.minor.patch) and the constraints requirements put
 * on them ("alloc >= 0.2, < 1.0"). */
#ifndef UK_VERSION_H
#define UK_VERSION_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"

struct version {
	unsigned major, minor, patch;
};

enum version_op { VOP_EQ, VOP_NE, VOP_LT, VOP_LE, VOP_GT, VOP_GE };

struct version_bound {
	enum version_op op;
	struct version v;
};

#define VERSION_MAX_BOUNDS 4

/* A requirement as written: "name" or "name OP version[, OP version]". */
struct requirement {
	const char *name;
	const char *text; /* the constraint part as written, "" when none */
	size_t nbounds;
	struct version_bound bounds[VERSION_MAX_BOUNDS];
};

/* "1", "1.2" and "1.2.3" parse (missing parts are 0). */
bool version_parse(const char *s, struct version *out);
int version_cmp(struct version a, struct version b);
/* Parses a requirement; on failure returns false and *why says what is off. */
bool requirement_parse(struct uk_ctx *ctx, const char *s, struct requirement *out,
		       const char **why);
bool requirement_allows(const struct requirement *r, struct version v);

#endif
