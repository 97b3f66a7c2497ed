/* YAML through libyaml into position-carrying nodes. */
#include "ydoc.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "fsutil.h"
#include "suggest.h"

static struct srcpos mark_pos(const char *file, yaml_mark_t m)
{
	struct srcpos p = {file, (int)m.line + 1, (int)m.column + 1};
	return p;
}

static struct ynode *convert(struct uk_ctx *ctx, const char *file, yaml_document_t *doc,
			     yaml_node_t *yn, int depth)
{
	struct ynode *node = ctx_alloc(ctx, sizeof(*node));
	yaml_node_item_t *it;
	yaml_node_pair_t *pr;

	node->pos = mark_pos(file, yn->start_mark);
	if (depth > 64) {
		diag_error(ctx, node->pos, "the document nests too deeply");
		return NULL;
	}
	switch (yn->type) {
	case YAML_SCALAR_NODE:
		node->kind = YNODE_SCALAR;
		node->str =
		    ctx_strndup(ctx, (const char *)yn->data.scalar.value, yn->data.scalar.length);
		node->plain = yn->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (strlen(node->str) != yn->data.scalar.length) {
			diag_error(ctx, node->pos, "a NUL byte is not allowed in a value");
			return NULL;
		}
		return node;
	case YAML_SEQUENCE_NODE:
		node->kind = YNODE_SEQ;
		for (it = yn->data.sequence.items.start; it < yn->data.sequence.items.top; it++) {
			struct ynode *c =
			    convert(ctx, file, doc, yaml_document_get_node(doc, *it), depth + 1);
			if (!c)
				return NULL;
			*CTX_PUSH(ctx, node->items, node->n) = c;
		}
		return node;
	case YAML_MAPPING_NODE:
		node->kind = YNODE_MAP;
		for (pr = yn->data.mapping.pairs.start; pr < yn->data.mapping.pairs.top; pr++) {
			struct ynode *k = convert(ctx, file, doc,
						  yaml_document_get_node(doc, pr->key), depth + 1);
			struct ynode *v;
			struct ypair *p;
			size_t i;

			if (!k)
				return NULL;
			if (k->kind != YNODE_SCALAR) {
				diag_error(ctx, k->pos, "a key must be a plain word, not a %s",
					   ynode_kind_name(k->kind));
				return NULL;
			}
			for (i = 0; i < node->n; i++) {
				if (!strcmp(node->pairs[i].key->str, k->str)) {
					diag_error(ctx, k->pos, "duplicate key '%s'", k->str);
					diag_note(ctx, "note", "first given at line %d",
						  node->pairs[i].key->pos.line);
					return NULL;
				}
			}
			v = convert(ctx, file, doc, yaml_document_get_node(doc, pr->value),
				    depth + 1);
			if (!v)
				return NULL;
			p = CTX_PUSH(ctx, node->pairs, node->n);
			p->key = k;
			p->val = v;
		}
		return node;
	default:
		diag_error(ctx, node->pos, "unsupported YAML node");
		return NULL;
	}
}

struct ynode *ydoc_load_string(struct uk_ctx *ctx, const char *name, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct ynode *result = NULL;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		struct srcpos pos = mark_pos(name, parser.problem_mark);

		diag_error(ctx, pos, "invalid YAML: %s%s%s", parser.problem,
			   parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return NULL;
	}
	root = yaml_document_get_root_node(&doc);
	if (!root) {
		result = ctx_alloc(ctx, sizeof(*result));
		result->kind = YNODE_MAP;
		result->pos = (struct srcpos){name, 1, 1};
	} else {
		result = convert(ctx, name, &doc, root, 0);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return result;
}

struct ynode *ydoc_load(struct uk_ctx *ctx, const char *path)
{
	size_t len;
	char *text = fs_read(ctx, path, &len);

	if (!text) {
		diag_error(ctx, srcpos_none, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	return ydoc_load_string(ctx, path, text, len);
}

const char *ynode_kind_name(enum ynode_kind kind)
{
	switch (kind) {
	case YNODE_SCALAR:
		return "single value";
	case YNODE_SEQ:
		return "list";
	case YNODE_MAP:
		return "mapping";
	}
	return "?";
}

bool ydoc_expect(struct uk_ctx *ctx, const struct ynode *node, enum ynode_kind kind,
		 const char *what)
{
	if (node->kind == kind)
		return true;
	diag_error(ctx, node->pos, "%s must be a %s, not a %s", what, ynode_kind_name(kind),
		   ynode_kind_name(node->kind));
	return false;
}

const char *ydoc_scalar(struct uk_ctx *ctx, const struct ynode *node, const char *what)
{
	return ydoc_expect(ctx, node, YNODE_SCALAR, what) ? node->str : NULL;
}

bool ydoc_check_keys(struct uk_ctx *ctx, const struct ynode *map, const char *const *keys,
		     const char *what)
{
	size_t i, nkeys = 0;
	bool ok = true;

	while (keys[nkeys])
		nkeys++;
	for (i = 0; i < map->n; i++) {
		const struct ynode *k = map->pairs[i].key;
		const char *near;
		size_t j;
		bool known = false;

		for (j = 0; j < nkeys; j++)
			if (!strcmp(k->str, keys[j]))
				known = true;
		if (known)
			continue;
		diag_error(ctx, k->pos, "unknown key '%s' in %s", k->str, what);
		near = suggest_closest(k->str, keys, nkeys);
		if (near)
			diag_note(ctx, "hint", "did you mean '%s'?", near);
		else {
			char list[512] = "";

			for (j = 0; j < nkeys; j++) {
				strncat(list, keys[j], sizeof(list) - strlen(list) - 1);
				if (j + 1 < nkeys)
					strncat(list, ", ", sizeof(list) - strlen(list) - 1);
			}
			diag_note(ctx, "hint", "the keys of %s are: %s", what, list);
		}
		ok = false;
	}
	return ok;
}

struct ynode *ydoc_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->kind != YNODE_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (!strcmp(map->pairs[i].key->str, key))
			return map->pairs[i].val;
	return NULL;
}

bool ydoc_scalar_list(struct uk_ctx *ctx, struct ynode *node, const char *what,
		      struct ynode ***items, size_t *n)
{
	size_t i;

	if (node->kind == YNODE_SCALAR) {
		*items = ctx_alloc(ctx, sizeof(struct ynode *));
		(*items)[0] = node;
		*n = 1;
		return true;
	}
	if (node->kind != YNODE_SEQ) {
		diag_error(ctx, node->pos, "%s must be a list of values, not a %s", what,
			   ynode_kind_name(node->kind));
		return false;
	}
	for (i = 0; i < node->n; i++) {
		if (node->items[i]->kind != YNODE_SCALAR) {
			diag_error(ctx, node->items[i]->pos,
				   "each entry of %s must be a single value, not a %s", what,
				   ynode_kind_name(node->items[i]->kind));
			return false;
		}
	}
	*items = node->items;
	*n = node->n;
	return true;
}

bool ydoc_bool_word(const char *s, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "y"};
	static const char *const no[] = {"false", "no", "off", "n"};
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!strcasecmp(s, yes[i])) {
			*out = true;
			return true;
		}
		if (!strcasecmp(s, no[i])) {
			*out = false;
			return true;
		}
	}
	return false;
}

bool ydoc_bool(struct uk_ctx *ctx, const struct ynode *node, const char *what, bool *out)
{
	if (node->kind == YNODE_SCALAR && ydoc_bool_word(node->str, out))
		return true;
	diag_error(ctx, node->pos, "%s must be true or false", what);
	return false;
}

bool ydoc_requirements(struct uk_ctx *ctx, struct ynode *node, struct yrequirement **out, size_t *n)
{
	struct ynode **items;
	size_t count, i;
	bool ok = true;

	if (!ydoc_scalar_list(ctx, node, "requires", &items, &count))
		return false;
	for (i = 0; i < count; i++) {
		struct yrequirement r = {.pos = items[i]->pos};
		const char *why;

		if (!requirement_parse(ctx, items[i]->str, &r.req, &why)) {
			diag_error(ctx, r.pos, "bad requirement '%s': %s", items[i]->str, why);
			ok = false;
			continue;
		}
		*CTX_PUSH(ctx, *out, *n) = r;
	}
	return ok;
}
