/* Loading module.yaml files and target definitions. */
#include "catalog.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "suggest.h"
#include "ydoc.h"

static const char *const module_keys[] = {
    "name",    "version", "summary", "provides", "requires",	 "platforms", "default", "sources",
    "include", "cflags",  "init",    "fini",	 "host_headers", "archives",  NULL};

static const char *const init_keys[] = {"function", "level", NULL};

static const char *const level_names[] = {"early", "platform", "lib", "device",
					  "net",   "app",      "none"};

const char *init_level_name(enum init_level level)
{
	return level_names[level];
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

static bool requirement_list(struct uk_ctx *ctx, struct ynode *node, struct yrequirement **out,
			     size_t *n)
{
	return !node || ydoc_requirements(ctx, node, out, n);
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

static bool parse_archives(struct uk_ctx *ctx, struct module *m, struct ynode *node)
{
	static const char *const keys[] = {"package", "file", NULL};
	size_t i;

	if (!node)
		return true;
	if (!ydoc_expect(ctx, node, YNODE_SEQ, "archives"))
		return false;
	for (i = 0; i < node->n; i++) {
		struct ynode *e = node->items[i];
		struct module_archive *a;

		if (!ydoc_expect(ctx, e, YNODE_MAP, "an archive") ||
		    !ydoc_check_keys(ctx, e, keys, "an archive"))
			return false;
		a = CTX_PUSH(ctx, m->archives, m->narchives);
		if (!(a->package = required_scalar(ctx, e, "package", "the archive")) ||
		    !(a->file = required_scalar(ctx, e, "file", "the archive")))
			return false;
	}
	return true;
}

static bool parse_init(struct uk_ctx *ctx, struct module *m, struct ynode *node)
{
	struct ynode *lv;
	size_t i;

	m->init_level = INIT_NONE;
	if (!node)
		return true;
	if (!ydoc_expect(ctx, node, YNODE_MAP, "init") ||
	    !ydoc_check_keys(ctx, node, init_keys, "init"))
		return false;
	if (!(m->init_fn = required_scalar(ctx, node, "function", "init")))
		return false;
	m->init_level = INIT_LIB;
	if (!(lv = ydoc_get(node, "level")))
		return true;
	if (!ydoc_expect(ctx, lv, YNODE_SCALAR, "level"))
		return false;
	for (i = 0; i < INIT_NONE; i++) {
		if (!strcmp(lv->str, level_names[i])) {
			m->init_level = (enum init_level)i;
			return true;
		}
	}
	diag_error(ctx, lv->pos, "unknown init level '%s'", lv->str);
	diag_note(ctx, "hint", "the levels are early, platform, lib, device, net, app");
	return false;
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

static struct module *module_load(struct uk_ctx *ctx, const char *dir, const char *rel_dir)
{
	struct module *m = ctx_alloc(ctx, sizeof(*m));
	char *path = fs_join(ctx, dir, "module.yaml");
	struct ynode *root = ydoc_load(ctx, path), *v;
	char *kconfig;

	if (!root || !ydoc_expect(ctx, root, YNODE_MAP, "module.yaml") ||
	    !ydoc_check_keys(ctx, root, module_keys, "a module"))
		return NULL;
	m->dir = dir;
	m->rel_dir = rel_dir;
	m->yaml_path = path;
	if (!(m->name = required_scalar(ctx, root, "name", "the module")) ||
	    !(m->version_text = required_scalar(ctx, root, "version", "the module")))
		return NULL;
	if (!version_parse(m->version_text, &m->version)) {
		diag_error(ctx, ydoc_get(root, "version")->pos,
			   "version '%s' must be a number such as 1.0.2", m->version_text);
		return NULL;
	}
	m->summary = "";
	if ((v = ydoc_get(root, "summary")) && ydoc_expect(ctx, v, YNODE_SCALAR, "summary"))
		m->summary = v->str;
	if (!scalar_list(ctx, ydoc_get(root, "provides"), "provides", &m->provides,
			 &m->nprovides) ||
	    !requirement_list(ctx, ydoc_get(root, "requires"), &m->requires, &m->nrequires) ||
	    !scalar_list(ctx, ydoc_get(root, "platforms"), "platforms", &m->platforms,
			 &m->nplatforms) ||
	    !scalar_list(ctx, ydoc_get(root, "sources"), "sources", &m->sources, &m->nsources) ||
	    !scalar_list(ctx, ydoc_get(root, "cflags"), "cflags", &m->cflags, &m->ncflags) ||
	    !scalar_list(ctx, ydoc_get(root, "host_headers"), "host_headers", &m->host_headers,
			 &m->nhost_headers) ||
	    !parse_archives(ctx, m, ydoc_get(root, "archives")) ||
	    !parse_init(ctx, m, ydoc_get(root, "init")))
		return NULL;
	if ((v = ydoc_get(root, "include")))
		if (!scalar_list(ctx, v, "include", &m->include, &m->ninclude))
			return NULL;
	if (!v && fs_is_dir(fs_join(ctx, dir, "include")))
		*CTX_PUSH(ctx, m->include, m->ninclude) = "include";
	if ((v = ydoc_get(root, "fini"))) {
		if (!ydoc_expect(ctx, v, YNODE_SCALAR, "fini"))
			return NULL;
		m->fini_fn = v->str;
	}
	if ((v = ydoc_get(root, "default")) && !ydoc_bool(ctx, v, "default", &m->is_default))
		return NULL;
	if (!m->nplatforms)
		*CTX_PUSH(ctx, m->platforms, m->nplatforms) = "any";
	kconfig = fs_join(ctx, dir, "Kconfig");
	if (fs_exists(kconfig)) {
		m->kconfig = kconfig;
		if (kconfig_symbols(ctx, kconfig, &m->symbols, &m->nsymbols) != 0) {
			diag_error(ctx, srcpos_none, "cannot read %s", kconfig);
			return NULL;
		}
	}
	return m;
}

static int cmp_module(const void *a, const void *b)
{
	return strcmp((*(struct module *const *)a)->name, (*(struct module *const *)b)->name);
}

/* Adds every dir/<sub>/module.yaml, and one level deeper when deep. */
static bool scan(struct uk_ctx *ctx, struct catalog *cat, const char *home, const char *dir,
		 bool deep, bool from_app)
{
	char **names;
	size_t n, i;
	bool ok = true;

	if (fs_list_dir(ctx, dir, &names, &n) != 0)
		return true;
	for (i = 0; i < n; i++) {
		char *sub = fs_join(ctx, dir, names[i]);

		if (!fs_is_dir(sub))
			continue;
		if (fs_exists(fs_join(ctx, sub, "module.yaml"))) {
			struct module *m = module_load(ctx, sub, fs_relative(sub, home));

			if (!m) {
				ok = false;
				continue;
			}
			m->from_app = from_app;
			*CTX_PUSH(ctx, cat->mods, cat->n) = m;
		}
		if (deep && !scan(ctx, cat, home, sub, false, from_app))
			ok = false;
	}
	return ok;
}

struct catalog *catalog_load(struct uk_ctx *ctx, const char *home, const char *app_dir)
{
	struct catalog *cat = ctx_alloc(ctx, sizeof(*cat));
	bool ok;
	size_t i;

	ok = scan(ctx, cat, home, fs_join(ctx, home, "libs"), false, false);
	ok = scan(ctx, cat, home, fs_join(ctx, home, "platform"), true, false) && ok;
	if (app_dir)
		ok = scan(ctx, cat, app_dir, fs_join(ctx, app_dir, "modules"), false, true) && ok;
	if (!ok)
		return NULL;
	if (cat->n)
		qsort(cat->mods, cat->n, sizeof(*cat->mods), cmp_module);
	for (i = 1; i < cat->n; i++) {
		if (!strcmp(cat->mods[i - 1]->name, cat->mods[i]->name)) {
			diag_error(ctx, (struct srcpos){cat->mods[i]->yaml_path, 0, 0},
				   "module '%s' is defined twice", cat->mods[i]->name);
			diag_note(ctx, "note", "also defined in %s", cat->mods[i - 1]->yaml_path);
			return NULL;
		}
	}
	return cat;
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
	    !requirement_list(ctx, ydoc_get(root, "requires"), &t->requires, &t->nrequires))
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
	else {
		char *list = "";

		for (i = 0; i < n; i++)
			list = ctx_printf(ctx, "%s%s%s", list, i ? ", " : "", names[i]);
		diag_note(ctx, "hint", "the targets are: %s (uk targets)", list);
	}
	return NULL;
}
