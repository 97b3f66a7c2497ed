/* uk run: build, boot, stream the console, exit with the image's status. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "exit.h"
#include "fsutil.h"
#include "netcheck.h"
#include "proc.h"
#include "strbuf.h"
#include "xlseed.h"

/* --forward HOSTPORT:GUESTPORT, at most this many (the rig's limit). */
#define RUN_MAX_FORWARDS 16

struct forward {
	unsigned host, guest;
};

struct forwards {
	struct forward f[RUN_MAX_FORWARDS];
	size_t n;
};

/* What a boot ended with: the image's status, or uk's own when it failed. */
struct run_result {
	int status;
	bool from_image;
};

static struct run_result image_status(int status)
{
	return (struct run_result){status, true};
}

static struct run_result uk_status(int status)
{
	return (struct run_result){status, false};
}

/* A child process, not exec, so that uk can still say whose status it is. A
 * signal ends it with 128 + the signal's number, as a shell reports it. */
static struct run_result run_hosted(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o,
				    struct build *b)
{
	const char **argv = ctx_alloc(ctx, (size_t)(a->argc + 2) * sizeof(char *));
	int i, n = 0, rc;

	argv[n++] = b->image;
	for (i = o->rest; i < a->argc; i++)
		argv[n++] = a->argv[i];
	fflush(NULL);
	rc = proc_run(ctx, argv, NULL, NULL);
	if (rc < 0) {
		diag_error(ctx, srcpos_none, "cannot run %s", b->image);
		return uk_status(UK_EXIT_TOOL);
	}
	return image_status(rc);
}

/* QEMU's PVH loader boots the image; it prints through COM1 and ends QEMU
 * through isa-debug-exit, whose status is 2 * the image's status + 1. The
 * command line carries this boot's seed, as on Xen (xlseed.h). */
static struct run_result run_qemu(struct uk_ctx *ctx, struct build *b)
{
	char hex[2 * XLSEED_BYTES + 1];
	const char *cmdline = b->m->cmdline ? b->m->cmdline : "";
	const char *append = xlseed_fresh_hex(hex) ? ctx_printf(ctx, "%s%suk.seed=%s", cmdline,
								*cmdline ? " " : "", hex)
						   : NULL;
	const char *mem = ctx_printf(ctx, "%llu", (unsigned long long)(b->m->memory_bytes >> 20));
	const char *argv[] = {"qemu-system-x86_64",
			      "-accel",
			      "tcg",
			      "-machine",
			      "pc",
			      "-cpu",
			      "qemu64",
			      "-m",
			      mem,
			      "-nographic",
			      "-no-reboot",
			      "-display",
			      "none",
			      "-vga",
			      "none",
			      "-nodefaults",
			      "-serial",
			      "stdio",
			      "-device",
			      "isa-debug-exit,iobase=0xf4,iosize=0x04",
			      "-kernel",
			      b->image,
			      "-append",
			      append,
			      NULL};
	int rc;

	if (!append) {
		diag_error(ctx, srcpos_none, "getrandom failed: no seed for the guest");
		return uk_status(UK_EXIT_IO);
	}
	rc = proc_run(ctx, argv, NULL, NULL);
	if (rc < 0)
		return uk_status(UK_EXIT_TOOL);
	if (rc & 1)
		return image_status(rc >> 1);
	diag_error(ctx, srcpos_none, "qemu ended without the image's status (status %d)", rc);
	return uk_status(UK_EXIT_TOOL);
}

/* The rig's pid while uk waits for it, and the first signal that asked
 * uk to stop: passed on to the rig, which stops the guest and reports it. */
static volatile pid_t rig_pid;
static volatile sig_atomic_t rig_stop_signal;

static void pass_signal(int sig)
{
	if (!rig_stop_signal)
		rig_stop_signal = sig;
	if (rig_pid > 0)
		kill(rig_pid, sig);
}

/* The URL a person opens for a forwarded port: a web page for 80 and 443. */
static const char *forward_url(struct uk_ctx *ctx, unsigned host, unsigned guest)
{
	if (guest == 80)
		return ctx_printf(ctx, "http://localhost:%u/", host);
	if (guest == 443)
		return ctx_printf(ctx, "https://localhost:%u/", host);
	return ctx_printf(ctx, "localhost:%u", host);
}

/* One line of the rig's output: the guest's console goes through, the
 * rig's own lines do not; the result is kept, a ready forward announced. */
static void rig_line(struct uk_ctx *ctx, const char *line, const struct forwards *fw,
		     const char **result)
{
	const char *p;
	unsigned host, guest;
	size_t i;

	if (!strncmp(line, "=== xenrig guest ", 17) && (p = strstr(line, " result: "))) {
		*result = ctx_strdup(ctx, p + 9);
		return;
	}
	if (!strncmp(line, "=== xenrig guest ", 17) && (p = strstr(line, " forward 127.0.0.1:")) &&
	    sscanf(p, " forward 127.0.0.1:%u -> %*[0-9.]:%u ready", &host, &guest) == 2) {
		for (i = 0; i < fw->n; i++)
			if (fw->f[i].host == host && fw->f[i].guest == guest)
				printf(
				    "uk: the guest's port %u is at %s (Ctrl-C stops the guest)\n",
				    guest, forward_url(ctx, host, guest));
		fflush(stdout);
		return;
	}
	if (strncmp(line, "=== xenrig", 10)) {
		printf("%s\n", line);
		fflush(stdout);
	}
}

/* Runs the rig with its standard output read line by line as it comes
 * (a forwarding guest runs until stopped: its ready lines matter before
 * the end). SIGINT and SIGTERM go on to the rig, which stops the guest and
 * QEMU and reports as usual. Returns the rig's status, or -1. */
static int rig_stream(struct uk_ctx *ctx, const char *const *argv, const struct forwards *fw,
		      const char **result)
{
	struct sigaction sa = {0}, old_int, old_term;
	struct strbuf line;
	char buf[4096];
	int fds[2], status;
	ssize_t got, i;
	pid_t pid;

	if (pipe(fds) != 0) {
		diag_error(ctx, srcpos_none, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	sa.sa_handler = pass_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	rig_stop_signal = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	pid = fork();
	if (pid == 0) {
		/* the default, not what uk inherited: a shell's background job
		 * starts with SIGINT ignored, and bash cannot trap a signal
		 * ignored at its start */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(fds[0]);
		dup2(fds[1], 1);
		close(fds[1]);
		execvp(argv[0], (char *const *)argv);
		fprintf(stderr, "uk: error: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		diag_error(ctx, srcpos_none, "cannot start %s: %s", argv[0], strerror(errno));
		close(fds[0]);
		status = -1;
		goto out;
	}
	rig_pid = pid;
	/* a signal that came before the rig's pid was known */
	if (rig_stop_signal)
		kill(pid, rig_stop_signal);
	strbuf_init(&line, ctx);
	while ((got = read(fds[0], buf, sizeof(buf))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < got; i++) {
			if (buf[i] != '\n') {
				strbuf_addc(&line, buf[i]);
				continue;
			}
			rig_line(ctx, line.s, fw, result);
			strbuf_init(&line, ctx);
		}
	}
	if (line.len)
		rig_line(ctx, line.s, fw, result);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			break;
	status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
out:
	rig_pid = 0;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return status;
}

/* The rig prints the guest's console between its own "=== xenrig" lines and
 * then a result line; we pass the console through and take the status. It
 * boots Xen for the target's architecture, with dom0's bridge (--net) when
 * the image has net devices (their vifs need it). With --forward the rig
 * forwards the host's ports to the guest's address (its first net
 * device's static one), and the guest runs until a signal stops it. */
static struct run_result run_rig(struct uk_ctx *ctx, struct build *b, const struct forwards *fw,
				 const struct manifest_device *dev)
{
	const char *rig = fs_join(ctx, ctx->home, "platform/xen/rig/xenrig");
	const char **argv = ctx_alloc(ctx, (2 * RUN_MAX_FORWARDS + 10) * sizeof(char *));
	const char *result = NULL, *boot_xl;
	int rc, n = 0;
	size_t i;

	argv[n++] = rig;
	argv[n++] = "--arch";
	argv[n++] = b->target->arch;
	for (i = 0; i < b->m->ndevices; i++)
		if (b->m->devices[i].kind == DEVICE_NET) {
			argv[n++] = "--net";
			break;
		}
	for (i = 0; i < fw->n; i++) {
		argv[n++] = "--forward";
		argv[n++] = ctx_printf(ctx, "%u:%u", fw->f[i].host, fw->f[i].guest);
	}
	if (fw->n) {
		argv[n++] = "--guest-ip";
		argv[n++] = ctx_printf(ctx, "%u.%u.%u.%u/%u", dev->ipv4[0], dev->ipv4[1],
				       dev->ipv4[2], dev->ipv4[3], dev->prefix);
	}
	/* a copy of the config with this boot's seed (xlseed.h) */
	if (!(argv[n++] = boot_xl = xlseed_write(ctx, ctx_printf(ctx, "%s.xl", b->image))))
		return uk_status(UK_EXIT_IO);
	argv[n] = NULL;

	rc = rig_stream(ctx, argv, fw, &result);
	xlseed_remove(boot_xl);
	if (rig_stop_signal && result && strstr(result, "shutdown=interrupted")) {
		fprintf(stderr, "uk: the guest was stopped by %s\n",
			rig_stop_signal == SIGINT ? "SIGINT" : "SIGTERM");
		return uk_status(128 + rig_stop_signal);
	}
	if (rig_stop_signal) {
		diag_error(ctx, srcpos_none, "stopped by %s (the rig's status %d)",
			   rig_stop_signal == SIGINT ? "SIGINT" : "SIGTERM", rc);
		return uk_status(128 + rig_stop_signal);
	}
	if (rc != 0 || !result) {
		diag_error(ctx, srcpos_none, "the Xen test rig failed (status %d)", rc);
		return uk_status(UK_EXIT_TOOL);
	}
	if (strstr(result, "shutdown=crash")) {
		diag_error(ctx, srcpos_none, "the guest crashed");
		return image_status(UK_IMAGE_CRASH);
	}
	if (strstr(result, "shutdown=timeout")) {
		diag_error(ctx, srcpos_none, "the guest did not end in time");
		return image_status(UK_IMAGE_TIMEOUT);
	}
	if (!strncmp(result, "exit=", 5) && result[5] >= '0' && result[5] <= '9')
		return image_status(atoi(result + 5));
	diag_error(ctx, srcpos_none, "the rig's result line has no status: %s", result);
	return uk_status(UK_EXIT_TOOL);
}

/* Every --forward HOSTPORT:GUESTPORT before "--" (cmd_parse keeps only
 * one value per option). The values of other options are skipped, so
 * that "--status-file --forward" names a file. -1 after a usage error. */
static int parse_forwards(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o,
			  struct forwards *fw)
{
	int i;

	fw->n = 0;
	for (i = 0; i < o->rest && i < a->argc; i++) {
		const char *arg = a->argv[i], *v, *why, *colon, *hp;
		unsigned host, guest;
		size_t k;

		if (!strcmp(arg, "--"))
			break;
		if (!strcmp(arg, "--target") || !strcmp(arg, "--status-file")) {
			i++;
			continue;
		}
		if (!strncmp(arg, "--forward=", 10))
			v = arg + 10;
		else if (!strcmp(arg, "--forward") && i + 1 < a->argc)
			v = a->argv[++i];
		else
			continue;
		colon = strchr(v, ':');
		if (!colon) {
			diag_error(
			    ctx, srcpos_none,
			    "uk run: --forward wants HOSTPORT:GUESTPORT, such as 8080:80, not %s",
			    diag_quote(ctx, v));
			return -1;
		}
		hp = ctx_strndup(ctx, v, (size_t)(colon - v));
		if ((why = netcheck_port(hp, &host)) || (why = netcheck_port(colon + 1, &guest))) {
			bool h = netcheck_port(hp, &host) != NULL;

			diag_error(ctx, srcpos_none, "uk run: --forward %s: the %s port %s is %s",
				   diag_quote(ctx, v), h ? "host" : "guest",
				   diag_quote(ctx, h ? hp : colon + 1), why);
			return -1;
		}
		for (k = 0; k < fw->n; k++)
			if (fw->f[k].host == host) {
				diag_error(ctx, srcpos_none,
					   "uk run: --forward: host port %u is given twice", host);
				return -1;
			}
		if (fw->n == RUN_MAX_FORWARDS) {
			diag_error(ctx, srcpos_none, "uk run: at most %d --forward options",
				   RUN_MAX_FORWARDS);
			return -1;
		}
		fw->f[fw->n++] = (struct forward){host, guest};
	}
	return 0;
}

/* The net device a forward goes to: the first with a static address. */
static const struct manifest_device *forward_device(const struct build *b)
{
	size_t i;

	for (i = 0; i < b->m->ndevices; i++)
		if (b->m->devices[i].kind == DEVICE_NET && b->m->devices[i].has_ipv4 &&
		    !b->m->devices[i].dhcp)
			return &b->m->devices[i];
	return NULL;
}

static bool is_xen_dom0(struct uk_ctx *ctx)
{
	const char *caps = fs_read(ctx, "/proc/xen/capabilities", NULL);

	return caps && strstr(caps, "control_d");
}

/* --status-file: one line saying whose status uk run exits with. */
static int report_status(struct uk_ctx *ctx, const char *path, struct run_result r)
{
	const char *line;

	if (!path)
		return r.status;
	line = ctx_printf(ctx, "%s %d\n", r.from_image ? "image" : "uk", r.status);
	if (fs_write_if_changed(ctx, path, line, strlen(line)) != 0 && r.from_image)
		return UK_EXIT_IO;
	return r.status;
}

static struct run_result boot(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o,
			      struct build *b, const struct forwards *fw)
{
	const struct manifest_device *dev = NULL;

	if (fw->n) {
		if (strcmp(b->target->platform, "xen") || o->qemu) {
			diag_error(ctx, srcpos_none,
				   "uk run: --forward is for a Xen image on the rig, not %s",
				   o->qemu ? "--qemu" : b->target->name);
			return uk_status(UK_EXIT_USAGE);
		}
		if (!(dev = forward_device(b))) {
			diag_error(
			    ctx, srcpos_none,
			    "uk run: --forward needs a net device with a static ipv4 address "
			    "in uk.yaml");
			return uk_status(UK_EXIT_USAGE);
		}
		return run_rig(ctx, b, fw, dev);
	}
	if (!strcmp(b->target->platform, "hosted"))
		return run_hosted(ctx, a, o, b);
	if (o->qemu)
		return run_qemu(ctx, b);
	if (!o->rig && is_xen_dom0(ctx)) {
		const char *boot_xl = xlseed_write(ctx, ctx_printf(ctx, "%s.xl", b->image));
		const char *argv[] = {"xl", "create", "-c", boot_xl, NULL};
		int rc;

		if (!boot_xl)
			return uk_status(UK_EXIT_IO);
		rc = proc_run(ctx, argv, NULL, NULL);
		xlseed_remove(boot_xl);
		/* xl create -c ends with the console, not with the guest's status. */
		if (rc == 0)
			return image_status(0);
		return uk_status(UK_EXIT_TOOL);
	}
	return run_rig(ctx, b, fw, NULL);
}

int cmd_run(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target",	     "locked",	"rig", "qemu",
					      "status-file", "forward", NULL};
	struct cmd_opts o;
	struct forwards fw;
	struct build b;
	int rc;

	if (cmd_parse(ctx, a, "run", allowed, &o) != 0 || parse_forwards(ctx, a, &o, &fw) != 0)
		return report_status(ctx, o.status_file, uk_status(UK_EXIT_USAGE));
	if ((rc = build_app(ctx, a, &o, &b)) != UK_EXIT_OK)
		return report_status(ctx, o.status_file, uk_status(rc));
	return report_status(ctx, o.status_file, boot(ctx, a, &o, &b, &fw));
}
