/* uk: the command line. Global options, the verbs, help. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "fsutil.h"
#include "suggest.h"

#ifndef UK_VERSION
#define UK_VERSION "0.0.0"
#endif

struct verb {
	const char *name;
	int (*run)(struct uk_ctx *, struct cmd_args *);
	const char *usage;
	const char *help;
};

static const struct verb verbs[] = {
    {"init", cmd_init, "uk init <dir> [--template NAME]",
     "Creates a new app in <dir> (which must be empty or absent) from a template in\n"
     "templates/ (default: hello). The app is named after the directory."},
    {"build", cmd_build, "uk build [--target T] [--locked]",
     "Resolves the modules the app needs for the target (default: the manifest's),\n"
     "configures them (Kconfig), generates glue.c, link.ld and build.ninja under\n"
     "build/<platform>-<arch>/, compiles with LTO and links with --gc-sections.\n"
     "Writes uk.lock and prints the image path last. --locked fails, naming each\n"
     "difference, if the modules, their content, the toolchain or the image differ\n"
     "from uk.lock."},
    {"run", cmd_run, "uk run [--target T] [--locked] [--rig | --qemu] [-- ARGS...]",
     "Builds, then boots the image and exits with its status. A hosted image runs as\n"
     "a process with ARGS. A Xen image boots with xl where this machine is a Xen dom0;\n"
     "elsewhere on the test rig (Debian's Xen and a dom0 inside QEMU, --rig), or\n"
     "with --qemu directly under QEMU's PVH loader, printing through its serial port."},
    {"check", cmd_check, "uk check [FILE] [--target T]",
     "Checks a manifest (default: the app's uk.yaml) and resolves its modules without\n"
     "building: every error is printed with its file:line:column."},
    {"deps", cmd_deps, "uk deps [--target T] [--why MODULE|CAPABILITY]",
     "Lists the chosen modules in init order with the capability each serves and why\n"
     "that provider was chosen. --why prints the chain of requirements that pulled\n"
     "a module in."},
    {"size", cmd_size, "uk size [--target T]",
     "Builds the image and its baseline (no LTO, no --gc-sections) and prints bytes per\n"
     "module and per section from the link map, and the saving."},
    {"menuconfig", cmd_menuconfig, "uk menuconfig [--target T]",
     "Runs kconfig-mconf on the Kconfig tree of the app's modules. The choices are\n"
     "saved to uk.config in the app (a defconfig fragment) and every later build\n"
     "reads them; options: in uk.yaml win over uk.config."},
    {"clean", cmd_clean, "uk clean", "Removes the app's build/ directory."},
    {"targets", cmd_targets, "uk targets", "Lists the targets (targets/*.yaml)."},
    {"modules", cmd_modules, "uk modules",
     "Lists the module catalog: libs/, platform/ and the app's modules/."},
};

#define NVERBS (sizeof(verbs) / sizeof(verbs[0]))

static void usage(FILE *f)
{
	size_t i;

	fprintf(f,
		"uk %s: a whole-program unikernel toolchain\n\n"
		"usage: uk [-C DIR] [-v] <verb> [options]\n\n",
		UK_VERSION);
	for (i = 0; i < NVERBS; i++)
		fprintf(f, "  %s\n", verbs[i].usage);
	fprintf(f, "  uk help <verb>\n  uk --version\n\n"
		   "  -C DIR   work on the app in DIR instead of the current directory\n"
		   "  -v       show the commands the build runs\n");
}

static const struct verb *find_verb(struct uk_ctx *ctx, const char *name)
{
	const char *names[NVERBS], *near;
	size_t i;

	for (i = 0; i < NVERBS; i++) {
		if (!strcmp(verbs[i].name, name))
			return &verbs[i];
		names[i] = verbs[i].name;
	}
	diag_error(ctx, srcpos_none, "unknown verb '%s'", name);
	near = suggest_closest(name, names, NVERBS);
	if (near)
		diag_note(ctx, "hint", "did you mean 'uk %s'?", near);
	else
		diag_note(ctx, "hint", "'uk help' lists the verbs");
	return NULL;
}

int cmd_parse(struct uk_ctx *ctx, struct cmd_args *a, const char *verb, const char *const *allowed,
	      struct cmd_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->rest = a->argc;
	for (i = 0; i < a->argc; i++) {
		const char *arg = a->argv[i], *name, *value = NULL, *eq;
		const char *const *k;
		bool known = false;

		if (!strcmp(arg, "--")) {
			o->rest = i + 1;
			break;
		}
		if (strncmp(arg, "--", 2)) {
			if (arg[0] == '-' || o->npositional == 4) {
				diag_error(ctx, srcpos_none, "uk %s: unexpected argument '%s'",
					   verb, arg);
				diag_note(ctx, "usage", "see 'uk help %s'", verb);
				return -1;
			}
			o->positional[o->npositional++] = arg;
			continue;
		}
		name = arg + 2;
		eq = strchr(name, '=');
		if (eq) {
			value = eq + 1;
			name = ctx_strndup(ctx, name, (size_t)(eq - name));
		}
		for (k = allowed; *k; k++)
			if (!strcmp(*k, name))
				known = true;
		if (!known) {
			size_t nallowed = 0;
			const char *near;

			while (allowed[nallowed])
				nallowed++;
			near = suggest_closest(name, allowed, nallowed);
			diag_error(ctx, srcpos_none, "uk %s: unknown option '--%s'", verb, name);
			if (near)
				diag_note(ctx, "hint", "did you mean '--%s'?", near);
			else
				diag_note(ctx, "usage", "see 'uk help %s'", verb);
			return -1;
		}
		if (!strcmp(name, "locked")) {
			o->locked = 1;
			continue;
		}
		if (!strcmp(name, "rig")) {
			o->rig = 1;
			continue;
		}
		if (!strcmp(name, "qemu")) {
			o->qemu = 1;
			continue;
		}
		if (!value) {
			if (i + 1 >= a->argc) {
				diag_error(ctx, srcpos_none, "uk %s: --%s needs a value", verb,
					   name);
				return -1;
			}
			value = a->argv[++i];
		}
		if (!strcmp(name, "target"))
			o->target = value;
		else if (!strcmp(name, "why"))
			o->why = value;
		else if (!strcmp(name, "template"))
			o->template = value;
	}
	return 0;
}

const char *cmd_manifest_path(struct uk_ctx *ctx, struct cmd_args *a)
{
	return fs_join(ctx, a->app_dir, "uk.yaml");
}

/* Where libs/, platform/, ... are: $UK_HOME, the install's share/uk beside
 * bin/, or the source tree uk was built from. */
static const char *find_home(struct uk_ctx *ctx)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (getenv("UK_HOME"))
		return fs_realpath(ctx, getenv("UK_HOME"));
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *share;

		exe[n] = 0;
		share = fs_join(ctx, fs_dirname(ctx, fs_dirname(ctx, exe)), "share/uk");
		if (fs_is_dir(fs_join(ctx, share, "libs")))
			return fs_realpath(ctx, share);
	}
#ifdef UK_SOURCE_DIR
	if (fs_is_dir(UK_SOURCE_DIR "/libs"))
		return UK_SOURCE_DIR;
#endif
	return NULL;
}

static int run(struct uk_ctx *ctx, int argc, char **argv)
{
	struct cmd_args a = {0, NULL, "."};
	const struct verb *v;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-C") && i + 1 < argc)
			a.app_dir = argv[++i];
		else if (!strcmp(argv[i], "-v"))
			ctx->verbose = 1;
		else if (!strcmp(argv[i], "--version")) {
			printf("uk %s\n", UK_VERSION);
			return 0;
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else {
			diag_error(ctx, srcpos_none, "unknown option '%s'", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(argv[i], "help")) {
		if (i + 1 >= argc) {
			usage(stdout);
			return 0;
		}
		if (!(v = find_verb(ctx, argv[i + 1])))
			return 2;
		printf("usage: %s\n\n%s\n", v->usage, v->help);
		return 0;
	}
	if (!(v = find_verb(ctx, argv[i])))
		return 2;
	if (!(ctx->home = find_home(ctx))) {
		diag_error(ctx, srcpos_none, "cannot find uk's data (libs/, platform/, ...)");
		diag_note(ctx, "hint", "set UK_HOME to the directory that holds them");
		return 1;
	}
	a.argc = argc - i - 1;
	a.argv = argv + i + 1;
	return v->run(ctx, &a);
}

int main(int argc, char **argv)
{
	struct uk_ctx ctx;
	int rc;

	ctx_init(&ctx, stderr);
	rc = run(&ctx, argc, argv);
	ctx_free(&ctx);
	return rc;
}
