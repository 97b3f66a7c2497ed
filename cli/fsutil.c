/* Files and paths. */
#include "fsutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"

char *fs_read(struct uk_ctx *ctx, const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (cap - n < 4096) {
			buf = ctx_realloc_array(ctx, buf, cap, cap ? cap * 2 : 8192, 1);
			cap = cap ? cap * 2 : 8192;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fclose(f);
		errno = EIO;
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	if (len)
		*len = n;
	return buf;
}

const char *fs_read_bounded(struct uk_ctx *ctx, const char *path, size_t max, char **text,
			    size_t *len)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	size_t n = 0, cap;
	char *buf;

	if (fd < 0)
		return strerror(errno);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return FS_NOT_REGULAR;
	}
	if ((uint64_t)st.st_size > max) {
		close(fd);
		return FS_TOO_LARGE;
	}
	/* Sized by fstat, grown when the file grew since, never past max + 1:
	 * one byte more than the limit tells a file that is too large. */
	cap = (size_t)st.st_size + 1;
	buf = ctx_realloc_array(ctx, NULL, 0, cap + 1, 1);
	while (n <= max) {
		ssize_t got;

		if (n == cap) {
			size_t grown = cap * 2 > max + 1 ? max + 1 : cap * 2;

			buf = ctx_realloc_array(ctx, buf, cap + 1, grown + 1, 1);
			cap = grown;
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int e = errno;

			close(fd);
			return strerror(e);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (n > max)
		return FS_TOO_LARGE;
	buf[n] = 0;
	*text = buf;
	*len = n;
	return NULL;
}

int fs_write_if_changed(struct uk_ctx *ctx, const char *path, const char *data, size_t len)
{
	size_t old_len;
	char *old = fs_read(ctx, path, &old_len);
	char *tmp;
	FILE *f;

	if (old && old_len == len && memcmp(old, data, len) == 0)
		return 0;
	/* Write aside and rename, so a crash never leaves half a file. */
	tmp = ctx_printf(ctx, "%s.tmp", path);
	f = fopen(tmp, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		diag_error(ctx, srcpos_none, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	if (rename(tmp, path) != 0) {
		diag_error(ctx, srcpos_none, "cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int fs_mkdir_p(struct uk_ctx *ctx, const char *path)
{
	char *p = ctx_strdup(ctx, path), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = 0;
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			goto fail;
		*s = '/';
	}
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		goto fail;
	return 0;
fail:
	diag_error(ctx, srcpos_none, "cannot create directory %s: %s", p, strerror(errno));
	return -1;
}

int fs_rm_rf(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int rc = 0;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	d = opendir(path);
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char sub[PATH_MAX];

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		if (fs_rm_rf(sub) != 0)
			rc = -1;
	}
	closedir(d);
	return rmdir(path) == 0 ? rc : -1;
}

bool fs_exists(const char *path)
{
	return access(path, F_OK) == 0;
}

bool fs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_dir_is_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	bool empty = true;

	if (!d)
		return true;
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	closedir(d);
	return empty;
}

char *fs_join(struct uk_ctx *ctx, const char *a, const char *b)
{
	size_t la = strlen(a);

	if (b[0] == '/')
		return ctx_strdup(ctx, b);
	if (la == 0 || !strcmp(a, "."))
		return ctx_strdup(ctx, b);
	return ctx_printf(ctx, "%s%s%s", a, a[la - 1] == '/' ? "" : "/", b);
}

char *fs_dirname(struct uk_ctx *ctx, const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return ctx_strdup(ctx, ".");
	if (slash == path)
		return ctx_strdup(ctx, "/");
	return ctx_strndup(ctx, path, (size_t)(slash - path));
}

const char *fs_basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

char *fs_realpath(struct uk_ctx *ctx, const char *path)
{
	char *r = realpath(path, NULL), *copy;

	if (!r)
		return NULL;
	copy = ctx_strdup(ctx, r);
	free(r);
	return copy;
}

/* Whether one component of a pattern (escapes kept) can name "..": glob
 * matches a wildcard component against every entry of a directory, ".."
 * among them, with fnmatch and FNM_PERIOD, so ".?", ".[.]" and ".*" can. */
static bool component_can_be_parent(const char *comp, size_t len)
{
	char *copy = strndup(comp, len);
	bool parent = !copy || fnmatch(copy, "..", FNM_PERIOD) == 0;

	free(copy);
	return parent;
}

bool fs_pattern_is_inside(const char *pattern)
{
	const char *p = pattern, *start = pattern;

	if (*p == '/' || (*p == '\\' && p[1] == '/'))
		return false;
	for (;; p++) {
		/* An escaped '/' still separates components, as in glob. */
		bool sep = *p == '/' || (*p == '\\' && p[1] == '/');

		if (*p && !sep) {
			if (*p == '\\' && p[1])
				p++;
			continue;
		}
		if (component_can_be_parent(start, (size_t)(p - start)))
			return false;
		if (!*p)
			return true;
		if (*p == '\\')
			p++;
		start = p + 1;
	}
}

bool fs_is_below(struct uk_ctx *ctx, const char *path, const char *dir)
{
	const char *real = fs_realpath(ctx, path);
	size_t n = strlen(dir);

	if (!real)
		return false;
	if (!strcmp(dir, "/"))
		return true;
	return !strncmp(real, dir, n) && (real[n] == 0 || real[n] == '/');
}

const char *fs_relative(const char *path, const char *base)
{
	size_t n = strlen(base);

	if (!strcmp(path, base))
		return ".";
	if (!strncmp(path, base, n) && path[n] == '/')
		return path + n + 1;
	return path;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list_dir(struct uk_ctx *ctx, const char *dir, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		*CTX_PUSH(ctx, *names, *n) = ctx_strdup(ctx, e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(char *), cmp_str);
	return 0;
}

int fs_glob(struct uk_ctx *ctx, const char *pattern, char ***paths, size_t *n)
{
	glob_t g;
	size_t i;
	int rc = glob(pattern, GLOB_NOSORT, NULL, &g);

	*paths = NULL;
	*n = 0;
	if (rc == GLOB_NOMATCH)
		return 0;
	if (rc != 0)
		return -1;
	for (i = 0; i < g.gl_pathc; i++)
		*CTX_PUSH(ctx, *paths, *n) = ctx_strdup(ctx, g.gl_pathv[i]);
	globfree(&g);
	/* Sorted by bytes, not by locale: the same order on every machine. */
	if (*n)
		qsort(*paths, *n, sizeof(char *), cmp_str);
	return 0;
}

/* What a walk refuses, with the path named: a symlink that leads out of
 * within or to a folder (which could loop), a FIFO, a socket, a device. */
static int walk_refuse(struct uk_ctx *ctx, const char *full, const char *why)
{
	diag_error(ctx, srcpos_none, "%s %s", diag_quote(ctx, full), why);
	return FS_WALK_REFUSED;
}

/* A symlink below the walk: followed when it leads to a file inside
 * within, so the file counts as a regular one; else refused. */
static int walk_symlink(struct uk_ctx *ctx, const char *full, const char *within)
{
	struct stat st;

	if (!fs_is_below(ctx, full, within))
		return walk_refuse(
		    ctx, full,
		    fs_exists(full) ? ctx_printf(ctx, "is a symlink that leads outside %s", within)
				    : "is a symlink that leads nowhere");
	if (stat(full, &st) != 0)
		return -1;
	if (S_ISDIR(st.st_mode))
		return walk_refuse(ctx, full,
				   "is a symlink to a folder: only symlinks to files are followed");
	if (!S_ISREG(st.st_mode))
		return walk_refuse(ctx, full, "leads to a FIFO, a socket or a device");
	return 0;
}

struct walk {
	struct uk_ctx *ctx;
	const char *root, *within;
	const char *const *skip;
	char ***out;
	size_t *n;
};

static bool walk_skipped(const struct walk *w, const char *name)
{
	const char *const *s;

	for (s = w->skip; s && *s; s++)
		if (!strcmp(name, *s))
			return true;
	return false;
}

static int walk_into(const struct walk *w, const char *rel)
{
	struct uk_ctx *ctx = w->ctx;
	char *dir = rel[0] ? fs_join(ctx, w->root, rel) : ctx_strdup(ctx, w->root);
	char **names;
	size_t count, i;
	int rc;

	if (fs_list_dir(ctx, dir, &names, &count) != 0)
		return -1;
	for (i = 0; i < count; i++) {
		char *sub =
		    rel[0] ? ctx_printf(ctx, "%s/%s", rel, names[i]) : ctx_strdup(ctx, names[i]);
		char *full = fs_join(ctx, w->root, sub);
		struct stat st;

		if (lstat(full, &st) != 0)
			return -1;
		if (S_ISDIR(st.st_mode)) {
			if (!walk_skipped(w, names[i]) && (rc = walk_into(w, sub)) != 0)
				return rc;
			continue;
		}
		if (S_ISLNK(st.st_mode) && (rc = walk_symlink(ctx, full, w->within)) != 0)
			return rc;
		if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
			return walk_refuse(ctx, full, "is a FIFO, a socket or a device");
		*CTX_PUSH(ctx, *w->out, *w->n) = sub;
	}
	return 0;
}

int fs_walk(struct uk_ctx *ctx, const char *dir, const char *within, const char *const *skip,
	    char ***rel, size_t *n)
{
	struct walk w = {ctx, dir, NULL, skip, rel, n};
	int rc;

	*rel = NULL;
	*n = 0;
	if (!(w.within = fs_realpath(ctx, within ? within : dir)))
		return -1;
	if ((rc = walk_into(&w, "")) != 0)
		return rc;
	if (*n)
		qsort(*rel, *n, sizeof(char *), cmp_str);
	return 0;
}
