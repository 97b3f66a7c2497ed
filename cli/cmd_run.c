/* uk run: build, boot, stream the console, exit with the image's status. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "commands.h"
#include "fsutil.h"
#include "proc.h"

static int run_hosted(struct uk_ctx *ctx, struct cmd_args *a, struct cmd_opts *o, struct build *b)
{
	const char **argv = ctx_alloc(ctx, (size_t)(a->argc + 2) * sizeof(char *));
	int i, n = 0;

	argv[n++] = b->image;
	for (i = o->rest; i < a->argc; i++)
		argv[n++] = a->argv[i];
	fflush(NULL);
	execv(b->image, (char *const *)argv);
	diag_error(ctx, srcpos_none, "cannot run %s", b->image);
	return UK_EXIT_TOOL;
}

/* QEMU's PVH loader boots the image; it prints through COM1 and ends QEMU
 * through isa-debug-exit, whose status is 2 * the image's status + 1. */
static int run_qemu(struct uk_ctx *ctx, struct build *b)
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
		return UK_EXIT_TOOL;
	if (rc & 1)
		return rc >> 1;
	diag_error(ctx, srcpos_none, "qemu ended without the image's status (status %d)", rc);
	return UK_EXIT_TOOL;
}

/* The rig prints the guest's console between its own "=== xenrig" lines and
 * then a result line; we pass the console through and take the status. It
 * boots Xen for the target's architecture, with dom0's bridge (--net) when
 * the image has net devices (their vifs need it). */
static int run_rig(struct uk_ctx *ctx, struct build *b)
{
	const char *rig = fs_join(ctx, ctx->home, "platform/xen/rig/xenrig");
	const char *argv[6];
	char *out, *line, *save, *result = NULL;
	int rc, status = UK_EXIT_TOOL, n = 0;
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
		return UK_EXIT_TOOL;
	}
	if (strstr(result, "shutdown=crash")) {
		diag_error(ctx, srcpos_none, "the guest crashed");
		status = 255;
	} else if (strstr(result, "shutdown=timeout")) {
		diag_error(ctx, srcpos_none, "the guest did not end in time");
		status = 124;
	} else if (!strncmp(result, "exit=", 5) && result[5] >= '0' && result[5] <= '9') {
		status = atoi(result + 5);
	}
	return status;
}

static bool is_xen_dom0(struct uk_ctx *ctx)
{
	const char *caps = fs_read(ctx, "/proc/xen/capabilities", NULL);

	return caps && strstr(caps, "control_d");
}

int cmd_run(struct uk_ctx *ctx, struct cmd_args *a)
{
	static const char *const allowed[] = {"target", "locked", "rig", "qemu", NULL};
	struct cmd_opts o;
	struct build b;
	int rc;

	if (cmd_parse(ctx, a, "run", allowed, &o) != 0)
		return UK_EXIT_USAGE;
	if ((rc = build_app(ctx, a, &o, &b)) != UK_EXIT_OK)
		return rc;
	if (!strcmp(b.target->platform, "hosted"))
		return run_hosted(ctx, a, &o, &b);
	if (o.qemu)
		return run_qemu(ctx, &b);
	if (!o.rig && is_xen_dom0(ctx)) {
		const char *argv[] = {"xl", "create", "-c", ctx_printf(ctx, "%s.xl", b.image),
				      NULL};

		return proc_run(ctx, argv, NULL, NULL) == 0 ? 0 : UK_EXIT_TOOL;
	}
	return run_rig(ctx, &b);
}
