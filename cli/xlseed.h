/* The per-boot seed of a Xen guest (docs/rng.md): the generated xl config
 * is a reproducible build output, so `uk run` boots a private copy of it
 * whose command line ends with uk.seed=<64 hex digits> from the host's
 * getrandom, which the image reads, erases and feeds to its rng. */
#ifndef UK_XLSEED_H
#define UK_XLSEED_H

#include <stdbool.h>

#include "ctx.h"

/* The seed's bytes: 32, as 64 hex digits. */
#define XLSEED_BYTES 32

/* XLSEED_BYTES from the host's getrandom(2) as hex digits; false when the
 * kernel gives none. */
bool xlseed_fresh_hex(char hex[2 * XLSEED_BYTES + 1]);

/* xl (a config generate_xl wrote) with " uk.seed=<hex>" appended inside
 * its cmdline = "..." setting, or a cmdline setting of its own added when
 * it has none. hex is XLSEED_BYTES * 2 lowercase hex digits. */
char *xlseed_config(struct uk_ctx *ctx, const char *xl, const char *hex);

/* Writes xl with a fresh seed from getrandom(2) to a new file beside
 * xl_path, readable by its owner only; returns its path (to be removed
 * after the boot with xlseed_remove), or NULL with a diagnostic. */
const char *xlseed_write(struct uk_ctx *ctx, const char *xl_path);

/* Overwrites the file's seed with zeros and removes it. */
void xlseed_remove(const char *path);

#endif
