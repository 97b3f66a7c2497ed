/* Files and paths, as the pipeline needs them. */
#ifndef UK_FSUTIL_H
#define UK_FSUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"

/* Reads a whole file; NUL-terminated, length in *len if len. NULL on error
 * (errno set). */
char *fs_read(struct uk_ctx *ctx, const char *path, size_t *len);

/* Reads a whole regular file of at most max bytes into *text (NUL-
 * terminated, length in *len). Returns NULL, or why not: strerror's text,
 * FS_NOT_REGULAR (a FIFO, a device, a directory: opened without blocking,
 * never read) or FS_TOO_LARGE. */
#define FS_NOT_REGULAR "not a regular file"
#define FS_TOO_LARGE   "larger than the limit"

const char *fs_read_bounded(struct uk_ctx *ctx, const char *path, size_t max, char **text,
			    size_t *len);

/* Writes data unless the file already holds exactly it, so that ninja sees
 * an unchanged timestamp. Returns 0, or -1 with an error printed. */
int fs_write_if_changed(struct uk_ctx *ctx, const char *path, const char *data, size_t len);

int fs_mkdir_p(struct uk_ctx *ctx, const char *path);
int fs_rm_rf(const char *path);
bool fs_exists(const char *path);
bool fs_is_dir(const char *path);
bool fs_dir_is_empty(const char *path);

char *fs_join(struct uk_ctx *ctx, const char *a, const char *b);
char *fs_dirname(struct uk_ctx *ctx, const char *path);
const char *fs_basename(const char *path);
/* Absolute, symlink-free path of an existing file; NULL if it does not exist. */
char *fs_realpath(struct uk_ctx *ctx, const char *path);
/* True when the text of a relative path (or glob pattern) stays below
 * where it starts: not absolute, no ".." component. A backslash is read as
 * glob reads it, escaping the next character, so ".\\./x" is "../x", and a
 * component glob could match against ".." (".?", ".[.]", ".*") counts as
 * "..". */
bool fs_pattern_is_inside(const char *pattern);
/* True when path exists and its real path (symlinks followed) is dir, a
 * real path, or lies below it. */
bool fs_is_below(struct uk_ctx *ctx, const char *path, const char *dir);
/* path relative to base when it lies below it, else path itself. */
const char *fs_relative(const char *path, const char *base);

/* Sorted entries of a directory (no . and ..); -1 if unreadable. */
int fs_list_dir(struct uk_ctx *ctx, const char *dir, char ***names, size_t *n);

/* Files matching a glob pattern, sorted; no match = 0 entries. */
int fs_glob(struct uk_ctx *ctx, const char *pattern, char ***paths, size_t *n);

/* Every file below dir, as sorted paths relative to dir, skipping the
 * directory names in skip (NULL-terminated). A symlink that leads to a
 * file inside within (dir when NULL) is listed as a file, and reading it
 * reads that file. Returns 0; -1 with errno when dir or an entry cannot be
 * read; FS_WALK_REFUSED, with an error naming the path printed, for a
 * symlink that leads outside within, nowhere or to a folder (which could
 * loop), and for a FIFO, a socket or a device, which are never left out
 * silently. */
#define FS_WALK_REFUSED (-2)

int fs_walk(struct uk_ctx *ctx, const char *dir, const char *within, const char *const *skip,
	    char ***rel, size_t *n);

#endif
