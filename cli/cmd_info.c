/* uk deps, uk targets, uk modules: what the catalog holds and what an app
 * gets from it. */
#include <string.h>

#include "build.h"
#include "commands.h"
#include "fsutil.h"

static const char *init_text(struct uk_ctx *ctx, const struct module *mod)
{
	if (!mod->init_fn)
		return "-";
	return ctx_printf(ctx, "%s@%s", mod->init_fn, init_level_name(mod->init_level));
}

static void print_why(struct uk_ctx *ctx, const struct resolution *res, size_t i)
{
	const struct resolved *r = &res->mods[i];
	struct chain_step *steps;
	size_t n = resolve_chain(ctx, res, &r->why, &steps), k;

	printf("%s %s serves '%s' (%s), because:\n", r->mod->name, r->mod->version_text,
	       r->capability, r->reason);
	for (k = 0; k < n; k++) {
		const char *where = steps[k].pos.file
					? ctx_printf(ctx, "  (%s:%d:%d)", steps[k].pos.file,
						     steps[k].pos.line, steps[k].pos.col)
					: "";
		printf("  %*s%s requires %s%s\n", (int)(2 * k), "", steps[k].who, steps[k].what,
		       where);
	}
	for (k = 0; k < res->n; k++) {
		size_t j;

		for (j = 0; j < res->mods[k].ndeps; j++)
			if (res->mods[k].deps[j] == i &&
			    !(r->why.origin == FROM_MODULE && r->why.from == k))
				printf("  also required by %s\n", res->mods[k].mod->name);
	}
}

int cmd_deps(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "why", NULL};
	struct cmd_opts o;
	struct build b;
	size_t i;

	if (cmd_parse(ctx, a, "deps", allowed, &o) != 0)
		return 2;
	if (build_prepare(ctx, cmd_manifest_path(ctx, a), o.target, &b) != 0)
		return 1;
	if (o.why) {
		long i = resolution_find(b.res, o.why);

		if (i < 0) {
			diag_error(ctx, srcpos_none,
				   "'%s' is neither a module nor a capability of %s "
				   "for %s",
				   o.why, b.m->name, b.target->name);
			diag_note(ctx, "hint", "'uk deps' lists what the app uses");
			return 1;
		}
		print_why(ctx, b.res, (size_t)i);
		return 0;
	}
	printf("%s for %s: %zu modules, in init order\n", b.m->name, b.target->name, b.res->n);
	printf("%3s  %-14s %-8s %-12s %-24s %s\n", "#", "module", "version", "serves", "init",
	       "chosen as");
	for (i = 0; i < b.res->n; i++) {
		const struct resolved *r = &b.res->mods[i];

		printf("%3zu  %-14s %-8s %-12s %-24s %s\n", i + 1, r->mod->name,
		       r->mod->version_text, r->capability, init_text(ctx, r->mod), r->reason);
	}
	return 0;
}

static const char *joined(struct uk_ctx *ctx, const char *const *v, size_t n)
{
	char *s = "";
	size_t i;

	for (i = 0; i < n; i++)
		s = ctx_printf(ctx, "%s%s%s", s, i ? "," : "", v[i]);
	return n ? s : "-";
}

int cmd_targets(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {NULL};
	struct cmd_opts o;
	struct target **t;
	size_t n, i;

	if (cmd_parse(ctx, a, "targets", allowed, &o) != 0)
		return 2;
	if (target_load_all(ctx, ctx->home, &t, &n) != 0)
		return 1;
	for (i = 0; i < n; i++)
		printf("%-16s %-28s %s\n", t[i]->name, t[i]->triple, t[i]->summary);
	return 0;
}

int cmd_modules(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {NULL};
	struct cmd_opts o;
	struct catalog *cat;
	size_t i;

	if (cmd_parse(ctx, a, "modules", allowed, &o) != 0)
		return 2;
	/* The app's own modules/ count when run inside an app. */
	if (!(cat = catalog_load(ctx, ctx->home,
				 fs_exists(cmd_manifest_path(ctx, a)) ? a->app_dir : NULL)))
		return 1;
	printf("%-14s %-8s %-20s %-18s %s\n", "module", "version", "provides", "platforms",
	       "summary");
	for (i = 0; i < cat->n; i++) {
		const struct module *m = cat->mods[i];
		const char *provides = joined(ctx, m->provides, m->nprovides);

		if (m->is_default)
			provides = ctx_printf(ctx, "%s*", provides);
		printf("%-14s %-8s %-20s %-18s %s\n", m->name, m->version_text, provides,
		       joined(ctx, m->platforms, m->nplatforms), m->summary);
	}
	printf("(* default provider)\n");
	return 0;
}
