/* uk.lock: what a build was made of (modules with versions and content
 * hashes, the app's own hash, toolchain, target) and the image it gave. */
#ifndef UK_LOCK_H
#define UK_LOCK_H

#include "build.h"

/* The content hash of every file below dir (but test/ and build/),
 * "sha256:<hex>", each file read in pieces; NULL with an error printed
 * when the walk or a file cannot be read. */
const char *lock_hash_tree(struct uk_ctx *ctx, const char *dir);
const char *lock_hash_file(struct uk_ctx *ctx, const char *path);
/* A module's hash as uk.lock records it: its tree, and its archives' files
 * (fetched first). */
const char *lock_module_hash(struct build *b, const struct module *mod);

/* Compares what is about to be built with uk.lock; prints each difference.
 * 0 when equal, -1 when anything differs or uk.lock has no entry. */
int lock_check_inputs(struct build *b);
/* After the build: the image must have the locked hash. */
int lock_check_image(struct build *b);
/* Writes (or refreshes) this target's entry of uk.lock, every value
 * escaped for YAML. A damaged uk.lock is written anew, with a warning;
 * under --locked (the checks above) it is an error. */
int lock_write(struct build *b);

#endif
