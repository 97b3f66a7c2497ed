/* YAML through libyaml into position-carrying nodes. */
#include "ydoc.h"

#include <errno.h>
#include <stdlib.h>
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

/* One conversion: libyaml's document, and how many nodes aliases have
 * added so far (a node reached again through an alias is copied). */
struct convert_state {
	struct uk_ctx *ctx;
	const char *file;
	yaml_document_t *doc;
	bool *seen; /* by libyaml node index: converted once already */
	size_t expanded;
};

static int cmp_pair_key(const void *a, const void *b)
{
	const struct ypair *x = *(const struct ypair *const *)a,
			   *y = *(const struct ypair *const *)b;
	int c = strcmp(x->key->str, y->key->str);

	return c ? c : (x < y ? -1 : x > y);
}

/* A key given twice: sorted by text, then by place, so that one pass finds
 * the first repeat of each key; the one written first of all is reported,
 * as a linear scan would. O(n log n): a mapping may hold 100,000 keys. */
static bool check_duplicates(struct uk_ctx *ctx, const struct ynode *map)
{
	struct ypair **sorted, *dup = NULL, *first = NULL;
	size_t i;

	if (map->n < 2)
		return true;
	sorted = ctx_alloc(ctx, map->n * sizeof(*sorted));
	for (i = 0; i < map->n; i++)
		sorted[i] = &map->pairs[i];
	qsort(sorted, map->n, sizeof(*sorted), cmp_pair_key);
	for (i = 1; i < map->n; i++) {
		if (strcmp(sorted[i - 1]->key->str, sorted[i]->key->str) ||
		    (i >= 2 && !strcmp(sorted[i - 2]->key->str, sorted[i]->key->str)))
			continue;
		if (!dup || sorted[i] < dup) {
			dup = sorted[i];
			first = sorted[i - 1];
		}
	}
	if (!dup)
		return true;
	diag_error(ctx, dup->key->pos, "duplicate key %s", diag_quote(ctx, dup->key->str));
	diag_note(ctx, "note", "first given at line %d", first->key->pos.line);
	return false;
}

static struct ynode *convert(struct convert_state *st, int index, int depth);

static bool convert_seq(struct convert_state *st, struct ynode *node, yaml_node_t *yn, int depth)
{
	yaml_node_item_t *it;

	for (it = yn->data.sequence.items.start; it < yn->data.sequence.items.top; it++) {
		struct ynode *c = convert(st, *it, depth + 1);

		if (!c)
			return false;
		*CTX_PUSH(st->ctx, node->items, node->n) = c;
	}
	return true;
}

static bool convert_map(struct convert_state *st, struct ynode *node, yaml_node_t *yn, int depth)
{
	yaml_node_pair_t *pr;

	for (pr = yn->data.mapping.pairs.start; pr < yn->data.mapping.pairs.top; pr++) {
		struct ynode *k = convert(st, pr->key, depth + 1), *v;
		struct ypair *p;

		if (!k)
			return false;
		if (k->kind != YNODE_SCALAR) {
			diag_error(st->ctx, k->pos, "a key must be a plain word, not a %s",
				   ynode_kind_name(k->kind));
			return false;
		}
		if (!(v = convert(st, pr->value, depth + 1)))
			return false;
		p = CTX_PUSH(st->ctx, node->pairs, node->n);
		p->key = k;
		p->val = v;
	}
	return check_duplicates(st->ctx, node);
}

static struct ynode *convert(struct convert_state *st, int index, int depth)
{
	yaml_node_t *yn = yaml_document_get_node(st->doc, index);
	struct ynode *node = ctx_alloc(st->ctx, sizeof(*node));

	node->pos = mark_pos(st->file, yn->start_mark);
	if (depth > 64) {
		diag_error(st->ctx, node->pos, "the document nests too deeply");
		return NULL;
	}
	/* An alias bomb: a few lines whose aliases expand to billions. */
	if (st->seen[index - 1] && ++st->expanded > YDOC_MAX_ALIAS_NODES) {
		diag_error(st->ctx, node->pos, "aliases expand to more than %d values",
			   YDOC_MAX_ALIAS_NODES);
		diag_note(st->ctx, "hint", "write the values out, or use fewer aliases");
		return NULL;
	}
	st->seen[index - 1] = true;
	switch (yn->type) {
	case YAML_SCALAR_NODE:
		node->kind = YNODE_SCALAR;
		node->str = ctx_strndup(st->ctx, (const char *)yn->data.scalar.value,
					yn->data.scalar.length);
		node->plain = yn->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (strlen(node->str) != yn->data.scalar.length) {
			diag_error(st->ctx, node->pos, "a NUL byte is not allowed in a value");
			return NULL;
		}
		return node;
	case YAML_SEQUENCE_NODE:
		node->kind = YNODE_SEQ;
		return convert_seq(st, node, yn, depth) ? node : NULL;
	case YAML_MAPPING_NODE:
		node->kind = YNODE_MAP;
		return convert_map(st, node, yn, depth) ? node : NULL;
	default:
		diag_error(st->ctx, node->pos, "unsupported YAML node");
		return NULL;
	}
}

struct ynode *ydoc_load_string(struct uk_ctx *ctx, const char *name, const char *text, size_t len)
{
	yaml_parser_t parser;
	yaml_document_t doc;
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
	if (!yaml_document_get_root_node(&doc)) {
		result = ctx_alloc(ctx, sizeof(*result));
		result->kind = YNODE_MAP;
		result->pos = (struct srcpos){name, 1, 1};
	} else {
		struct convert_state st = {ctx, name, &doc, NULL, 0};

		st.seen = ctx_alloc(ctx, (size_t)(doc.nodes.top - doc.nodes.start));
		result = convert(&st, 1, 0);
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return result;
}

struct ynode *ydoc_load(struct uk_ctx *ctx, const char *path)
{
	size_t len;
	char *text;
	const char *why = fs_read_bounded(ctx, path, YDOC_MAX_BYTES, &text, &len);

	if (why) {
		diag_error(ctx, srcpos_none, "cannot read %s: %s", path, why);
		if (!strcmp(why, FS_NOT_REGULAR) || !strcmp(why, FS_TOO_LARGE))
			diag_note(ctx, "hint", "uk reads YAML from regular files of at most %d MiB",
				  YDOC_MAX_BYTES >> 20);
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
		diag_error(ctx, k->pos, "unknown key %s in %s", diag_quote(ctx, k->str), what);
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
