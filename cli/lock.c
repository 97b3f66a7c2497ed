/* uk.lock: read, compare, write. One entry per target the app was built
 * for, so building for a second target keeps the first one's lock. */
#include "lock.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "escape.h"
#include "fsutil.h"
#include "hashcache.h"
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

static const char *digest_text(struct uk_ctx *ctx, struct sha256 *s)
{
	uint8_t d[32];
	char hex[65];

	sha256_final(s, d);
	sha256_hex(d, hex);
	return ctx_printf(ctx, "sha256:%s", hex);
}

/* Label, length, then the file's bytes, read in pieces: a file is never
 * held whole. -1 with an error printed when it cannot be read whole. */
static int hash_file_into(struct uk_ctx *ctx, struct sha256 *s, const char *label, const char *path)
{
	char head[64], buf[65536];
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t got, total = 0;

	if (!f || fstat(fileno(f), &st) != 0) {
		diag_error(ctx, srcpos_none, "cannot hash %s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	/* Name and length first, so that moving bytes between files changes it. */
	sha256_update(s, label, strlen(label) + 1);
	snprintf(head, sizeof(head), "%lld", (long long)st.st_size);
	sha256_update(s, head, strlen(head) + 1);
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0) {
		sha256_update(s, buf, got);
		total += got;
	}
	if (ferror(f) || total != (size_t)st.st_size) {
		diag_error(ctx, srcpos_none, "cannot hash %s: %s", path,
			   ferror(f) ? strerror(errno) : "it changed while it was read");
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

/* Folders a module's or an include folder's hash leaves out. */
static const char *const skip_test_build[] = {"test", "build", NULL};

/* The files a digest covers, in order: each one's label (what the digest
 * names it) and path. */
struct hash_list {
	const char **labels;
	char **paths;
	size_t n;
};

static void list_add(struct uk_ctx *ctx, struct hash_list *l, const char *label, char *path)
{
	size_t n = l->n;

	*CTX_PUSH(ctx, l->labels, n) = label;
	*CTX_PUSH(ctx, l->paths, l->n) = path;
}

/* Every file below dir but the folders named in skip, symlinks to files
 * inside within followed (fs_walk); -1 with an error printed when the walk
 * fails, so that no hash quietly leaves anything out. */
static int list_tree(struct uk_ctx *ctx, struct hash_list *l, const char *dir, const char *within,
		     const char *const *skip, const char *prefix)
{
	char **files;
	size_t n, i;
	int rc = fs_walk(ctx, dir, within, skip, &files, &n);

	if (rc != 0) {
		if (rc != FS_WALK_REFUSED)
			diag_error(ctx, srcpos_none, "cannot hash the files below %s: %s", dir,
				   strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++)
		list_add(ctx, l, ctx_printf(ctx, "%s%s", prefix, files[i]),
			 fs_join(ctx, dir, files[i]));
	return 0;
}

/* The digest of the files of l; with b, remembered under name against
 * their metadata (hashcache.h). NULL with an error printed when a file
 * cannot be read. */
static const char *digest_list(struct uk_ctx *ctx, struct build *b, const char *name,
			       const struct hash_list *l)
{
	const char *d = b ? hashcache_get(b, name, l->paths, l->n) : NULL;
	struct sha256 s;
	size_t i;

	if (d)
		return d;
	sha256_init(&s);
	for (i = 0; i < l->n; i++)
		if (hash_file_into(ctx, &s, l->labels[i], l->paths[i]) != 0)
			return NULL;
	d = digest_text(ctx, &s);
	if (b)
		hashcache_put(b, name, d);
	return d;
}

const char *lock_hash_tree(struct uk_ctx *ctx, const char *dir)
{
	struct hash_list l = {0};

	if (list_tree(ctx, &l, dir, NULL, skip_test_build, "") != 0)
		return NULL;
	return digest_list(ctx, NULL, NULL, &l);
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

/* The app's own inputs: manifest, saved config, sources, include dirs,
 * assets. NULL with an error printed when one cannot be read. */
static const char *app_hash(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	const char *files[] = {"uk.yaml", "uk.config"};
	struct hash_list l = {0};
	char **srcs;
	size_t n, i;

	for (i = 0; i < 2; i++) {
		char *path = fs_join(ctx, b->m->dir, files[i]);

		if (fs_exists(path))
			list_add(ctx, &l, files[i], path);
	}
	if (build_sources(b, b->res->n, &srcs, &n) != 0)
		return NULL;
	for (i = 0; i < n; i++)
		list_add(ctx, &l, fs_relative(srcs[i], b->m->dir), srcs[i]);
	for (i = 0; i < b->m->ninclude; i++)
		if (list_tree(ctx, &l, fs_join(ctx, b->m->dir, b->m->include[i].text), b->m->dir,
			      skip_test_build, b->m->include[i].text) != 0)
			return NULL;
	/* Every file, as bake puts every file into the image. */
	if (b->m->assets && list_tree(ctx, &l, fs_join(ctx, b->m->dir, b->m->assets), b->m->dir,
				      NULL, b->m->assets) != 0)
		return NULL;
	return digest_list(ctx, b, "app", &l);
}

/* What fetch found (fetch_toolchain), or clang's answer now. */
static const char *toolchain(struct build *b)
{
	const char *argv[] = {"clang", "--version", NULL};
	char *out, *nl;

	if (b->toolchain)
		return b->toolchain;
	if (proc_run_capture(b->ctx, argv, NULL, &out, NULL) != 0)
		return "unknown";
	if ((nl = strchr(out, '\n')))
		*nl = 0;
	return out;
}

/* A module's sources, and the prebuilt archives it links, if any. */
const char *lock_module_hash(struct build *b, const struct module *mod)
{
	struct hash_list l = {0};
	const char *tree;
	struct sha256 s;
	size_t i;

	if (list_tree(b->ctx, &l, mod->dir, NULL, skip_test_build, "") != 0 ||
	    !(tree = digest_list(b->ctx, b, ctx_printf(b->ctx, "module %s", mod->dir), &l)))
		return NULL;
	if (!mod->narchives)
		return tree;
	sha256_init(&s);
	sha256_update(&s, tree, strlen(tree));
	for (i = 0; i < b->narchives; i++) {
		char *path = (char *)b->archives[i].path;
		const char *h, *name = ctx_printf(b->ctx, "archive %s", path);

		if (b->archives[i].mod != mod)
			continue;
		if (!(h = hashcache_get(b, name, &path, 1))) {
			h = lock_hash_file(b->ctx, path);
			hashcache_put(b, name, h);
		}
		sha256_update(&s, h, strlen(h));
	}
	return digest_text(b->ctx, &s);
}

/* What the build is made of; the image is not built yet, so not hashed.
 * -1 with an error printed when a file cannot be hashed. */
static int current_inputs(struct build *b, struct lock_target *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->target = b->target->name;
	t->toolchain = toolchain(b);
	if (!(t->app_hash = app_hash(b)))
		return -1;
	for (i = 0; i < b->res->n; i++) {
		const struct module *mod = b->res->mods[i].mod;
		struct lock_module *lm = CTX_PUSH(b->ctx, t->mods, t->n);

		lm->name = mod->name;
		lm->version = mod->version_text;
		if (!(lm->hash = lock_module_hash(b, mod)))
			return -1;
	}
	return 0;
}

static const char *lock_path(struct build *b)
{
	return fs_join(b->ctx, b->m->dir, "uk.lock");
}

/* The text of key in map, copied into ctx; NULL when it is not a scalar. */
static const char *str_at(struct uk_ctx *ctx, const struct ynode *map, const char *key)
{
	const struct ynode *v = ydoc_get(map, key);

	return v && v->kind == YNODE_SCALAR ? ctx_strdup(ctx, v->str) : NULL;
}

/* One target's entry; NULL when it does not have uk.lock's shape. */
static const char *read_entry(struct uk_ctx *ctx, const struct ypair *p, struct lock_target *t)
{
	const struct ynode *e = p->val, *mods = ydoc_get(e, "modules");
	size_t j;

	t->target = ctx_strdup(ctx, p->key->str);
	if (e->kind != YNODE_MAP || !(t->toolchain = str_at(ctx, e, "toolchain")) ||
	    !(t->app_hash = str_at(ctx, e, "app")) || !(t->image_hash = str_at(ctx, e, "image")) ||
	    !mods || mods->kind != YNODE_SEQ)
		return ctx_printf(ctx,
				  "line %d: the entry of %s must be a mapping with toolchain, app, "
				  "modules and image",
				  e->pos.line, t->target);
	for (j = 0; j < mods->n; j++) {
		struct lock_module *lm = CTX_PUSH(ctx, t->mods, t->n);
		const struct ynode *m = mods->items[j];

		if (m->kind != YNODE_MAP || !(lm->name = str_at(ctx, m, "name")) ||
		    !(lm->version = str_at(ctx, m, "version")) ||
		    !(lm->hash = str_at(ctx, m, "hash")))
			return ctx_printf(ctx,
					  "line %d: a module must have a name, version and hash",
					  m->pos.line);
	}
	return NULL;
}

/* Every target entry of uk.lock (none when there is no uk.lock), or why
 * it cannot be read. It is loaded in a context of its own, so that a
 * damaged file is the caller's to report, as an error or a warning. */
static const char *read_lock(struct build *b, struct lock_target **out, size_t *n)
{
	struct uk_ctx *ctx = b->ctx, tmp;
	const char *path = lock_path(b), *why = NULL;
	FILE *quiet = fopen("/dev/null", "w");
	struct ynode *root, *targets = NULL;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!fs_exists(path))
		return NULL;
	ctx_init(&tmp, quiet ? quiet : stderr);
	if (!(root = ydoc_load(&tmp, path))) {
		const struct diag_record *r = &diag_log(&tmp)->records[0];

		why = r->pos.line ? ctx_printf(ctx, "line %d: %s", r->pos.line, r->message)
				  : ctx_strdup(ctx, r->message);
	} else if (!(targets = ydoc_get(root, "targets")) || targets->kind != YNODE_MAP) {
		why = "it has no targets: mapping";
	}
	for (i = 0; !why && i < targets->n; i++)
		why = read_entry(ctx, &targets->pairs[i], CTX_PUSH(ctx, *out, *n));
	ctx_free(&tmp);
	if (quiet)
		fclose(quiet);
	if (why) {
		*out = NULL;
		*n = 0;
	}
	return why;
}

/* Under --locked a damaged uk.lock is an error. */
static int locked_read(struct build *b, struct lock_target **all, size_t *n)
{
	const char *why = read_lock(b, all, n);

	if (!why)
		return 0;
	diag_error(b->ctx, (struct srcpos){lock_path(b), 0, 0}, "uk.lock is damaged: %s (--locked)",
		   why);
	diag_note(b->ctx, "hint",
		  "build once without --locked to write it anew, and review the change");
	return -1;
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
	struct lock_target *all, now;
	const struct lock_target *was;
	size_t n, i;
	int count = 0;

	if (current_inputs(b, &now) != 0 || locked_read(b, &all, &n) != 0)
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

	if (locked_read(b, &all, &n) != 0)
		return -1;
	if (!(was = find_target(all, n, b->target->name))) {
		diag_error(b->ctx, srcpos_none, "uk.lock has no entry for %s (--locked)",
			   b->target->name);
		return -1;
	}
	if (strcmp(was->image_hash, now)) {
		diag_error(b->ctx, (struct srcpos){"uk.lock", 0, 0},
			   "the image differs from uk.lock for %s (--locked)", b->target->name);
		diag_note(b->ctx, "differs", "image: locked %s, built %s", was->image_hash, now);
		return -1;
	}
	return 0;
}

/* One target's entry; every value escaped for YAML (escape_yaml), also
 * those of other targets read back from the file. */
static void emit_target(struct strbuf *sb, const struct lock_target *t)
{
	struct uk_ctx *ctx = sb->ctx;
	size_t i;

	strbuf_addf(sb, "  %s:\n    toolchain: %s\n    app: %s\n    modules:\n",
		    escape_yaml(ctx, t->target), escape_yaml(ctx, t->toolchain),
		    escape_yaml(ctx, t->app_hash));
	for (i = 0; i < t->n; i++)
		strbuf_addf(sb, "      - { name: %s, version: %s, hash: %s }\n",
			    escape_yaml(ctx, t->mods[i].name), escape_yaml(ctx, t->mods[i].version),
			    escape_yaml(ctx, t->mods[i].hash));
	strbuf_addf(sb, "    image: %s\n", escape_yaml(ctx, t->image_hash));
}

int lock_write(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	struct lock_target *all, now;
	struct strbuf sb;
	size_t n, i;
	bool placed = false;
	const char *why;

	if (current_inputs(b, &now) != 0)
		return -1;
	now.image_hash = lock_hash_file(ctx, b->image);
	if ((why = read_lock(b, &all, &n)))
		diag_warning(ctx, (struct srcpos){lock_path(b), 0, 0},
			     "uk.lock is damaged (%s): it is written anew, with the entry of %s "
			     "only",
			     why, b->target->name);
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
