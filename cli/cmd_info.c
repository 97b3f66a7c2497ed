/* uk deps, uk targets, uk modules: what the catalog holds and what an app
 * gets from it. */
#include <string.h>

#include "build.h"
#include "commands.h"
#include "fsutil.h"
#include "report.h"
#include "strbuf.h"

static const char *init_text(struct uk_ctx *ctx, const struct module *mod)
{
	if (!mod->init_fn)
		return "-";
	return ctx_printf(ctx, "%s@%s", mod->init_fn, init_level_name(mod->init_level));
}

/* The module --why names, or -1 after an error. */
static long why_module(struct uk_ctx *ctx, const struct build *b, const char *name)
{
	long i = resolution_find(b->res, name);

	if (i < 0) {
		diag_error(ctx, srcpos_none,
			   "'%s' is neither a module nor a capability of %s for %s", name,
			   b->m->name, b->target->name);
		diag_note(ctx, "hint", "'uk deps' lists what the app uses");
	}
	return i;
}

/* The modules that require module i, but the one whose requirement pulled
 * it in. */
static size_t also_required_by(struct uk_ctx *ctx, const struct resolution *res, size_t i,
			       const char ***names)
{
	const struct resolved *r = &res->mods[i];
	size_t k, j, n = 0;

	*names = NULL;
	for (k = 0; k < res->n; k++)
		for (j = 0; j < res->mods[k].ndeps; j++)
			if (res->mods[k].deps[j] == i &&
			    !(r->why.origin == FROM_MODULE && r->why.from == k))
				*CTX_PUSH(ctx, *names, n) = res->mods[k].mod->name;
	return n;
}

static void print_why(struct uk_ctx *ctx, const struct resolution *res, size_t i)
{
	const struct resolved *r = &res->mods[i];
	struct chain_step *steps;
	size_t n = resolve_chain(ctx, res, &r->why, &steps), k;
	const char **also;

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
	n = also_required_by(ctx, res, i, &also);
	for (k = 0; k < n; k++)
		printf("  also required by %s\n", also[k]);
}

/* --why as JSON: the module, the chain from the root, the other modules
 * that require it. */
static void why_json(struct report *r, const struct resolution *res, size_t i)
{
	struct json *j = &r->j;
	struct chain_step *steps;
	size_t n = resolve_chain(r->ctx, res, &res->mods[i].why, &steps), k;
	const char **also;

	json_key(j, "why");
	json_object_begin(j);
	json_field_string(j, "module", res->mods[i].mod->name);
	json_key(j, "chain");
	json_array_begin(j);
	for (k = 0; k < n; k++) {
		json_object_begin(j);
		json_field_string(j, "who", steps[k].who);
		json_field_string(j, "requires", steps[k].what);
		report_position(r, steps[k].pos);
		json_object_end(j);
	}
	json_array_end(j);
	n = also_required_by(r->ctx, res, i, &also);
	json_key(j, "also_required_by");
	json_array_begin(j);
	for (k = 0; k < n; k++)
		json_string(j, also[k]);
	json_array_end(j);
	json_object_end(j);
}

/* uk deps --json: the report, with "why" when --why names a module. */
static int deps_json(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o)
{
	struct report r;
	struct build b;
	int rc = UK_EXIT_OK;
	long i = -1;

	report_begin(&r, ctx, "deps");
	if (build_prepare(ctx, cmd_manifest_path(ctx, a), o->target, &b) != 0)
		rc = UK_EXIT_INPUT;
	else if (o->why && (i = why_module(ctx, &b, o->why)) < 0)
		rc = UK_EXIT_INPUT;
	report_build(&r, &b, false);
	if (i >= 0)
		why_json(&r, b.res, (size_t)i);
	return report_end(&r, rc);
}

int cmd_deps(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "why", "json", NULL};
	struct cmd_opts o;
	struct build b;
	size_t i;

	if (cmd_parse(ctx, a, "deps", allowed, &o) != 0)
		return report_usage(ctx, a, "deps");
	if (o.json)
		return deps_json(ctx, a, &o);
	if (build_prepare(ctx, cmd_manifest_path(ctx, a), o.target, &b) != 0)
		return UK_EXIT_INPUT;
	if (o.why) {
		long i = why_module(ctx, &b, o.why);

		if (i < 0)
			return UK_EXIT_INPUT;
		print_why(ctx, b.res, (size_t)i);
		return UK_EXIT_OK;
	}
	printf("%s for %s: %zu modules, in init order\n", b.m->name, b.target->name, b.res->n);
	printf("%3s  %-14s %-8s %-12s %-24s %s\n", "#", "module", "version", "serves", "init",
	       "chosen as");
	for (i = 0; i < b.res->n; i++) {
		const struct resolved *r = &b.res->mods[i];

		printf("%3zu  %-14s %-8s %-12s %-24s %s\n", i + 1, r->mod->name,
		       r->mod->version_text, r->capability, init_text(ctx, r->mod), r->reason);
	}
	return UK_EXIT_OK;
}

static const char *joined(struct uk_ctx *ctx, const char *const *v, size_t n)
{
	return n ? strbuf_join(ctx, v, n, ",") : "-";
}

int cmd_targets(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {NULL};
	struct cmd_opts o;
	struct target **t;
	size_t n, i;

	if (cmd_parse(ctx, a, "targets", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	if (target_load_all(ctx, ctx->home, &t, &n) != 0)
		return UK_EXIT_INPUT;
	for (i = 0; i < n; i++)
		printf("%-16s %-28s %s\n", t[i]->name, t[i]->triple, t[i]->summary);
	return UK_EXIT_OK;
}

int cmd_modules(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {NULL};
	struct cmd_opts o;
	struct catalog *cat;
	size_t i;

	if (cmd_parse(ctx, a, "modules", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	/* The app's own modules/ count when run inside an app. */
	if (!(cat = catalog_load(ctx, ctx->home,
				 fs_exists(cmd_manifest_path(ctx, a)) ? a->app_dir : NULL)))
		return UK_EXIT_INPUT;
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
	return UK_EXIT_OK;
}
