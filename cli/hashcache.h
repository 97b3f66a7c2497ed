/* hashcache: the digests uk.lock and the assets need, remembered against
 * the metadata of the files they cover (path, device, inode, size,
 * modification and change times), like ninja and make trust timestamps
 * and git its index. A digest is reused only when every file's metadata is
 * as it was when the files were read, and an entry is kept only when each
 * of its files was last changed before the read began, as the file system
 * tells time (git's "racily clean" rule): a change in the same tick as the
 * read cannot hide. The cache is build/<target>/stamps/hashes, holding the
 * entries of the last build. docs/perf.md, "Build speed". */
#ifndef UK_HASHCACHE_H
#define UK_HASHCACHE_H

#include <stddef.h>

#include "build.h"

/* The digest remembered for name over paths (in that order), or NULL:
 * then the caller reads the files and gives the digest to hashcache_put. */
const char *hashcache_get(struct build *b, const char *name, char *const *paths, size_t n);

/* Remembers digest (no spaces or newlines) for name, over the files of the
 * last hashcache_get of name, when that read cannot have been racy. */
void hashcache_put(struct build *b, const char *name, const char *digest);

/* Writes the entries this build used (only when they changed). UK_EXIT_OK
 * or UK_EXIT_IO with an error printed. */
enum uk_exit hashcache_save(struct build *b);

#endif
