/* A YAML document as a tree of nodes that remember where they stand in the
 * file, loaded with libyaml, plus the checks every uk schema needs. */
#ifndef UK_YDOC_H
#define UK_YDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"
#include "diag.h"
#include "version.h"

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

struct ypair;

struct ynode {
	enum ynode_kind kind;
	struct srcpos pos;
	const char *str; /* scalar text */
	bool plain;	 /* scalar was unquoted (so "yes" may mean a boolean) */
	size_t n;	 /* items of a sequence, pairs of a map */
	struct ynode **items;
	struct ypair *pairs;
};

struct ypair {
	struct ynode *key; /* always a scalar (checked at load) */
	struct ynode *val;
};

/* Limits on what a file may make uk do: its size (uk.yaml, module.yaml,
 * targets and uk.lock alike), and how many values aliases may add. */
#define YDOC_MAX_BYTES	     (1 << 20)
#define YDOC_MAX_ALIAS_NODES 10000

/* Loads path; returns the root (an empty map for an empty file), or NULL
 * with an error printed at the place libyaml stopped. A path that is not a
 * regular file, or is larger than YDOC_MAX_BYTES, is an error. */
struct ynode *ydoc_load(struct uk_ctx *ctx, const char *path);
struct ynode *ydoc_load_string(struct uk_ctx *ctx, const char *name, const char *text, size_t len);

const char *ynode_kind_name(enum ynode_kind kind);

/* Each check prints "<pos>: error: <what> must be ..." and returns false. */
bool ydoc_expect(struct uk_ctx *ctx, const struct ynode *node, enum ynode_kind kind,
		 const char *what);

/* The text of a scalar node, or NULL after ydoc_expect's error. */
const char *ydoc_scalar(struct uk_ctx *ctx, const struct ynode *node, const char *what);

/* Checks that every key of map is in keys (NULL-terminated); an unknown key
 * is an error with a "did you mean" hint. what names the map in messages. */
bool ydoc_check_keys(struct uk_ctx *ctx, const struct ynode *map, const char *const *keys,
		     const char *what);

/* The value under key, or NULL. */
struct ynode *ydoc_get(const struct ynode *map, const char *key);

/* A scalar or a sequence of scalars, as a list of nodes (a lone scalar is
 * a list of one). Returns false with an error otherwise. */
bool ydoc_scalar_list(struct uk_ctx *ctx, struct ynode *node, const char *what,
		      struct ynode ***items, size_t *n);

/* True when s is one of the boolean words below, with its value in *out. */
bool ydoc_bool_word(const char *s, bool *out);

/* YAML 1.1 booleans as uk reads them: true/false, yes/no, on/off, y/n. */
bool ydoc_bool(struct uk_ctx *ctx, const struct ynode *node, const char *what, bool *out);

/* A requirement as a file wrote it ("alloc >= 0.2"), and where. */
struct yrequirement {
	struct requirement req;
	struct srcpos pos;
};

/* A requires: list, as uk.yaml, module.yaml and targets write it: appends
 * each good entry to (*out, *n). Returns false after reporting every bad
 * entry ("bad requirement '...': why"). */
bool ydoc_requirements(struct uk_ctx *ctx, struct ynode *node, struct yrequirement **out,
		       size_t *n);

#endif
