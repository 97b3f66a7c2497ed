/* Loading module.yaml files and target definitions. */
#include "catalog.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "suggest.h"
#include "ydoc.h"
#include "strbuf.h"

static const char *const init_keys[] = {"function", "level", NULL};

static const char *const level_names[] = {"early", "platform", "lib", "device",
					  "net",   "app",      "none"};

const char *init_level_name(enum init_level level)
{
	return level_names[level];
}

static bool is_one_of(const char *s, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return true;
	return false;
}

static bool scalar_list(struct uk_ctx *ctx, struct ynode *node, const char *what, const char ***out,
			size_t *n)
{
	struct ynode **items;
	size_t count, i;

	if (!node)
		return true;
	if (!ydoc_scalar_list(ctx, node, what, &items, &count))
		return false;
	for (i = 0; i < count; i++)
		*CTX_PUSH(ctx, *out, *n) = items[i]->str;
	return true;
}

static const char *required_scalar(struct uk_ctx *ctx, struct ynode *map, const char *key,
				   const char *what)
{
	struct ynode *v = ydoc_get(map, key);

	if (!v) {
		diag_error(ctx, map->pos, "%s has no %s", what, key);
		return NULL;
	}
	return ydoc_scalar(ctx, v, key);
}

int kconfig_symbols(struct uk_ctx *ctx, const char *path, const char ***syms, size_t *n)
{
	char *text = fs_read(ctx, path, NULL), *line, *save;

	if (!text)
		return -1;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *p = line, *start;

		while (isspace((unsigned char)*p))
			p++;
		if (!strncmp(p, "config", 6) && isspace((unsigned char)p[6]))
			p += 6;
		else if (!strncmp(p, "menuconfig", 10) && isspace((unsigned char)p[10]))
			p += 10;
		else
			continue;
		while (isspace((unsigned char)*p))
			p++;
		start = p;
		while (isalnum((unsigned char)*p) || *p == '_')
			p++;
		if (p > start)
			*CTX_PUSH(ctx, *syms, *n) = ctx_strndup(ctx, start, (size_t)(p - start));
	}
	return 0;
}

/* What loading a module needs beyond its folder. */
struct loader {
	struct uk_ctx *ctx;
	struct catalog *cat;
	const char *cwd;	/* module.yaml paths are shown relative to it */
	const char **platforms; /* what platforms: may name: any, platforms, targets */
	size_t nplatforms;
};

typedef bool module_key_fn(struct loader *l, struct module *m, struct ynode *v);

static bool key_name(struct loader *l, struct module *m, struct ynode *v)
{
	const char *folder = fs_basename(m->dir);

	if (!(m->name = ydoc_scalar(l->ctx, v, "name")))
		return false;
	if (strcmp(m->name, folder)) {
		diag_error(l->ctx, v->pos, "module name '%s' does not match its folder '%s'",
			   m->name, folder);
		diag_note(l->ctx, "hint",
			  "a module's name is its folder's name: write 'name: %s', or rename "
			  "the folder to %s",
			  folder, m->name);
		return false;
	}
	return true;
}

static bool key_version(struct loader *l, struct module *m, struct ynode *v)
{
	if (!(m->version_text = ydoc_scalar(l->ctx, v, "version")))
		return false;
	if (!version_parse(v->str, &m->version)) {
		diag_error(l->ctx, v->pos, "version '%s' must be a number such as 1.0.2", v->str);
		return false;
	}
	return true;
}

/* One line of text: uk deps, uk modules and the generated Kconfig show it. */
static bool key_summary(struct loader *l, struct module *m, struct ynode *v)
{
	const char *p;

	if (!(m->summary = ydoc_scalar(l->ctx, v, "summary")))
		return false;
	for (p = m->summary; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			diag_error(l->ctx, v->pos, "summary holds a control character (0x%02x)",
				   (unsigned char)*p);
			diag_note(l->ctx, "hint", "a summary is one line of text");
			return false;
		}
	}
	return true;
}

static bool key_provides(struct loader *l, struct module *m, struct ynode *v)
{
	return scalar_list(l->ctx, v, "provides", &m->provides, &m->nprovides);
}

static bool key_requires(struct loader *l, struct module *m, struct ynode *v)
{
	return ydoc_requirements(l->ctx, v, &m->requires, &m->nrequires);
}

/* Each entry names a platform or a target that exists; every bad one is
 * reported. */
static bool key_platforms(struct loader *l, struct module *m, struct ynode *v)
{
	struct ynode **items;
	size_t n, i;
	bool ok = true;

	if (!ydoc_scalar_list(l->ctx, v, "platforms", &items, &n))
		return false;
	for (i = 0; i < n; i++) {
		const char *p = items[i]->str, *near;

		*CTX_PUSH(l->ctx, m->platforms, m->nplatforms) = p;
		if (is_one_of(p, l->platforms, l->nplatforms))
			continue;
		ok = false;
		diag_error(l->ctx, items[i]->pos, "unknown platform '%s'", p);
		if ((near = suggest_closest(p, l->platforms, l->nplatforms)))
			diag_note(l->ctx, "hint", "did you mean '%s'?", near);
		else
			diag_note(l->ctx, "hint", "the platforms are: %s",
				  strbuf_join(l->ctx, l->platforms, l->nplatforms, ", "));
	}
	return ok;
}

static bool key_default(struct loader *l, struct module *m, struct ynode *v)
{
	return ydoc_bool(l->ctx, v, "default", &m->is_default);
}

static bool key_sources(struct loader *l, struct module *m, struct ynode *v)
{
	return scalar_list(l->ctx, v, "sources", &m->sources, &m->nsources);
}

static bool key_include(struct loader *l, struct module *m, struct ynode *v)
{
	return scalar_list(l->ctx, v, "include", &m->include, &m->ninclude);
}

static bool key_cflags(struct loader *l, struct module *m, struct ynode *v)
{
	return scalar_list(l->ctx, v, "cflags", &m->cflags, &m->ncflags);
}

static bool key_init(struct loader *l, struct module *m, struct ynode *v)
{
	struct ynode *lv;
	size_t i;

	if (!ydoc_expect(l->ctx, v, YNODE_MAP, "init") ||
	    !ydoc_check_keys(l->ctx, v, init_keys, "init") ||
	    !(m->init_fn = required_scalar(l->ctx, v, "function", "init")))
		return false;
	m->init_level = INIT_LIB;
	if (!(lv = ydoc_get(v, "level")))
		return true;
	if (!ydoc_expect(l->ctx, lv, YNODE_SCALAR, "level"))
		return false;
	for (i = 0; i < INIT_NONE; i++) {
		if (!strcmp(lv->str, level_names[i])) {
			m->init_level = (enum init_level)i;
			return true;
		}
	}
	diag_error(l->ctx, lv->pos, "unknown init level '%s'", lv->str);
	diag_note(l->ctx, "hint", "the levels are early, platform, lib, device, net, app");
	return false;
}

static bool key_fini(struct loader *l, struct module *m, struct ynode *v)
{
	return (m->fini_fn = ydoc_scalar(l->ctx, v, "fini")) != NULL;
}

static bool key_host_headers(struct loader *l, struct module *m, struct ynode *v)
{
	return scalar_list(l->ctx, v, "host_headers", &m->host_headers, &m->nhost_headers);
}

static bool key_archives(struct loader *l, struct module *m, struct ynode *v)
{
	static const char *const keys[] = {"package", "file", NULL};
	size_t i;
	bool ok = true;

	if (!ydoc_expect(l->ctx, v, YNODE_SEQ, "archives"))
		return false;
	for (i = 0; i < v->n; i++) {
		struct ynode *e = v->items[i];
		struct module_archive a;

		if (!ydoc_expect(l->ctx, e, YNODE_MAP, "an archive") ||
		    !ydoc_check_keys(l->ctx, e, keys, "an archive") ||
		    !(a.package = required_scalar(l->ctx, e, "package", "the archive")) ||
		    !(a.file = required_scalar(l->ctx, e, "file", "the archive"))) {
			ok = false;
			continue;
		}
		*CTX_PUSH(l->ctx, m->archives, m->narchives) = a;
	}
	return ok;
}

/* The keys of module.yaml in the order docs/modules.md lists them. */
static const struct module_key {
	const char *key;
	module_key_fn *parse;
} module_keys[] = {
    {"name", key_name},
    {"version", key_version},
    {"summary", key_summary},
    {"provides", key_provides},
    {"requires", key_requires},
    {"platforms", key_platforms},
    {"default", key_default},
    {"sources", key_sources},
    {"include", key_include},
    {"cflags", key_cflags},
    {"init", key_init},
    {"fini", key_fini},
    {"host_headers", key_host_headers},
    {"archives", key_archives},
};

#define NMODULE_KEYS (sizeof(module_keys) / sizeof(module_keys[0]))

/* Every key of root is checked; each known one is read in the order
 * written, and every error is reported before returning false. */
static bool module_read_keys(struct loader *l, struct module *m, struct ynode *root)
{
	const char *names[NMODULE_KEYS + 1] = {NULL};
	bool ok;
	size_t i, j;

	for (i = 0; i < NMODULE_KEYS; i++)
		names[i] = module_keys[i].key;
	ok = ydoc_check_keys(l->ctx, root, names, "a module");
	for (i = 0; i < root->n; i++)
		for (j = 0; j < NMODULE_KEYS; j++)
			if (!strcmp(root->pairs[i].key->str, module_keys[j].key) &&
			    !module_keys[j].parse(l, m, root->pairs[i].val))
				ok = false;
	return ok;
}

/* name and version must be there; the rest have defaults. */
static bool module_complete(struct uk_ctx *ctx, struct module *m, struct ynode *root)
{
	bool ok = true;

	if (!ydoc_get(root, "name")) {
		diag_error(ctx, root->pos, "the module has no name");
		diag_note(ctx, "hint", "add the line: name: %s", fs_basename(m->dir));
		ok = false;
	}
	if (!ydoc_get(root, "version")) {
		diag_error(ctx, root->pos, "the module has no version");
		diag_note(ctx, "hint", "add a line such as: version: 0.1.0");
		ok = false;
	}
	if (!ok)
		return false;
	if (!ydoc_get(root, "include") && fs_is_dir(fs_join(ctx, m->dir, "include")))
		*CTX_PUSH(ctx, m->include, m->ninclude) = "include";
	if (!m->nplatforms)
		*CTX_PUSH(ctx, m->platforms, m->nplatforms) = "any";
	return true;
}

static bool module_kconfig(struct uk_ctx *ctx, struct module *m)
{
	char *kconfig = fs_join(ctx, m->dir, "Kconfig");

	if (!fs_exists(kconfig))
		return true;
	m->kconfig = kconfig;
	if (kconfig_symbols(ctx, kconfig, &m->symbols, &m->nsymbols) == 0)
		return true;
	diag_error(ctx, srcpos_none, "cannot read %s", kconfig);
	return false;
}

static struct module *module_load(struct loader *l, const char *dir, const char *rel_dir)
{
	struct uk_ctx *ctx = l->ctx;
	struct module *m = ctx_alloc(ctx, sizeof(*m));
	struct ynode *root;
	bool ok;

	m->dir = dir;
	m->rel_dir = rel_dir;
	m->yaml_path = fs_join(ctx, dir, "module.yaml");
	if (l->cwd)
		m->yaml_path = fs_relative(m->yaml_path, l->cwd);
	m->summary = "";
	m->init_level = INIT_NONE;
	if (!(root = ydoc_load(ctx, m->yaml_path)) ||
	    !ydoc_expect(ctx, root, YNODE_MAP, "module.yaml"))
		return NULL;
	ok = module_read_keys(l, m, root);
	ok = module_complete(ctx, m, root) && ok;
	return ok && module_kconfig(ctx, m) ? m : NULL;
}

static int cmp_module(const void *a, const void *b)
{
	return strcmp((*(struct module *const *)a)->name, (*(struct module *const *)b)->name);
}

/* Adds every dir/<sub>/module.yaml, and one level deeper when deep. */
static bool scan(struct loader *l, const char *home, const char *dir, bool deep, bool from_app)
{
	char **names;
	size_t n, i;
	bool ok = true;

	if (fs_list_dir(l->ctx, dir, &names, &n) != 0)
		return true;
	for (i = 0; i < n; i++) {
		char *sub = fs_join(l->ctx, dir, names[i]);

		if (!fs_is_dir(sub))
			continue;
		if (fs_exists(fs_join(l->ctx, sub, "module.yaml"))) {
			struct module *m = module_load(l, sub, fs_relative(sub, home));

			if (!m) {
				ok = false;
				continue;
			}
			m->from_app = from_app;
			*CTX_PUSH(l->ctx, l->cat->mods, l->cat->n) = m;
		}
		if (deep && !scan(l, home, sub, false, from_app))
			ok = false;
	}
	return ok;
}

static void add_platform(struct loader *l, const char *name)
{
	if (!is_one_of(name, l->platforms, l->nplatforms))
		*CTX_PUSH(l->ctx, l->platforms, l->nplatforms) = name;
}

/* What a module's platforms: may name: any, each target's platform, each
 * target. */
static bool loader_init(struct loader *l, struct uk_ctx *ctx, const char *home)
{
	struct target **targets;
	size_t n, i;

	memset(l, 0, sizeof(*l));
	l->ctx = ctx;
	l->cat = ctx_alloc(ctx, sizeof(*l->cat));
	l->cwd = fs_realpath(ctx, ".");
	if (target_load_all(ctx, home, &targets, &n) != 0)
		return false;
	add_platform(l, "any");
	for (i = 0; i < n; i++)
		add_platform(l, targets[i]->platform);
	for (i = 0; i < n; i++)
		add_platform(l, targets[i]->name);
	return true;
}

struct catalog *catalog_load(struct uk_ctx *ctx, const char *home, const char *app_dir)
{
	struct loader l;
	struct catalog *cat;
	bool ok;
	size_t i;

	if (!loader_init(&l, ctx, home))
		return NULL;
	ok = scan(&l, home, fs_join(ctx, home, "libs"), false, false);
	ok = scan(&l, home, fs_join(ctx, home, "platform"), true, false) && ok;
	if (app_dir)
		ok = scan(&l, app_dir, fs_join(ctx, app_dir, "modules"), false, true) && ok;
	if (!ok)
		return NULL;
	cat = l.cat;
	if (cat->n)
		qsort(cat->mods, cat->n, sizeof(*cat->mods), cmp_module);
	for (i = 1; i < cat->n; i++) {
		if (!strcmp(cat->mods[i - 1]->name, cat->mods[i]->name)) {
			diag_error(ctx, (struct srcpos){cat->mods[i]->yaml_path, 0, 0},
				   "module '%s' is defined twice", cat->mods[i]->name);
			diag_note(ctx, "note", "also defined in %s", cat->mods[i - 1]->yaml_path);
			ok = false;
		}
	}
	return ok ? cat : NULL;
}

const struct module *catalog_find(const struct catalog *cat, const char *name)
{
	size_t i;

	for (i = 0; i < cat->n; i++)
		if (!strcmp(cat->mods[i]->name, name))
			return cat->mods[i];
	return NULL;
}

bool module_supports(const struct module *m, const struct target *t)
{
	size_t i;

	for (i = 0; i < m->nplatforms; i++) {
		const char *p = m->platforms[i];

		if (!strcmp(p, "any") || !strcmp(p, t->platform) || !strcmp(p, t->name))
			return true;
	}
	return false;
}

bool module_provides(const struct module *m, const char *capability)
{
	size_t i;

	for (i = 0; i < m->nprovides; i++)
		if (!strcmp(m->provides[i], capability))
			return true;
	return false;
}

static const char *const target_keys[] = {
    "name",	"summary", "platform", "arch",	      "triple",	   "cflags", "ldflags",
    "requires", "linker",  "image",    "debian_arch", "multiarch", NULL};

static struct target *target_load(struct uk_ctx *ctx, const char *path)
{
	struct target *t = ctx_alloc(ctx, sizeof(*t));
	struct ynode *root = ydoc_load(ctx, path), *v;

	if (!root || !ydoc_expect(ctx, root, YNODE_MAP, "a target") ||
	    !ydoc_check_keys(ctx, root, target_keys, "a target"))
		return NULL;
	t->path = path;
	if (!(t->name = required_scalar(ctx, root, "name", "the target")) ||
	    !(t->platform = required_scalar(ctx, root, "platform", "the target")) ||
	    !(t->arch = required_scalar(ctx, root, "arch", "the target")) ||
	    !(t->triple = required_scalar(ctx, root, "triple", "the target")) ||
	    !(t->linker = required_scalar(ctx, root, "linker", "the target")) ||
	    !(t->image = required_scalar(ctx, root, "image", "the target")))
		return NULL;
	t->summary = "";
	if ((v = ydoc_get(root, "summary")) && ydoc_expect(ctx, v, YNODE_SCALAR, "summary"))
		t->summary = v->str;
	if ((v = ydoc_get(root, "debian_arch")) && ydoc_expect(ctx, v, YNODE_SCALAR, "debian_arch"))
		t->debian_arch = v->str;
	if ((v = ydoc_get(root, "multiarch")) && ydoc_expect(ctx, v, YNODE_SCALAR, "multiarch"))
		t->multiarch = v->str;
	if (!scalar_list(ctx, ydoc_get(root, "cflags"), "cflags", &t->cflags, &t->ncflags) ||
	    !scalar_list(ctx, ydoc_get(root, "ldflags"), "ldflags", &t->ldflags, &t->nldflags) ||
	    ((v = ydoc_get(root, "requires")) &&
	     !ydoc_requirements(ctx, v, &t->requires, &t->nrequires)))
		return NULL;
	return t;
}

static int cmp_target(const void *a, const void *b)
{
	return strcmp((*(struct target *const *)a)->name, (*(struct target *const *)b)->name);
}

int target_load_all(struct uk_ctx *ctx, const char *home, struct target ***out, size_t *n)
{
	char *dir = fs_join(ctx, home, "targets");
	char **paths;
	size_t count, i;

	*out = NULL;
	*n = 0;
	if (fs_glob(ctx, fs_join(ctx, dir, "*.yaml"), &paths, &count) != 0)
		return -1;
	for (i = 0; i < count; i++) {
		struct target *t = target_load(ctx, paths[i]);

		if (!t)
			return -1;
		*CTX_PUSH(ctx, *out, *n) = t;
	}
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_target);
	return 0;
}

const struct target *target_find(struct uk_ctx *ctx, struct target **all, size_t n,
				 const char *name, struct srcpos pos)
{
	const char **names = ctx_alloc(ctx, (n + 1) * sizeof(char *));
	const char *near;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!strcmp(all[i]->name, name))
			return all[i];
		names[i] = all[i]->name;
	}
	diag_error(ctx, pos, "unknown target '%s'", name);
	near = suggest_closest(name, names, n);
	if (near)
		diag_note(ctx, "hint", "did you mean '%s'?", near);
	else
		diag_note(ctx, "hint", "the targets are: %s (uk targets)",
			  strbuf_join(ctx, names, n, ", "));
	return NULL;
}
