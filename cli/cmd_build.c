/* uk build, uk run, uk check: the pipeline from uk.yaml to an image. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "configure.h"
#include "fetch.h"
#include "fsutil.h"
#include "generate.h"
#include "hashcache.h"
#include "lock.h"
#include "report.h"

static const char *shown_path(struct uk_ctx *ctx, const char *path)
{
	const char *cwd = fs_realpath(ctx, ".");

	return cwd ? fs_relative(path, cwd) : path;
}

/* With UK_TRACE set, each stage's end on stderr, in ms since the first
 * mark: where a build's time goes (docs/perf.md, "Build speed"). */
static void trace_mark(struct timespec *start, const char *stage)
{
	struct timespec now;

	if (!getenv("UK_TRACE"))
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!start->tv_sec && !start->tv_nsec)
		*start = now;
	fprintf(stderr, "uk: trace: %8.3f ms %s\n",
		(double)(now.tv_sec - start->tv_sec) * 1e3 +
		    (double)(now.tv_nsec - start->tv_nsec) / 1e6,
		stage);
}

int build_app(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o, struct build *b)
{
	struct timespec t0 = {0, 0};
	enum uk_exit rc;

	trace_mark(&t0, "start");
	/* Each stage's own status: prepare, fetch, configure, generate. */
	if ((rc = build_prepare(ctx, cmd_manifest_path(ctx, a), o->target, b)) != UK_EXIT_OK)
		return rc;
	trace_mark(&t0, "prepare");
	if ((rc = fetch_run(b)) != UK_EXIT_OK)
		return rc;
	trace_mark(&t0, "fetch");
	if ((rc = configure_run(b)) != UK_EXIT_OK)
		return rc;
	trace_mark(&t0, "configure");
	if ((rc = generate_run(b)) != UK_EXIT_OK)
		return rc;
	trace_mark(&t0, "generate");
	/* Now every input is known (archives included, whose hashes the lock
	 * has) and --locked compares them. */
	if (o->locked && lock_check_inputs(b) != 0)
		return UK_EXIT_LOCKED;
	if (build_ninja(b, NULL) != 0)
		return UK_EXIT_BUILD;
	trace_mark(&t0, "ninja");
	if (o->locked)
		rc = lock_check_image(b) != 0 ? UK_EXIT_LOCKED : UK_EXIT_OK;
	else
		rc = lock_write(b) != 0 ? UK_EXIT_IO : UK_EXIT_OK;
	trace_mark(&t0, "lock");
	/* The digests this build used, for the next one (hashcache.h). */
	if (rc == UK_EXIT_OK)
		rc = hashcache_save(b);
	return rc;
}

int cmd_build(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "locked", "json", NULL};
	struct cmd_opts o;
	struct build b;
	struct report r;
	int rc;

	if (cmd_parse(ctx, a, "build", allowed, &o) != 0)
		return report_usage(ctx, a, "build");
	if (!o.json) {
		if ((rc = build_app(ctx, a, &o, &b)) == UK_EXIT_OK)
			printf("%s\n", shown_path(ctx, b.image));
		return rc;
	}
	report_begin(&r, ctx, "build");
	rc = build_app(ctx, a, &o, &b);
	json_field_bool(&r.j, "locked", o.locked);
	/* Module hashes need the archives, known once fetch_run finished. */
	report_build(&r, &b, b.fetched);
	report_image(&r, rc == UK_EXIT_OK ? b.image : NULL);
	return report_end(&r, rc);
}

int cmd_check(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "json", NULL};
	struct cmd_opts o;
	struct build b;
	struct report r;
	const char *path;
	int rc = UK_EXIT_OK;

	if (cmd_parse(ctx, a, "check", allowed, &o) != 0)
		return report_usage(ctx, a, "check");
	if (o.json)
		report_begin(&r, ctx, "check");
	/* uk check FILE checks any manifest file, wherever it is. */
	path = o.npositional ? o.positional[0] : cmd_manifest_path(ctx, a);
	if (build_prepare(ctx, path, o.target, &b) != 0 || configure_check_options(&b) != 0)
		rc = UK_EXIT_INPUT;
	if (o.json) {
		json_field_string(&r.j, "manifest", path);
		report_build(&r, &b, false);
		return report_end(&r, rc);
	}
	if (rc == UK_EXIT_OK)
		printf("%s: ok: %zu modules for %s\n", path, b.res->n, b.target->name);
	return rc;
}
