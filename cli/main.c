/* uk: the command line. Global options, the verbs, help. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "diag.h"
#include "exit.h"
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

static const char exit_status_help[] =
    "uk's exit statuses (cli/exit.h):\n"
    "  0   success\n"
    "  64  usage: a wrong verb, option or argument\n"
    "  65  input: no app here, or uk.yaml, a module.yaml, a target or the\n"
    "      resolution of the modules is wrong\n"
    "  66  build: the compiler or the linker failed\n"
    "  67  locked: --locked, and the build differs from uk.lock\n"
    "  68  tool: a tool uk runs is missing or failed (kconfig-conf, llvm-nm, the\n"
    "      Xen rig, QEMU, xl), or uk's data directory is missing\n"
    "  69  io: a file could not be read or written\n"
    "  70  internal: a bug in uk (a verb failed without saying why)\n\n"
    "uk run exits with the image's own status: main's return value, 255 after a\n"
    "panic or crash, 124 when the rig's guest did not end in time. When uk itself\n"
    "fails, before the image starts or while booting it, it exits with 64-70 and\n"
    "prints 'uk: error: ...' on stderr. An image may return 64-70 too: to tell\n"
    "them apart for certain, give 'uk run --status-file FILE', which writes one\n"
    "line, 'image N' when N is the image's status or 'uk N' when uk failed.";

static const struct verb verbs[] = {
    {"init", cmd_init, "uk init <dir> [--template NAME]",
     "Creates a new app in <dir> (which must be empty or absent) from a template in\n"
     "templates/ (default: hello). The app is named after the directory."},
    {"build", cmd_build, "uk build [--target T] [--locked] [--json]",
     "Resolves the modules the app needs for the target (default: the manifest's),\n"
     "configures them (Kconfig), generates glue.c, link.ld and build.ninja under\n"
     "build/<platform>-<arch>/, compiles with LTO and links with --gc-sections.\n"
     "Writes uk.lock and prints the image path last. --locked fails, naming each\n"
     "difference, if the modules, their content, the toolchain or the image differ\n"
     "from uk.lock. --json prints a report instead (docs/ci.md): the image's path\n"
     "and sha256, the modules with versions and hashes, the diagnostics."},
    {"run", cmd_run,
     "uk run [--target T] [--locked] [--rig | --qemu] [--forward HOSTPORT:GUESTPORT]...\n"
     "       [--status-file FILE] [-- ARGS...]",
     "Builds, then boots the image and exits with its status. A hosted image runs as\n"
     "a process with ARGS. A Xen image boots with xl where this machine is a Xen dom0;\n"
     "elsewhere on the test rig (Debian's Xen and a dom0 inside QEMU, --rig), or\n"
     "with --qemu directly under QEMU's PVH loader, printing through its serial port.\n"
     "--forward HOSTPORT:GUESTPORT (Xen on the rig; repeatable) makes the guest's TCP\n"
     "port reachable at localhost:HOSTPORT, to its first static ipv4 address, and\n"
     "prints a line with the URL once the guest answers; the guest then runs until\n"
     "Ctrl-C or SIGTERM, which stop it and QEMU (exit status 130 or 143). For a time\n"
     "limit: timeout -s INT SECS uk run ... --forward 8080:80.\n"
     "uk's own failures exit with 64-70: see 'uk help exit-status'. --status-file\n"
     "FILE writes whose status it is: 'image N' or 'uk N'."},
    {"check", cmd_check, "uk check [FILE] [--target T] [--json]",
     "Checks a manifest (default: the app's uk.yaml) and resolves its modules without\n"
     "building: every error is printed with its file:line:column. --json prints a\n"
     "report (docs/ci.md)."},
    {"deps", cmd_deps, "uk deps [--target T] [--why MODULE|CAPABILITY] [--json]",
     "Lists the chosen modules in init order with the capability each serves and why\n"
     "that provider was chosen. --why prints the chain of requirements that pulled\n"
     "a module in. --json prints a report (docs/ci.md)."},
    {"size", cmd_size, "uk size [--target T] [--json]",
     "Builds the image and its baseline (no LTO, no --gc-sections) and prints bytes per\n"
     "module and per section from the link map, and the saving. --json prints a\n"
     "report (docs/ci.md)."},
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
	fprintf(f, "  uk help <verb>\n  uk help exit-status\n  uk --version\n\n"
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

/* The flag an option name sets, or NULL if it takes a value. */
static int *flag_of(struct cmd_opts *o, const char *name)
{
	if (!strcmp(name, "locked"))
		return &o->locked;
	if (!strcmp(name, "rig"))
		return &o->rig;
	if (!strcmp(name, "qemu"))
		return &o->qemu;
	if (!strcmp(name, "json"))
		return &o->json;
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
		int *flag;

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
		if ((flag = flag_of(o, name))) {
			*flag = 1;
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
		else if (!strcmp(name, "status-file"))
			o->status_file = value;
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

static int help(struct uk_ctx *ctx, const char *topic)
{
	const struct verb *v;

	if (!topic) {
		usage(stdout);
		return UK_EXIT_OK;
	}
	if (!strcmp(topic, "exit-status")) {
		printf("%s\n", exit_status_help);
		return UK_EXIT_OK;
	}
	if (!(v = find_verb(ctx, topic)))
		return UK_EXIT_USAGE;
	printf("usage: %s\n\n%s\n", v->usage, v->help);
	return UK_EXIT_OK;
}

/* uk run's status is the image's. The other verbs' are uk's own, named in
 * exit.h; a failure without a message is a bug. */
static int verb_status(struct uk_ctx *ctx, const struct verb *v, int rc)
{
	if (v->run == cmd_run || rc == UK_EXIT_OK)
		return rc;
	if (!ctx->errors) {
		diag_error(ctx, srcpos_none, "uk %s failed (status %d) without saying why", v->name,
			   rc);
		diag_note(ctx, "hint", "this is a bug in uk; please report it");
		return UK_EXIT_INTERNAL;
	}
	return rc;
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
			return UK_EXIT_USAGE;
		}
	}
	if (i >= argc) {
		usage(stderr);
		return UK_EXIT_USAGE;
	}
	if (!strcmp(argv[i], "help"))
		return help(ctx, i + 1 < argc ? argv[i + 1] : NULL);
	if (!(v = find_verb(ctx, argv[i])))
		return UK_EXIT_USAGE;
	if (!(ctx->home = find_home(ctx))) {
		diag_error(ctx, srcpos_none, "cannot find uk's data (libs/, platform/, ...)");
		diag_note(ctx, "hint", "set UK_HOME to the directory that holds them");
		return UK_EXIT_TOOL;
	}
	a.argc = argc - i - 1;
	a.argv = argv + i + 1;
	return verb_status(ctx, v, v->run(ctx, &a));
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
