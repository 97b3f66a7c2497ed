/* bake: the app's assets folder (uk.yaml's `assets:`) made ready for the
 * assets module, as part of fetch: every file's key, content type, hash and
 * gzip variant, its bytes copied into the build directory under names made
 * of its hash (_assets/<hash>, _assets/<hash>.gz), so that generate only
 * writes the table (generate_assets.c) and ninja sees a file change. */
#ifndef UK_BAKE_H
#define UK_BAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "build.h"

/* Limits of a folder (docs/manifest.md): files, bytes of a key, and the
 * bytes the image holds for them (files and gzip variants, each content
 * once): half of memory:, at most BAKE_MAX_BYTES. */
#define BAKE_MAX_FILES 65536
#define BAKE_MAX_KEY   1024
#define BAKE_MAX_BYTES (1ull << 30)

/* The folder of the build directory that holds the bytes; no app (whose
 * image sits beside it) can be named so. */
#define BAKE_DIR "_assets"

/* True when the assets module is in the build: its table is generated
 * (empty without assets:). */
bool bake_wanted(const struct build *b);

/* The byte limit of an app's folder. */
uint64_t bake_limit(const struct manifest *m);

/* Fills b->assets (sorted by key) and the byte counts, writes the bytes
 * and gzip variants under <build>/_assets/ (only those that are new) and
 * removes the ones no file has any more. Nothing without bake_wanted.
 * UK_EXIT_OK, or with errors printed at the assets: key UK_EXIT_INPUT (a
 * name that cannot be a key, a folder over a limit or holding the build
 * directory, a refused symlink) or UK_EXIT_IO. */
enum uk_exit bake_run(struct build *b);

/* The content type of a key from its extension, case-insensitive:
 * "text/html; charset=utf-8", ...; "application/octet-stream" when
 * unknown. */
const char *bake_content_type(const char *key);

/* False for types that are compressed by design (images but svg and ico,
 * fonts of woff, audio, video, archives), whose gzip is not tried. */
bool bake_compressible(const char *content_type);

/* data gzipped at zlib's best compression, the header fixed (mtime 0, OS
 * 3 = Unix, no name), so the same bytes give the same output; *out is
 * malloc'd. 0, or -1 when zlib fails. */
int bake_gzip(const uint8_t *data, size_t len, uint8_t **out, size_t *out_len);

#endif
