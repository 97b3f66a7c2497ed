/* uk build, uk run, uk check: the pipeline from uk.yaml to an image. */
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "configure.h"
#include "fsutil.h"
#include "lock.h"

static const char *shown_path(struct uk_ctx *ctx, const char *path)
{
	const char *cwd = fs_realpath(ctx, ".");

	return cwd ? fs_relative(path, cwd) : path;
}

int build_app(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o, struct build *b)
{
	if (build_prepare(ctx, cmd_manifest_path(ctx, a), o->target, b) != 0)
		return -1;
	/* Fetch, configure, generate; then every input is known (archives
	 * included, whose hashes the lock has) and --locked compares them. */
	if (build_generate(b) != 0)
		return -1;
	if (o->locked && lock_check_inputs(b) != 0)
		return -1;
	if (build_ninja(b, NULL) != 0)
		return -1;
	if (o->locked)
		return lock_check_image(b);
	return lock_write(b);
}

int cmd_build(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "locked", NULL};
	struct cmd_opts o;
	struct build b;

	if (cmd_parse(ctx, a, "build", allowed, &o) != 0)
		return 2;
	if (build_app(ctx, a, &o, &b) != 0)
		return 1;
	printf("%s\n", shown_path(ctx, b.image));
	return 0;
}

int cmd_check(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", NULL};
	struct cmd_opts o;
	struct build b;
	const char *path;

	if (cmd_parse(ctx, a, "check", allowed, &o) != 0)
		return 2;
	/* uk check FILE checks any manifest file, wherever it is. */
	path = o.npositional ? o.positional[0] : cmd_manifest_path(ctx, a);
	if (build_prepare(ctx, path, o.target, &b) != 0 || configure_check_options(&b) != 0)
		return 1;
	printf("%s: ok: %zu modules for %s\n", path, b.res->n, b.target->name);
	return 0;
}
