/* fetch: what the build needs from outside: host headers, archives, the
 * toolchain's resource dir, the source lists. Nothing later looks outside. */
#include "fetch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bake.h"
#include "fsutil.h"
#include "proc.h"
#include "stamp.h"
#include "template.h"
#include "toolid.h"

/* Headers a module takes from the host's /usr/include (Debian -dev packages,
 * e.g. Xen's public ABI from libxen-dev) are linked into build/host-include,
 * so that a module sees those and not the host's C library headers. */
static enum uk_exit link_host_headers(struct build *b, const struct module *mod)
{
	struct uk_ctx *ctx = b->ctx;
	const char *root = getenv("UK_HOST_INCLUDE") ? getenv("UK_HOST_INCLUDE") : "/usr/include";
	const char *dir = fs_join(ctx, b->dir, "host-include");
	size_t j;

	for (j = 0; j < mod->nhost_headers; j++) {
		const char *from = fs_join(ctx, root, mod->host_headers[j]);
		const char *to = fs_join(ctx, dir, mod->host_headers[j]);

		if (!fs_exists(from)) {
			diag_error(ctx, (struct srcpos){mod->yaml_path, 0, 0},
				   "module %s needs the host headers %s, which are missing",
				   mod->name, from);
			diag_note(ctx, "hint",
				  "scripts/setup-debian.sh installs them (libxen-dev, libfdt-dev)");
			return UK_EXIT_TOOL;
		}
		if (fs_mkdir_p(ctx, fs_dirname(ctx, to)) != 0)
			return UK_EXIT_IO;
		unlink(to);
		if (symlink(from, to) != 0) {
			diag_error(ctx, srcpos_none, "cannot link %s: %s", to, strerror(errno));
			return UK_EXIT_IO;
		}
	}
	return UK_EXIT_OK;
}

/* The root apt-fetch unpacked package into: the last line it prints. */
static char *fetch_package(struct build *b, const struct module *mod, const char *package)
{
	struct uk_ctx *ctx = b->ctx;
	const char *tool = fs_join(ctx, ctx->home, "tools/apt-fetch");
	const char *argv[] = {tool, "--arch", b->target->debian_arch, package, NULL};
	char *out, *nl;

	if (proc_run_capture(ctx, argv, NULL, &out, NULL) != 0) {
		diag_error(ctx, (struct srcpos){mod->yaml_path, 0, 0},
			   "cannot fetch Debian package %s:%s for module %s", package,
			   b->target->debian_arch, mod->name);
		return NULL;
	}
	while ((nl = strrchr(out, '\n')) && nl[1] == 0)
		*nl = 0;
	return (nl = strrchr(out, '\n')) ? nl + 1 : out;
}

/* Fetches the Debian package of a module archive for the target's
 * architecture (a private apt configuration: nothing is installed on the
 * host) and records where the archive is. */
static enum uk_exit fetch_archive(struct build *b, const struct module *mod,
				  const struct module_archive *arch)
{
	struct uk_ctx *ctx = b->ctx;
	const struct target *t = b->target;
	const struct template_var vars[] = {
	    {"multiarch", t->multiarch},
	    {"triple_arch", ctx_strndup(ctx, t->triple, strcspn(t->triple, "-"))},
	};
	char *root, *file, **found;
	struct build_archive *a;
	size_t nfound;

	if (!t->debian_arch || !t->multiarch) {
		diag_error(ctx, (struct srcpos){t->path, 0, 0},
			   "module %s needs archives, but target %s names no debian_arch and "
			   "multiarch",
			   mod->name, t->name);
		return UK_EXIT_INPUT;
	}
	if (!(file =
		  template_expand(ctx, arch->file, vars, 2, (struct srcpos){mod->yaml_path, 0, 0},
				  ctx_printf(ctx, "archive file '%s'", arch->file))))
		return UK_EXIT_INPUT;
	if (!(root = fetch_package(b, mod, arch->package)))
		return UK_EXIT_TOOL;
	/* A glob, so that a path with a version in it need not name it. */
	if (fs_glob(ctx, fs_join(ctx, root, file), &found, &nfound) != 0 || !nfound) {
		diag_error(ctx, (struct srcpos){mod->yaml_path, 0, 0}, "package %s has no %s",
			   arch->package, file);
		return UK_EXIT_INPUT;
	}
	a = CTX_PUSH(ctx, b->archives, b->narchives);
	a->mod = mod;
	a->path = found[nfound - 1];
	return UK_EXIT_OK;
}

/* The first line clang prints for args, or NULL when it cannot run. */
static const char *clang_line(struct uk_ctx *ctx, const char *arg)
{
	const char *argv[] = {"clang", arg, NULL};
	char *out, *nl;

	if (proc_run_capture(ctx, argv, NULL, &out, NULL) != 0)
		return NULL;
	if ((nl = strchr(out, '\n')))
		*nl = 0;
	return out;
}

/* clang's own headers (stddef.h, stdint.h ...), the only ones besides uk's
 * that a freestanding source sees, and its version for uk.lock. Asking
 * clang costs two starts of libLLVM (about 0.1 s each), so the answers are
 * remembered against clang's identity (toolid.h) and asked again only when
 * that changes. */
static enum uk_exit fetch_toolchain(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	const char *id = toolid_of(ctx, "clang"), *known, *nl;

	if (id && (known = stamp_get(b, "toolchain", id)) && (nl = strchr(known, '\n')) &&
	    nl > known && nl[1] && !strchr(nl + 1, '\n')) {
		b->toolchain = ctx_strndup(ctx, known, (size_t)(nl - known));
		b->resource_dir = nl + 1;
		return UK_EXIT_OK;
	}
	if (!(b->resource_dir = clang_line(ctx, "-print-resource-dir"))) {
		diag_error(ctx, srcpos_none,
			   "cannot run clang -print-resource-dir: is clang installed?");
		return UK_EXIT_TOOL;
	}
	b->toolchain = clang_line(ctx, "--version");
	if (!b->toolchain || !*b->toolchain || !*b->resource_dir) {
		b->toolchain = "unknown"; /* as uk.lock says it; never remembered */
		return UK_EXIT_OK;
	}
	return id ? stamp_put(b, "toolchain", id,
			      ctx_printf(ctx, "%s\n%s", b->toolchain, b->resource_dir))
		  : UK_EXIT_OK;
}

enum uk_exit fetch_sources(struct build *b)
{
	size_t i;

	b->sources = ctx_alloc(b->ctx, (b->res->n + 1) * sizeof(*b->sources));
	for (i = 0; i <= b->res->n; i++)
		if (build_sources(b, i, &b->sources[i].paths, &b->sources[i].n) != 0)
			return UK_EXIT_INPUT;
	return UK_EXIT_OK;
}

enum uk_exit fetch_run(struct build *b)
{
	enum uk_exit rc;
	size_t i, j;

	b->archives = NULL;
	b->narchives = 0;
	b->fetched = false;
	for (i = 0; i < b->res->n; i++) {
		const struct module *mod = b->res->mods[i].mod;

		if ((rc = link_host_headers(b, mod)) != UK_EXIT_OK)
			return rc;
		for (j = 0; j < mod->narchives; j++)
			if ((rc = fetch_archive(b, mod, &mod->archives[j])) != UK_EXIT_OK)
				return rc;
	}
	if ((rc = fetch_toolchain(b)) != UK_EXIT_OK || (rc = fetch_sources(b)) != UK_EXIT_OK ||
	    (rc = bake_run(b)) != UK_EXIT_OK)
		return rc;
	b->fetched = true;
	return UK_EXIT_OK;
}
