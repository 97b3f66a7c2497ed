/* uk run: build, boot, stream the console, exit with the image's status. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "exit.h"
#include "fsutil.h"
#include "proc.h"

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
 * through isa-debug-exit, whose status is 2 * the image's status + 1. */
static struct run_result run_qemu(struct uk_ctx *ctx, struct build *b)
{
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
			      b->m->cmdline ? b->m->cmdline : "",
			      NULL};
	int rc = proc_run(ctx, argv, NULL, NULL);

	if (rc < 0)
		return uk_status(UK_EXIT_TOOL);
	if (rc & 1)
		return image_status(rc >> 1);
	diag_error(ctx, srcpos_none, "qemu ended without the image's status (status %d)", rc);
	return uk_status(UK_EXIT_TOOL);
}

/* The rig prints the guest's console between its own "=== xenrig" lines and
 * then a result line; we pass the console through and take the status. It
 * boots Xen for the target's architecture, with dom0's bridge (--net) when
 * the image has net devices (their vifs need it). */
static struct run_result run_rig(struct uk_ctx *ctx, struct build *b)
{
	const char *rig = fs_join(ctx, ctx->home, "platform/xen/rig/xenrig");
	const char *argv[6];
	char *out, *line, *save, *result = NULL;
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
	argv[n++] = ctx_printf(ctx, "%s.xl", b->image);
	argv[n] = NULL;

	rc = proc_run_capture(ctx, argv, NULL, &out, NULL);
	for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "=== xenrig guest ", 17) && strstr(line, " result: "))
			result = strstr(line, " result: ") + 9;
		else if (strncmp(line, "=== xenrig", 10))
			printf("%s\n", line);
	}
	fflush(stdout);
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
			      struct build *b)
{
	if (!strcmp(b->target->platform, "hosted"))
		return run_hosted(ctx, a, o, b);
	if (o->qemu)
		return run_qemu(ctx, b);
	if (!o->rig && is_xen_dom0(ctx)) {
		const char *argv[] = {"xl", "create", "-c", ctx_printf(ctx, "%s.xl", b->image),
				      NULL};

		/* xl create -c ends with the console, not with the guest's status. */
		if (proc_run(ctx, argv, NULL, NULL) == 0)
			return image_status(0);
		return uk_status(UK_EXIT_TOOL);
	}
	return run_rig(ctx, b);
}

int cmd_run(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "locked",      "rig",
					      "qemu",	"status-file", NULL};
	struct cmd_opts o;
	struct build b;
	int rc;

	if (cmd_parse(ctx, a, "run", allowed, &o) != 0)
		return report_status(ctx, o.status_file, uk_status(UK_EXIT_USAGE));
	if ((rc = build_app(ctx, a, &o, &b)) != UK_EXIT_OK)
		return report_status(ctx, o.status_file, uk_status(rc));
	return report_status(ctx, o.status_file, boot(ctx, a, &o, &b));
}
