/* The uk verbs. Each takes the arguments after the verb and returns the
 * process exit status: UK_EXIT_* (exit.h), or the image's for uk run. */
#ifndef UK_COMMANDS_H
#define UK_COMMANDS_H

#include "ctx.h"
#include "exit.h"

struct cmd_args {
	int argc;
	char **argv;
	const char *app_dir; /* -C, default "." */
};

/* The app's uk.yaml under -C's directory, as a path relative to cwd when
 * possible, so that diagnostics are short. */
const char *cmd_manifest_path(struct uk_ctx *ctx, struct cmd_args *a);

int cmd_init(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_build(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_run(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_check(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_deps(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_size(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_menuconfig(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_clean(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_targets(struct uk_ctx *ctx, struct cmd_args *a);
int cmd_modules(struct uk_ctx *ctx, struct cmd_args *a);

/* Parses "--target T" / "--target=T" and flags in a; unknown options are an
 * error. Flags: names without dashes ("locked"), set to 1 when given. */
struct cmd_opts {
	const char *target;
	const char *why;
	const char *template;
	const char *status_file; /* uk run: where it says whose status it exits with */
	int locked, rig, qemu, json;
	const char *positional[4];
	int npositional;
	int rest; /* index of the first argument after "--" */
};
/* uk build's work for uk build, run and size: prepare, fetch, configure,
 * generate, ninja, then write uk.lock (or check it with --locked). Returns UK_EXIT_OK or
 * the status of the stage that failed. */
struct build;
int build_app(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o, struct build *b);

int cmd_parse(struct uk_ctx *ctx, struct cmd_args *a, const char *verb, const char *const *allowed,
	      struct cmd_opts *o);

#endif
