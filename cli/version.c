/* Version numbers and requirement constraints. */
#include "version.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool parse_num(const char **s, unsigned *out)
{
	unsigned long v;
	char *end;

	if (!isdigit((unsigned char)**s))
		return false;
	v = strtoul(*s, &end, 10);
	if (v > 1000000)
		return false;
	*out = (unsigned)v;
	*s = end;
	return true;
}

static bool parse_version_prefix(const char **s, struct version *out)
{
	struct version v = {0, 0, 0};

	if (!parse_num(s, &v.major))
		return false;
	if (**s == '.') {
		(*s)++;
		if (!parse_num(s, &v.minor))
			return false;
		if (**s == '.') {
			(*s)++;
			if (!parse_num(s, &v.patch))
				return false;
		}
	}
	*out = v;
	return true;
}

bool version_parse(const char *s, struct version *out)
{
	struct version v;

	if (!parse_version_prefix(&s, &v) || *s)
		return false;
	*out = v;
	return true;
}

int version_cmp(struct version a, struct version b)
{
	if (a.major != b.major)
		return a.major < b.major ? -1 : 1;
	if (a.minor != b.minor)
		return a.minor < b.minor ? -1 : 1;
	if (a.patch != b.patch)
		return a.patch < b.patch ? -1 : 1;
	return 0;
}

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static bool parse_op(const char **s, enum version_op *op)
{
	static const struct {
		const char *text;
		enum version_op op;
	} ops[] = {{">=", VOP_GE}, {"<=", VOP_LE}, {"==", VOP_EQ}, {"!=", VOP_NE},
		   {">", VOP_GT},  {"<", VOP_LT},  {"=", VOP_EQ}};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t n = strlen(ops[i].text);

		if (!strncmp(*s, ops[i].text, n)) {
			*op = ops[i].op;
			*s += n;
			return true;
		}
	}
	return false;
}

bool requirement_parse(struct uk_ctx *ctx, const char *s, struct requirement *out, const char **why)
{
	const char *p = skip_space(s), *start = p;
	size_t n;

	memset(out, 0, sizeof(*out));
	while (islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '_')
		p++;
	n = (size_t)(p - start);
	if (n == 0) {
		*why = "expected a capability name (lower case letters, digits, '-', '_')";
		return false;
	}
	out->name = ctx_strndup(ctx, start, n);
	p = skip_space(p);
	out->text = p;
	if (!*p)
		return true;
	for (;;) {
		struct version_bound *b;

		if (out->nbounds == VERSION_MAX_BOUNDS) {
			*why = "too many version bounds";
			return false;
		}
		b = &out->bounds[out->nbounds++];
		if (!parse_op(&p, &b->op)) {
			*why = "expected a version constraint such as '>= 1.2' after the name";
			return false;
		}
		p = skip_space(p);
		if (!parse_version_prefix(&p, &b->v)) {
			*why = "expected a version number such as 1.2.0 after the operator";
			return false;
		}
		p = skip_space(p);
		if (!*p)
			return true;
		if (*p != ',') {
			*why = "expected ',' between version constraints";
			return false;
		}
		p = skip_space(p + 1);
	}
}

bool requirement_allows(const struct requirement *r, struct version v)
{
	size_t i;

	for (i = 0; i < r->nbounds; i++) {
		int c = version_cmp(v, r->bounds[i].v);
		bool ok = false;

		switch (r->bounds[i].op) {
		case VOP_EQ:
			ok = c == 0;
			break;
		case VOP_NE:
			ok = c != 0;
			break;
		case VOP_LT:
			ok = c < 0;
			break;
		case VOP_LE:
			ok = c <= 0;
			break;
		case VOP_GT:
			ok = c > 0;
			break;
		case VOP_GE:
			ok = c >= 0;
			break;
		}
		if (!ok)
			return false;
	}
	return true;
}
