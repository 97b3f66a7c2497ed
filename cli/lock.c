/* uk.lock: read, compare, write. One entry per target the app was built
 * for, so building for a second target keeps the first one's lock. */
#include "lock.h"

#include <string.h>

#include "fsutil.h"
#include "proc.h"
#include "sha256.h"
#include "strbuf.h"
#include "ydoc.h"

struct lock_module {
	const char *name, *version, *hash;
};

struct lock_target {
	const char *target, *toolchain, *app_hash, *image_hash;
	struct lock_module *mods;
	size_t n;
};

static void hash_bytes_of(struct sha256 *s, const char *label, const char *data, size_t len)
{
	char head[64];

	/* Name and length first, so that moving bytes between files changes it. */
	sha256_update(s, label, strlen(label) + 1);
	snprintf(head, sizeof(head), "%zu", len);
	sha256_update(s, head, strlen(head) + 1);
	sha256_update(s, data, len);
}

static const char *digest_text(struct uk_ctx *ctx, struct sha256 *s)
{
	uint8_t d[32];
	char hex[65];

	sha256_final(s, d);
	sha256_hex(d, hex);
	return ctx_printf(ctx, "sha256:%s", hex);
}

static void hash_tree_into(struct uk_ctx *ctx, struct sha256 *s, const char *dir,
			   const char *prefix)
{
	static const char *const skip[] = {"test", "build", NULL};
	char **files;
	size_t n, i;

	if (fs_walk(ctx, dir, skip, &files, &n) != 0)
		return;
	for (i = 0; i < n; i++) {
		size_t len;
		char *data = fs_read(ctx, fs_join(ctx, dir, files[i]), &len);

		if (data)
			hash_bytes_of(s, ctx_printf(ctx, "%s%s", prefix, files[i]), data, len);
	}
}

const char *lock_hash_tree(struct uk_ctx *ctx, const char *dir)
{
	struct sha256 s;

	sha256_init(&s);
	hash_tree_into(ctx, &s, dir, "");
	return digest_text(ctx, &s);
}

const char *lock_hash_file(struct uk_ctx *ctx, const char *path)
{
	struct sha256 s;
	size_t len;
	char *data = fs_read(ctx, path, &len);
	uint8_t d[32];
	char hex[65];

	if (!data)
		return "missing";
	sha256_init(&s);
	sha256_update(&s, data, len);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	return ctx_printf(ctx, "sha256:%s", hex);
}

/* The app's own inputs: manifest, saved config, sources, include dirs, assets. */
static const char *app_hash(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	const char *files[] = {"uk.yaml", "uk.config"};
	struct sha256 s;
	char **srcs;
	size_t n, i;

	sha256_init(&s);
	for (i = 0; i < 2; i++) {
		size_t len;
		char *data = fs_read(ctx, fs_join(ctx, b->m->dir, files[i]), &len);

		if (data)
			hash_bytes_of(&s, files[i], data, len);
	}
	if (build_sources(b, b->res->n, &srcs, &n) == 0) {
		for (i = 0; i < n; i++) {
			size_t len;
			char *data = fs_read(ctx, srcs[i], &len);

			if (data)
				hash_bytes_of(&s, fs_relative(srcs[i], b->m->dir), data, len);
		}
	}
	for (i = 0; i < b->m->ninclude; i++)
		hash_tree_into(ctx, &s, fs_join(ctx, b->m->dir, b->m->include[i].text),
			       b->m->include[i].text);
	if (b->m->assets)
		hash_tree_into(ctx, &s, fs_join(ctx, b->m->dir, b->m->assets), b->m->assets);
	return digest_text(ctx, &s);
}

static const char *toolchain(struct uk_ctx *ctx)
{
	const char *argv[] = {"clang", "--version", NULL};
	char *out, *nl;

	if (proc_run_capture(ctx, argv, NULL, &out, NULL) != 0)
		return "unknown";
	if ((nl = strchr(out, '\n')))
		*nl = 0;
	return out;
}

/* A module's sources, and the prebuilt archives it links, if any. */
const char *lock_module_hash(struct build *b, const struct module *mod)
{
	const char *tree = lock_hash_tree(b->ctx, mod->dir);
	struct sha256 s;
	size_t i;

	if (!mod->narchives)
		return tree;
	sha256_init(&s);
	sha256_update(&s, tree, strlen(tree));
	for (i = 0; i < b->narchives; i++) {
		const char *h;

		if (b->archives[i].mod != mod)
			continue;
		h = lock_hash_file(b->ctx, b->archives[i].path);
		sha256_update(&s, h, strlen(h));
	}
	return digest_text(b->ctx, &s);
}

/* What the build is made of; the image is not built yet, so not hashed. */
static struct lock_target current_inputs(struct build *b)
{
	struct lock_target t = {0};
	size_t i;

	t.target = b->target->name;
	t.toolchain = toolchain(b->ctx);
	t.app_hash = app_hash(b);
	for (i = 0; i < b->res->n; i++) {
		const struct module *mod = b->res->mods[i].mod;
		struct lock_module *lm = CTX_PUSH(b->ctx, t.mods, t.n);

		lm->name = mod->name;
		lm->version = mod->version_text;
		lm->hash = lock_module_hash(b, mod);
	}
	return t;
}

static const char *str_at(const struct ynode *map, const char *key)
{
	const struct ynode *v = ydoc_get(map, key);

	return v && v->kind == YNODE_SCALAR ? v->str : "";
}

static const char *lock_path(struct build *b)
{
	return fs_join(b->ctx, b->m->dir, "uk.lock");
}

/* Every target entry of uk.lock; 0 entries when there is none. */
static int read_lock(struct build *b, struct lock_target **out, size_t *n)
{
	struct uk_ctx *ctx = b->ctx;
	const char *path = lock_path(b);
	struct ynode *root, *targets;
	size_t i, j;

	*out = NULL;
	*n = 0;
	if (!fs_exists(path))
		return 0;
	if (!(root = ydoc_load(ctx, path)))
		return -1;
	targets = ydoc_get(root, "targets");
	if (!targets || targets->kind != YNODE_MAP) {
		diag_error(ctx, root->pos, "uk.lock has no targets: mapping");
		return -1;
	}
	for (i = 0; i < targets->n; i++) {
		struct ynode *e = targets->pairs[i].val, *mods = ydoc_get(e, "modules");
		struct lock_target *t = CTX_PUSH(ctx, *out, *n);

		t->target = targets->pairs[i].key->str;
		t->toolchain = str_at(e, "toolchain");
		t->app_hash = str_at(e, "app");
		t->image_hash = str_at(e, "image");
		for (j = 0; mods && mods->kind == YNODE_SEQ && j < mods->n; j++) {
			struct lock_module *lm = CTX_PUSH(ctx, t->mods, t->n);

			lm->name = str_at(mods->items[j], "name");
			lm->version = str_at(mods->items[j], "version");
			lm->hash = str_at(mods->items[j], "hash");
		}
	}
	return 0;
}

static const struct lock_target *find_target(const struct lock_target *all, size_t n,
					     const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(all[i].target, name))
			return &all[i];
	return NULL;
}

static const struct lock_module *find_module(const struct lock_target *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (!strcmp(t->mods[i].name, name))
			return &t->mods[i];
	return NULL;
}

static void differs(struct build *b, int *count, const char *fmt, const char *a, const char *c,
		    const char *d)
{
	if (!*count)
		diag_error(b->ctx, (struct srcpos){"uk.lock", 0, 0},
			   "the build differs from uk.lock for %s (--locked)", b->target->name);
	diag_note(b->ctx, "differs", fmt, a, c, d);
	(*count)++;
}

int lock_check_inputs(struct build *b)
{
	struct lock_target *all, now = current_inputs(b);
	const struct lock_target *was;
	size_t n, i;
	int count = 0;

	if (read_lock(b, &all, &n) != 0)
		return -1;
	if (!(was = find_target(all, n, b->target->name))) {
		diag_error(b->ctx, srcpos_none, "uk.lock has no entry for %s (--locked)",
			   b->target->name);
		diag_note(b->ctx, "hint", "build once without --locked to write it");
		return -1;
	}
	if (strcmp(was->toolchain, now.toolchain))
		differs(b, &count, "toolchain: locked '%s', now '%s'%s", was->toolchain,
			now.toolchain, "");
	if (strcmp(was->app_hash, now.app_hash))
		differs(b, &count, "app %s: sources or manifest changed (locked %.19s, now %.19s)",
			b->m->name, was->app_hash, now.app_hash);
	for (i = 0; i < now.n; i++) {
		const struct lock_module *lm = find_module(was, now.mods[i].name);

		if (!lm)
			differs(b, &count, "module %s %s is new: uk.lock does not have it%s",
				now.mods[i].name, now.mods[i].version, "");
		else if (strcmp(lm->version, now.mods[i].version))
			differs(b, &count, "module %s: version %s in uk.lock, now %s", lm->name,
				lm->version, now.mods[i].version);
		else if (strcmp(lm->hash, now.mods[i].hash))
			differs(b, &count, "module %s: content changed (locked %.19s, now %.19s)",
				lm->name, lm->hash, now.mods[i].hash);
	}
	for (i = 0; i < was->n; i++)
		if (!find_module(&now, was->mods[i].name))
			differs(b, &count, "module %s %s is in uk.lock but no longer chosen%s",
				was->mods[i].name, was->mods[i].version, "");
	return count ? -1 : 0;
}

int lock_check_image(struct build *b)
{
	struct lock_target *all;
	const struct lock_target *was;
	const char *now = lock_hash_file(b->ctx, b->image);
	size_t n;

	if (read_lock(b, &all, &n) != 0 || !(was = find_target(all, n, b->target->name)))
		return -1;
	if (strcmp(was->image_hash, now)) {
		diag_error(b->ctx, (struct srcpos){"uk.lock", 0, 0},
			   "the image differs from uk.lock for %s (--locked)", b->target->name);
		diag_note(b->ctx, "differs", "image: locked %s, built %s", was->image_hash, now);
		return -1;
	}
	return 0;
}

static void emit_target(struct strbuf *sb, const struct lock_target *t)
{
	size_t i;

	strbuf_addf(sb, "  %s:\n    toolchain: \"%s\"\n    app: %s\n    modules:\n", t->target,
		    t->toolchain, t->app_hash);
	for (i = 0; i < t->n; i++)
		strbuf_addf(sb, "      - { name: %s, version: %s, hash: %s }\n", t->mods[i].name,
			    t->mods[i].version, t->mods[i].hash);
	strbuf_addf(sb, "    image: %s\n", t->image_hash);
}

int lock_write(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	struct lock_target *all, now = current_inputs(b);
	struct strbuf sb;
	size_t n, i;
	bool placed = false;

	now.image_hash = lock_hash_file(ctx, b->image);
	if (read_lock(b, &all, &n) != 0)
		return -1;
	strbuf_init(&sb, ctx);
	strbuf_adds(&sb, "# uk.lock: written by uk build; keep it with the app. `uk build "
			 "--locked` fails\n# when the module set, a module's content, the "
			 "toolchain or the image differ.\ntargets:\n");
	/* Entries stay sorted by target, so the file is stable. */
	for (i = 0; i < n; i++) {
		int c = strcmp(all[i].target, now.target);

		if (c == 0)
			continue;
		if (c > 0 && !placed) {
			emit_target(&sb, &now);
			placed = true;
		}
		emit_target(&sb, &all[i]);
	}
	if (!placed)
		emit_target(&sb, &now);
	return fs_write_if_changed(ctx, lock_path(b), sb.s, sb.len);
}
