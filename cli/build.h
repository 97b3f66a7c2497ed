/* What every stage after resolution works on: one build of one app for one
 * target, in its own build directory. */
#ifndef UK_BUILD_H
#define UK_BUILD_H

#include <stdint.h>

#include "catalog.h"
#include "exit.h"
#include "manifest.h"
#include "resolve.h"

struct hashcache;

/* A module's prebuilt archive, fetched for the target's architecture. */
struct build_archive {
	const struct module *mod;
	const char *path;
};

/* The source files of one module (or of the app), sorted, absolute. */
struct build_source_list {
	char **paths;
	size_t n;
};

/* One file of the assets folder, as fetch baked it (bake.c) into the build
 * directory: _assets/<hash> holds its bytes, _assets/<hash>.gz its gzip
 * variant when gzip_len is not 0. */
struct build_asset {
	const char *key;	  /* "/" + its path under the folder: "/css/site.css" */
	const char *hash;	  /* SHA-256 of the bytes, 64 hex digits */
	const char *content_type; /* from the extension */
	uint64_t len, gzip_len;
};

struct build {
	struct uk_ctx *ctx;
	const struct manifest *m;
	const struct target *target;
	const struct catalog *cat;
	const struct resolution *res;
	const char *dir;   /* <app>/build/<platform>-<arch>, absolute */
	const char *image; /* the final image, absolute */
	/* What fetch_run found outside; generate only reads it. */
	struct build_archive *archives;
	size_t narchives;
	struct build_source_list *sources; /* per module in init order, then the app's */
	const char *resource_dir;	   /* clang -print-resource-dir */
	const char *toolchain;		   /* clang --version's first line, "unknown" */
	struct build_asset *assets;	   /* sorted by key; with the assets module only */
	size_t nassets;
	uint64_t assets_bytes, assets_gzip_bytes; /* what the image holds: each content once */
	struct hashcache *hashes;		  /* hashcache.c's, once it is used */
	bool fetched;				  /* fetch_run finished: every archive is known */
};

/* The directory name of a target: "hosted/x86_64" -> "hosted-x86_64". */
const char *build_target_dirname(struct uk_ctx *ctx, const struct target *t);

/* Sets up b (manifest, catalog, target, resolution, paths) for the app
 * whose manifest is manifest_path; target_name NULL means the manifest's.
 * UK_EXIT_OK, or UK_EXIT_INPUT with errors printed. The stages follow it,
 * each returning its own status: fetch_run, configure_run, generate_run. */
enum uk_exit build_prepare(struct uk_ctx *ctx, const char *manifest_path, const char *target_name,
			   struct build *b);

/* Writes path (in the build directory) when its content changes: UK_EXIT_OK,
 * or UK_EXIT_IO with an error printed. */
enum uk_exit build_write(struct build *b, const char *path, const char *data, size_t len);

/* Runs ninja in the build directory for target (NULL: the image). */
int build_ninja(struct build *b, const char *target);

/* Every source file of module i (or of the app when i == res->n) on disk,
 * sorted, absolute. -1 when a pattern is wrong (error printed). fetch_run
 * keeps them in b->sources. */
int build_sources(struct build *b, size_t i, char ***paths, size_t *n);

#endif
