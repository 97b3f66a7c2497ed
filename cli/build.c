/* Setting up one build: manifest, catalog, target, resolution, paths. */
#include "build.h"

#include <string.h>

#include "fsutil.h"
#include "proc.h"

const char *build_target_dirname(struct uk_ctx *ctx, const struct target *t)
{
	char *s = ctx_strdup(ctx, t->name), *p;

	for (p = s; *p; p++)
		if (*p == '/')
			*p = '-';
	return s;
}

int build_prepare(struct uk_ctx *ctx, const char *path, const char *target_name, struct build *b)
{
	struct target **targets;
	size_t ntargets;
	struct srcpos tpos;

	memset(b, 0, sizeof(*b));
	b->ctx = ctx;
	if (!fs_exists(path)) {
		diag_error(ctx, srcpos_none, "no %s", path);
		diag_note(ctx, "hint",
			  "create an app with 'uk init <dir> --template hello', or "
			  "run uk in an app directory (or with -C <dir>)");
		return -1;
	}
	if (!(b->m = manifest_load(ctx, path)))
		return -1;
	if (target_load_all(ctx, ctx->home, &targets, &ntargets) != 0)
		return -1;
	tpos = target_name ? srcpos_none : b->m->target_pos;
	if (!(b->target = target_find(ctx, targets, ntargets,
				      target_name ? target_name : b->m->target, tpos)))
		return -1;
	if (!(b->cat = catalog_load(ctx, ctx->home, b->m->dir)))
		return -1;
	if (!(b->res = resolve(ctx, b->cat, b->target, b->m)))
		return -1;
	b->dir = fs_join(ctx, b->m->dir,
			 ctx_printf(ctx, "build/%s", build_target_dirname(ctx, b->target)));
	b->image = fs_join(ctx, b->dir, b->m->name);
	return 0;
}

int build_generate(struct build *b)
{
	if (fs_mkdir_p(b->ctx, b->dir) != 0 || configure_run(b) != 0 || generate_glue(b) != 0 ||
	    generate_linker_script(b) != 0 || generate_ninja(b) != 0)
		return -1;
	if (!strcmp(b->target->platform, "xen") && generate_xl(b) != 0)
		return -1;
	return 0;
}

int build_ninja(struct build *b, const char *target)
{
	const char *argv[6] = {"ninja", "-C", b->dir};
	int n = 3, rc;

	if (b->ctx->verbose)
		argv[n++] = "-v";
	if (target)
		argv[n++] = target;
	argv[n] = NULL;
	rc = proc_run(b->ctx, argv, NULL, NULL);
	if (rc != 0)
		diag_error(b->ctx, srcpos_none, "the build failed (ninja status %d)", rc);
	return rc == 0 ? 0 : -1;
}
