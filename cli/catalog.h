/* The module catalog: every libs/<m>/module.yaml and platform module, plus
 * the app's own modules/ folder, and the target definitions. */
#ifndef UK_CATALOG_H
#define UK_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"
#include "diag.h"
#include "version.h"
#include "ydoc.h"

enum init_level {
	INIT_EARLY,
	INIT_PLATFORM,
	INIT_LIB,
	INIT_DEVICE,
	INIT_NET,
	INIT_APP,
	INIT_NONE, /* no init function */
};

/* A static library taken from a Debian package built for the target's
 * architecture (e.g. libfdt.a from libfdt-dev:arm64), linked into the image. */
struct module_archive {
	const char *package; /* Debian package name */
	const char *file;    /* path inside the package; ${multiarch} is substituted */
};

struct module {
	const char *name, *summary;
	const char *dir;       /* absolute */
	const char *yaml_path; /* module.yaml */
	const char *rel_dir;   /* dir relative to uk's home (or "app:<dir>") for display */
	struct version version;
	const char *version_text;
	const char **provides;
	size_t nprovides;
	struct yrequirement *requires;
	size_t nrequires;
	const char **platforms;
	size_t nplatforms;
	bool is_default;
	const char **sources; /* glob patterns, relative to dir */
	size_t nsources;
	const char **include;
	size_t ninclude;
	const char **cflags;
	size_t ncflags;
	const char **host_headers; /* directories of /usr/include it compiles against */
	size_t nhost_headers;
	struct module_archive *archives; /* prebuilt libraries from Debian packages */
	size_t narchives;
	const char *init_fn, *fini_fn;
	enum init_level init_level;
	const char *kconfig;  /* absolute path, NULL when the module has none */
	const char **symbols; /* Kconfig symbols the module defines */
	size_t nsymbols;
	bool from_app;
};

struct catalog {
	struct module **mods; /* sorted by name */
	size_t n;
};

struct target {
	const char *name; /* "hosted/x86_64" */
	const char *summary;
	const char *path;
	const char *platform, *arch, *triple;
	const char **cflags, **ldflags;
	size_t ncflags, nldflags;
	struct yrequirement *requires;
	size_t nrequires;
	const char *linker;		     /* template file name under linker/ */
	const char *image;		     /* elf, pvh-elf or arm64-image */
	const char *debian_arch, *multiarch; /* for module archives: arm64, aarch64-linux-gnu */
};

/* Scans home's libs/ and platform/, then app_dir/modules/ when app_dir is
 * not NULL. NULL after errors. */
struct catalog *catalog_load(struct uk_ctx *ctx, const char *home, const char *app_dir);
const struct module *catalog_find(const struct catalog *cat, const char *name);
/* True when the module builds for the target ("any", the platform, or the
 * exact target name is in its platforms). */
bool module_supports(const struct module *m, const struct target *t);
bool module_provides(const struct module *m, const char *capability);
const char *init_level_name(enum init_level level);

/* All targets under home/targets, sorted by name. */
int target_load_all(struct uk_ctx *ctx, const char *home, struct target ***out, size_t *n);
/* The named target; an unknown name is an error at pos with suggestions. */
const struct target *target_find(struct uk_ctx *ctx, struct target **all, size_t n,
				 const char *name, struct srcpos pos);

/* Kconfig symbols defined ("config X" / "menuconfig X") in a Kconfig file. */
int kconfig_symbols(struct uk_ctx *ctx, const char *path, const char ***syms, size_t *n);

#endif
