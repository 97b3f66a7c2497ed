/* bake: the assets folder into the build directory, each file's bytes and
 * gzip variant under names made of its hash, so that an unchanged file is
 * neither read twice by ninja nor compressed again, and a no-op build
 * writes nothing. Limits and refused names are errors at `assets:`. */
#include "bake.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "escape.h"
#include "fsutil.h"
#include "hashcache.h"
#include "sha256.h"

bool bake_wanted(const struct build *b)
{
	size_t i;

	for (i = 0; i < b->res->n; i++)
		if (!strcmp(b->res->mods[i].mod->name, "assets"))
			return true;
	return false;
}

uint64_t bake_limit(const struct manifest *m)
{
	uint64_t half = m->memory_bytes / 2;

	return half < BAKE_MAX_BYTES ? half : BAKE_MAX_BYTES;
}

int bake_gzip(const uint8_t *data, size_t len, uint8_t **out, size_t *out_len)
{
	gz_header h;
	z_stream z;
	uLong cap;
	int rc;

	memset(&z, 0, sizeof(z));
	memset(&h, 0, sizeof(h));
	h.os = 3; /* Unix, whatever the host: the same bytes everywhere */
	/* windowBits 15 + 16: a gzip wrapper; memLevel 9: zlib's best. */
	if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return -1;
	cap = deflateBound(&z, (uLong)len) + 32;
	if (deflateSetHeader(&z, &h) != Z_OK || !(*out = malloc(cap))) {
		deflateEnd(&z);
		return -1;
	}
	z.next_in = (Bytef *)data;
	z.avail_in = (uInt)len;
	z.next_out = *out;
	z.avail_out = (uInt)cap;
	rc = deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* A key is what a request names: no control characters (a request line
 * cannot carry them), at most BAKE_MAX_KEY bytes. */
static bool key_ok(struct build *b, const char *rel, const char *key)
{
	struct uk_ctx *ctx = b->ctx;
	int c = escape_control_char(key);

	if (c) {
		diag_error(
		    ctx, b->m->assets_pos,
		    "assets file %s has a name that cannot be a key: control character 0x%02x",
		    diag_quote(ctx, rel), c);
		diag_note(ctx, "hint", "rename it without control characters");
		return false;
	}
	if (strlen(key) > BAKE_MAX_KEY) {
		diag_error(ctx, b->m->assets_pos,
			   "assets file %s has a key of %zu bytes, more than %d",
			   diag_quote(ctx, rel), strlen(key), BAKE_MAX_KEY);
		return false;
	}
	return true;
}

/* The build directory is written while the folder is read: it may not be
 * inside (`assets: .`). */
static bool holds_build_dir(struct build *b, const char *dir)
{
	struct uk_ctx *ctx = b->ctx;
	const char *real = fs_realpath(ctx, dir), *app = fs_realpath(ctx, b->m->dir);
	const char *build = app ? fs_join(ctx, app, "build") : NULL;
	size_t n = real ? strlen(real) : 0;

	if (!real || !build || strncmp(build, real, n) || (build[n] && build[n] != '/'))
		return false;
	diag_error(ctx, b->m->assets_pos, "assets folder %s holds the build directory",
		   diag_quote(ctx, b->m->assets));
	diag_note(ctx, "hint", "keep the files in a folder of their own, e.g. assets: site");
	return true;
}

static bool over_limit(struct build *b, uint64_t bytes, const char *what)
{
	uint64_t limit = bake_limit(b->m);

	if (bytes <= limit)
		return false;
	diag_error(b->ctx, b->m->assets_pos,
		   "assets folder %s holds %llu bytes%s, more than the limit of %llu",
		   diag_quote(b->ctx, b->m->assets), (unsigned long long)bytes, what,
		   (unsigned long long)limit);
	diag_note(b->ctx, "hint",
		  "the image may hold assets of at most half of memory: (at most 1 GiB); raise "
		  "memory: or take files out of the folder");
	return true;
}

/* The folder's files as keys (sorted: fs_walk sorts by bytes, and "/" +
 * each keeps the order) with their sizes; sizes summed against the limit
 * before anything is read. */
static enum uk_exit list_files(struct build *b, const char *dir, char ***rel, size_t *n)
{
	struct uk_ctx *ctx = b->ctx;
	uint64_t total = 0;
	size_t i;
	int rc = fs_walk(ctx, dir, b->m->dir, NULL, rel, n);

	if (rc == FS_WALK_REFUSED)
		return UK_EXIT_INPUT;
	if (rc != 0) {
		diag_error(ctx, b->m->assets_pos, "cannot read the assets folder %s: %s",
			   diag_quote(ctx, b->m->assets), strerror(errno));
		return UK_EXIT_IO;
	}
	if (*n > BAKE_MAX_FILES) {
		diag_error(ctx, b->m->assets_pos, "assets folder %s has %zu files, more than %d",
			   diag_quote(ctx, b->m->assets), *n, BAKE_MAX_FILES);
		return UK_EXIT_INPUT;
	}
	b->assets = ctx_alloc(ctx, (*n + 1) * sizeof(*b->assets));
	for (i = 0; i < *n; i++) {
		struct build_asset *a = &b->assets[i];
		struct stat st;

		a->key = ctx_printf(ctx, "/%s", (*rel)[i]);
		if (!key_ok(b, (*rel)[i], a->key))
			return UK_EXIT_INPUT;
		if (stat(fs_join(ctx, dir, (*rel)[i]), &st) != 0) {
			diag_error(ctx, b->m->assets_pos, "cannot read %s: %s",
				   fs_join(ctx, dir, (*rel)[i]), strerror(errno));
			return UK_EXIT_IO;
		}
		a->len = (uint64_t)st.st_size;
		total += a->len;
	}
	return over_limit(b, total, "") ? UK_EXIT_INPUT : UK_EXIT_OK;
}

/* The whole file into malloc'd memory, exactly len bytes as listed. */
static enum uk_exit read_file(struct build *b, const char *path, uint64_t len, uint8_t **data)
{
	FILE *f = fopen(path, "rb");
	size_t got = 0;
	int extra = EOF;

	*data = malloc(len ? (size_t)len : 1);
	if (f && *data) {
		got = fread(*data, 1, (size_t)len, f);
		extra = fgetc(f);
	}
	if (!f || !*data || ferror(f) || got != len || extra != EOF) {
		diag_error(b->ctx, b->m->assets_pos, "cannot read %s: %s", path,
			   f && *data && !ferror(f) ? "it changed while it was read"
						    : strerror(errno));
		if (f)
			fclose(f);
		free(*data);
		return UK_EXIT_IO;
	}
	fclose(f);
	return UK_EXIT_OK;
}

/* The size of an existing file, or -1. */
static long long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
}

/* _assets/<hash>.gz: made once per content and kept, even when it is not
 * smaller, so that the next build need not try again. */
static enum uk_exit gzip_variant(struct build *b, struct build_asset *a, const uint8_t *data,
				 const char *out)
{
	const char *path = ctx_printf(b->ctx, "%s/%s.gz", out, a->hash);
	long long have = file_size(path);
	uint8_t *gz;
	size_t gz_len;
	enum uk_exit rc;

	if (have < 0) {
		if (bake_gzip(data, (size_t)a->len, &gz, &gz_len) != 0) {
			diag_error(b->ctx, b->m->assets_pos, "zlib cannot compress %s",
				   diag_quote(b->ctx, a->key));
			return UK_EXIT_INTERNAL;
		}
		rc = build_write(b, path, (const char *)gz, gz_len);
		free(gz);
		if (rc != UK_EXIT_OK)
			return rc;
		have = (long long)gz_len;
	}
	a->gzip_len = (uint64_t)have < a->len ? (uint64_t)have : 0;
	return UK_EXIT_OK;
}

/* The file's hash as the last build found it, when its metadata is
 * unchanged (hashcache.h) and what was made of it is still there: then the
 * file is not read at all. */
static bool baked_before(struct build *b, struct build_asset *a, const char *name, char *src,
			 const char *out)
{
	const char *hash = hashcache_get(b, name, &src, 1);
	long long gz;

	if (!hash || strlen(hash) != 64 ||
	    file_size(fs_join(b->ctx, out, hash)) != (long long)a->len)
		return false;
	a->hash = hash;
	if (bake_compressible(a->content_type)) {
		if ((gz = file_size(ctx_printf(b->ctx, "%s/%s.gz", out, hash))) < 0)
			return false;
		a->gzip_len = (uint64_t)gz < a->len ? (uint64_t)gz : 0;
	}
	hashcache_put(b, name, hash);
	return true;
}

/* One file: its hash and type, its bytes and gzip variant under out/. */
static enum uk_exit bake_file(struct build *b, struct build_asset *a, char *src, const char *out)
{
	const char *name = ctx_printf(b->ctx, "asset %s", a->key);
	struct sha256 s;
	uint8_t *data, d[32];
	char hex[65];
	const char *path;
	enum uk_exit rc;

	a->content_type = bake_content_type(a->key);
	if (baked_before(b, a, name, src, out))
		return UK_EXIT_OK;
	if ((rc = read_file(b, src, a->len, &data)) != UK_EXIT_OK)
		return rc;
	sha256_init(&s);
	sha256_update(&s, data, (size_t)a->len);
	sha256_final(&s, d);
	sha256_hex(d, hex);
	a->hash = ctx_strdup(b->ctx, hex);
	path = fs_join(b->ctx, out, a->hash);
	if (file_size(path) != (long long)a->len)
		rc = build_write(b, path, (const char *)data, (size_t)a->len);
	if (rc == UK_EXIT_OK && bake_compressible(a->content_type))
		rc = gzip_variant(b, a, data, out);
	free(data);
	if (rc == UK_EXIT_OK)
		hashcache_put(b, name, a->hash);
	return rc;
}

static int cmp_hash(const void *x, const void *y)
{
	return strcmp((*(const struct build_asset *const *)x)->hash,
		      (*(const struct build_asset *const *)y)->hash);
}

/* The bytes the image holds (each content once, as generate writes them)
 * and the files of out/ that are still wanted; the rest are removed. */
static enum uk_exit count_and_prune(struct build *b, const char *out)
{
	struct uk_ctx *ctx = b->ctx;
	const struct build_asset **by_hash = ctx_alloc(ctx, (b->nassets + 1) * sizeof(*by_hash));
	char **names;
	size_t i, n;

	for (i = 0; i < b->nassets; i++)
		by_hash[i] = &b->assets[i];
	if (b->nassets)
		qsort(by_hash, b->nassets, sizeof(*by_hash), cmp_hash);
	for (i = 0; i < b->nassets; i++) {
		if (i && !strcmp(by_hash[i]->hash, by_hash[i - 1]->hash))
			continue;
		b->assets_bytes += by_hash[i]->len;
		b->assets_gzip_bytes += by_hash[i]->gzip_len;
	}
	if (over_limit(b, b->assets_bytes + b->assets_gzip_bytes, " with their gzip variants"))
		return UK_EXIT_INPUT;
	if (fs_list_dir(ctx, out, &names, &n) != 0)
		return UK_EXIT_OK;
	for (i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		struct build_asset key = {.hash = ctx_strndup(ctx, names[i], 64)};
		const struct build_asset *kp = &key;
		bool known = len == 64 || (len == 67 && !strcmp(names[i] + 64, ".gz"));

		if (!known || !b->nassets ||
		    !bsearch(&kp, by_hash, b->nassets, sizeof(*by_hash), cmp_hash))
			unlink(fs_join(ctx, out, names[i]));
	}
	return UK_EXIT_OK;
}

enum uk_exit bake_run(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	const char *dir, *out = fs_join(ctx, b->dir, BAKE_DIR);
	char **rel;
	size_t n, i;
	enum uk_exit rc;

	b->assets = NULL;
	b->nassets = 0;
	b->assets_bytes = b->assets_gzip_bytes = 0;
	if (!bake_wanted(b) || !b->m->assets) {
		fs_rm_rf(out);
		return UK_EXIT_OK;
	}
	dir = fs_join(ctx, b->m->dir, b->m->assets);
	if (holds_build_dir(b, dir))
		return UK_EXIT_INPUT;
	if ((rc = list_files(b, dir, &rel, &n)) != UK_EXIT_OK)
		return rc;
	if (fs_mkdir_p(ctx, out) != 0)
		return UK_EXIT_IO;
	for (i = 0; i < n; i++) {
		if ((rc = bake_file(b, &b->assets[i], fs_join(ctx, dir, rel[i]), out)) !=
		    UK_EXIT_OK)
			return rc;
		b->nassets++;
	}
	return count_and_prune(b, out);
}
