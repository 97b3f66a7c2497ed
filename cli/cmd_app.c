/* uk init, uk clean, uk menuconfig: creating and looking after an app. */
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "build.h"
#include "commands.h"
#include "exit.h"
#include "configure.h"
#include "escape.h"
#include "fsutil.h"
#include "proc.h"
#include "suggest.h"
#include "template.h"

/* Whether a template file is text that names the app: the manifest, the
 * ignore list and the app's own code. Everything else (a website's pages,
 * its images) is the user's content and is copied byte for byte, so that a
 * PNG or a script's own `${...}` passes through untouched. */
static bool template_file_is_expanded(const char *rel)
{
	return !strcmp(rel, "uk.yaml") || !strcmp(rel, ".gitignore") || !strncmp(rel, "src/", 4) ||
	       !strncmp(rel, "include/", 8);
}

/* Copies a template file, replacing ${name} with the app's name where
 * template_file_is_expanded says so. */
static int copy_template_file(struct uk_ctx *ctx, const char *tdir, const char *rel, const char *to,
			      const char *name)
{
	const struct template_var vars[] = {{"name", name}};
	const char *from = fs_join(ctx, tdir, rel);
	size_t len;
	const char *text = fs_read(ctx, from, &len);
	char *out;

	if (!text) {
		diag_error(ctx, srcpos_none, "cannot read %s: %s", from, strerror(errno));
		return -1;
	}
	if (fs_mkdir_p(ctx, fs_dirname(ctx, to)) != 0)
		return -1;
	if (!template_file_is_expanded(rel))
		return fs_write_if_changed(ctx, to, text, len);
	if (!(out =
		  template_expand(ctx, text, vars, 1, (struct srcpos){from, 1, 1}, "the template")))
		return -1;
	return fs_write_if_changed(ctx, to, out, strlen(out));
}

static bool valid_app_name(const char *s)
{
	const char *p;

	if (!(*s >= 'a' && *s <= 'z'))
		return false;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_'))
			return false;
	return strlen(s) <= 64;
}

/* The app is named after its directory: "apps/hello/" -> hello. */
static const char *app_name_for(struct uk_ctx *ctx, const char *dir)
{
	char *d = ctx_strdup(ctx, dir);
	size_t n = strlen(d);
	char *real;

	while (n > 1 && d[n - 1] == '/')
		d[--n] = 0;
	if (strcmp(d, ".") && strcmp(d, ".."))
		return fs_basename(d);
	real = fs_realpath(ctx, d);
	return real ? fs_basename(real) : d;
}

/* The hint after a bad template name: the closest one to near, if any,
 * else all of them. */
static void list_templates(struct uk_ctx *ctx, const char *near_to)
{
	char **names;
	size_t nn, i;
	const char *near;

	fs_list_dir(ctx, fs_join(ctx, ctx->home, "templates"), &names, &nn);
	near = near_to ? suggest_closest(near_to, (const char *const *)names, nn) : NULL;
	if (near) {
		diag_note(ctx, "hint", "did you mean '%s'?", near);
		return;
	}
	diag_note(ctx, "hint", "the templates are: %s", nn ? names[0] : "(none installed)");
	for (i = 1; i < nn; i++)
		diag_note(ctx, "hint", "                   %s", names[i]);
}

int cmd_init(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"template", NULL};
	struct cmd_opts o;
	const char *dir, *name, *tdir, *tname;
	char **files;
	size_t n, i;
	int walked;

	if (cmd_parse(ctx, a, "init", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	if (o.npositional != 1) {
		diag_error(ctx, srcpos_none, "uk init needs the directory of the new app");
		diag_note(ctx, "usage", "uk init <dir> [--template hello]");
		return UK_EXIT_USAGE;
	}
	dir = o.positional[0];
	tname = o.template ? o.template : "hello";
	tdir = fs_join(ctx, ctx->home, fs_join(ctx, "templates", tname));
	/* A name, not a path: only templates/ holds templates. */
	if (!*tname || tname[0] == '.' || strchr(tname, '/')) {
		diag_error(ctx, srcpos_none, "template '%s' must be a name, not a path", tname);
		list_templates(ctx, NULL);
		return UK_EXIT_INPUT;
	}
	if (!fs_is_dir(tdir)) {
		diag_error(ctx, srcpos_none, "unknown template '%s'", tname);
		list_templates(ctx, tname);
		return UK_EXIT_INPUT;
	}
	if (fs_exists(dir) && !(fs_is_dir(dir) && fs_dir_is_empty(dir))) {
		diag_error(ctx, srcpos_none,
			   "%s exists and is not empty; uk init will not "
			   "overwrite it",
			   dir);
		return UK_EXIT_INPUT;
	}
	name = app_name_for(ctx, dir);
	if (!valid_app_name(name)) {
		diag_error(ctx, srcpos_none,
			   "'%s' cannot be an app name: use lower-case letters, "
			   "digits, '-' and '_', starting with a letter",
			   name);
		return UK_EXIT_INPUT;
	}
	/* A symlink in the template is copied as the file it leads to. */
	if ((walked = fs_walk(ctx, tdir, NULL, NULL, &files, &n)) != 0) {
		if (walked != FS_WALK_REFUSED)
			diag_error(ctx, srcpos_none, "cannot read template %s", tdir);
		return UK_EXIT_IO;
	}
	for (i = 0; i < n; i++)
		if (copy_template_file(ctx, tdir, files[i], fs_join(ctx, dir, files[i]), name) != 0)
			return UK_EXIT_IO;
	printf("created %s from template %s:\n", dir, tname);
	for (i = 0; i < n; i++)
		printf("  %s\n", files[i]);
	/* A line to paste into a shell, whatever the directory is called. */
	printf("next: cd %s && uk build\n", escape_shell(ctx, dir));
	return UK_EXIT_OK;
}

int cmd_clean(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {NULL};
	struct cmd_opts o;
	const char *build;

	if (cmd_parse(ctx, a, "clean", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	if (!fs_exists(cmd_manifest_path(ctx, a))) {
		diag_error(ctx, srcpos_none,
			   "no uk.yaml in %s: not cleaning a directory that is "
			   "not an app",
			   a->app_dir);
		return UK_EXIT_INPUT;
	}
	build = fs_join(ctx, a->app_dir, "build");
	if (fs_rm_rf(build) != 0) {
		diag_error(ctx, srcpos_none, "cannot remove %s: %s", build, strerror(errno));
		return UK_EXIT_IO;
	}
	printf("removed %s\n", build);
	return UK_EXIT_OK;
}

int cmd_menuconfig(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", NULL};
	struct cmd_opts o;
	struct build b;
	const char *tool = getenv("UK_MCONF") ? getenv("UK_MCONF") : "kconfig-mconf";
	const char *mconf[] = {tool, "Kconfig", NULL};
	const char *save[] = {"kconfig-conf", "-s", "--savedefconfig", NULL, "Kconfig", NULL};
	const char *env[] = {"KCONFIG_CONFIG=.config", NULL};
	size_t i;
	int rc;

	if (cmd_parse(ctx, a, "menuconfig", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	if ((rc = build_prepare(ctx, cmd_manifest_path(ctx, a), o.target, &b)) != UK_EXIT_OK ||
	    (rc = configure_run(&b)) != UK_EXIT_OK)
		return rc;
	rc = proc_run(ctx, mconf, b.dir, env);
	if (rc != 0) {
		diag_error(ctx, srcpos_none, "%s failed (status %d)", tool, rc);
		return UK_EXIT_TOOL;
	}
	/* Keep only what differs from the defaults, in the app, where builds read it. */
	save[3] = configure_saved_path(&b);
	if (proc_run(ctx, save, b.dir, env) != 0) {
		diag_error(ctx, srcpos_none, "kconfig-conf --savedefconfig failed");
		return UK_EXIT_TOOL;
	}
	printf("saved %s\n", fs_relative(save[3], fs_realpath(ctx, ".")));
	for (i = 0; i < b.m->noptions; i++)
		printf("note: %s is set in uk.yaml options:, which wins over uk.config\n",
		       b.m->options[i].symbol);
	return UK_EXIT_OK;
}
