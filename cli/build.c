/* One build: setting it up (manifest, catalog, target, resolution, paths),
 * its sources on disk, and writing its files. */
#include "build.h"

#include <string.h>

#include "fsutil.h"
#include "proc.h"
#include "template.h"

const char *build_target_dirname(struct uk_ctx *ctx, const struct target *t)
{
	char *s = ctx_strdup(ctx, t->name), *p;

	for (p = s; *p; p++)
		if (*p == '/')
			*p = '-';
	return s;
}

enum uk_exit build_prepare(struct uk_ctx *ctx, const char *path, const char *target_name,
			   struct build *b)
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
		return UK_EXIT_INPUT;
	}
	if (!(b->m = manifest_load(ctx, path)))
		return UK_EXIT_INPUT;
	if (target_load_all(ctx, ctx->home, &targets, &ntargets) != 0)
		return UK_EXIT_INPUT;
	tpos = target_name ? srcpos_none : b->m->target_pos;
	if (!(b->target = target_find(ctx, targets, ntargets,
				      target_name ? target_name : b->m->target, tpos)))
		return UK_EXIT_INPUT;
	if (!(b->cat = catalog_load(ctx, ctx->home, b->m->dir)))
		return UK_EXIT_INPUT;
	if (!(b->res = resolve(ctx, b->cat, b->target, b->m)))
		return UK_EXIT_INPUT;
	b->dir = fs_join(ctx, b->m->dir,
			 ctx_printf(ctx, "build/%s", build_target_dirname(ctx, b->target)));
	b->image = fs_join(ctx, b->dir, b->m->name);
	return UK_EXIT_OK;
}

enum uk_exit build_write(struct build *b, const char *path, const char *data, size_t len)
{
	return fs_write_if_changed(b->ctx, path, data, len) != 0 ? UK_EXIT_IO : UK_EXIT_OK;
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

/* A pattern of sources: the app's as written, a module's with ${arch} and
 * ${platform} of the target. NULL with an error printed when it is wrong. */
static const char *source_pattern(struct build *b, size_t i, size_t k)
{
	const struct template_var vars[] = {
	    {"arch", b->target->arch},
	    {"platform", b->target->platform},
	};
	const struct module *mod;

	if (i == b->res->n)
		return b->m->sources[k].text;
	mod = b->res->mods[i].mod;
	return template_expand(b->ctx, mod->sources[k], vars, 2,
			       (struct srcpos){mod->yaml_path, 0, 0},
			       ctx_printf(b->ctx, "sources pattern '%s'", mod->sources[k]));
}

/* What an app's pattern matched must lie inside the app, by its text (an
 * object file is named after it) and where it leads (docs/manifest.md). */
static bool app_source_inside(struct build *b, size_t k, const char *path)
{
	struct uk_ctx *ctx = b->ctx;
	const char *rel = fs_relative(path, b->m->dir);
	const struct manifest_path *p = &b->m->sources[k];

	if (rel == path || !fs_pattern_is_inside(rel)) {
		diag_error(ctx, p->pos,
			   "sources pattern '%s' matches '%s', outside the app directory", p->text,
			   rel);
		return false;
	}
	if (!fs_is_below(ctx, path, b->m->dir)) {
		diag_error(
		    ctx, p->pos,
		    "sources pattern '%s' matches '%s', a symlink that leads outside the app "
		    "directory",
		    p->text, rel);
		diag_note(ctx, "hint", "copy the file into the app, or make it a module");
		return false;
	}
	return true;
}

/* A source's object file is named after it, and ld.lld reads the objects
 * from a response file that splits words at spaces and reads quotes and
 * backslashes; a name holding one of those could become another argument. */
static bool source_name_ok(struct build *b, const char *root, struct srcpos pos, const char *path)
{
	const char *rel = fs_relative(path, root);
	const char *p;

	for (p = rel; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c <= ' ' || c == 0x7f || c == '\'' || c == '"' || c == '\\') {
			diag_error(b->ctx, pos,
				   "source file %s has a name the linker cannot take (0x%02x)",
				   diag_quote(b->ctx, rel), c);
			diag_note(b->ctx, "hint",
				  "rename it without spaces, quotes, backslashes or control "
				  "characters");
			return false;
		}
	}
	return true;
}

int build_sources(struct build *b, size_t i, char ***paths, size_t *n)
{
	struct uk_ctx *ctx = b->ctx;
	bool app = i == b->res->n;
	size_t np = app ? b->m->nsources : b->res->mods[i].mod->nsources, k, j;
	const char *base = app ? b->m->dir : b->res->mods[i].mod->dir;

	*paths = NULL;
	*n = 0;
	for (k = 0; k < np; k++) {
		const char *pat = source_pattern(b, i, k);
		struct srcpos where = app ? b->m->sources[k].pos
					  : (struct srcpos){b->res->mods[i].mod->yaml_path, 0, 0};
		char **found;
		size_t nfound;

		if (!pat)
			return -1;
		if (fs_glob(ctx, fs_join(ctx, base, pat), &found, &nfound) != 0 || !nfound) {
			diag_error(ctx, where, "sources pattern '%s' matches no file", pat);
			return -1;
		}
		for (j = 0; j < nfound; j++) {
			if (app && !app_source_inside(b, k, found[j]))
				return -1;
			if (!source_name_ok(b, base, where, found[j]))
				return -1;
			*CTX_PUSH(ctx, *paths, *n) = found[j];
		}
	}
	return 0;
}
