/* hashcache: digests remembered against file metadata (hashcache.h). The
 * stamp's value is one line per entry: "<signature> <digest> <name>". */
#include "hashcache.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fsutil.h"
#include "sha256.h"
#include "stamp.h"
#include "strbuf.h"

#define HASHCACHE_STAMP "hashes"
#define HASHCACHE_KEY	"file digests 1"

struct hashcache_entry {
	const char *name, *sig, *digest;
	long long newest_sec, newest_nsec; /* the latest change of its files */
	bool used, racy;
};

/* Entries in an open-addressed table by name: an app may have 65,536
 * assets. */
struct hashcache {
	struct hashcache_entry *e;
	size_t n;
	size_t *slot, nslots; /* index + 1 into e; 0 is empty */
	bool clock_known;
	long long t0_sec, t0_nsec; /* the file system's time before any read */
};

static size_t name_hash(const char *name)
{
	size_t h = 14695981039346656037ull;

	for (; *name; name++)
		h = (h ^ (unsigned char)*name) * 1099511628211ull;
	return h;
}

static struct hashcache_entry *find(struct hashcache *hc, const char *name)
{
	size_t i;

	if (!hc->nslots)
		return NULL;
	for (i = name_hash(name) & (hc->nslots - 1); hc->slot[i]; i = (i + 1) & (hc->nslots - 1))
		if (!strcmp(hc->e[hc->slot[i] - 1].name, name))
			return &hc->e[hc->slot[i] - 1];
	return NULL;
}

/* A new entry for name, which has none: the table is kept at most half
 * full, so a probe ends. */
static struct hashcache_entry *add(struct uk_ctx *ctx, struct hashcache *hc, const char *name)
{
	size_t i, j;

	if (2 * (hc->n + 1) > hc->nslots) {
		hc->nslots = hc->nslots ? 2 * hc->nslots : 64;
		hc->slot = ctx_alloc(ctx, hc->nslots * sizeof(*hc->slot));
		for (j = 0; j < hc->n; j++) {
			for (i = name_hash(hc->e[j].name) & (hc->nslots - 1); hc->slot[i];
			     i = (i + 1) & (hc->nslots - 1))
				;
			hc->slot[i] = j + 1;
		}
	}
	CTX_PUSH(ctx, hc->e, hc->n)->name = name;
	for (i = name_hash(name) & (hc->nslots - 1); hc->slot[i]; i = (i + 1) & (hc->nslots - 1))
		;
	hc->slot[i] = hc->n;
	return &hc->e[hc->n - 1];
}

static struct hashcache *load(struct build *b)
{
	struct uk_ctx *ctx = b->ctx;
	struct hashcache *hc = ctx_alloc(ctx, sizeof(*hc));
	const char *text = stamp_get(b, HASHCACHE_STAMP, HASHCACHE_KEY), *p;

	for (p = text; p && *p;) {
		const char *eol = strchr(p, '\n');
		char *line = ctx_strndup(ctx, p, eol ? (size_t)(eol - p) : strlen(p));
		char *sp1 = strchr(line, ' '), *sp2 = sp1 ? strchr(sp1 + 1, ' ') : NULL;
		struct hashcache_entry *e;

		p = eol ? eol + 1 : p + strlen(p);
		if (!sp2 || sp2 == sp1 + 1 || !sp2[1] || find(hc, sp2 + 1))
			continue; /* damaged: a miss */
		*sp1 = *sp2 = 0;
		e = add(ctx, hc, sp2 + 1);
		e->sig = line;
		e->digest = sp1 + 1;
	}
	b->hashes = hc;
	return hc;
}

static bool later(long long s1, long long ns1, long long s2, long long ns2)
{
	return s1 > s2 || (s1 == s2 && ns1 > ns2);
}

/* The signature of paths: a hash of each one's path and metadata; NULL
 * when one cannot be stat'ed (then its reader reports it). */
static const char *signature(struct build *b, char *const *paths, size_t n,
			     struct hashcache_entry *e)
{
	struct sha256 s;
	uint8_t d[32];
	char hex[65];
	size_t i;

	e->newest_sec = e->newest_nsec = 0;
	sha256_init(&s);
	for (i = 0; i < n; i++) {
		struct stat st;
		const char *line;

		if (stat(paths[i], &st) != 0)
			return NULL;
		line = ctx_printf(b->ctx, "%zu:%s %llu %llu %lld %lld.%ld %lld.%ld\n",
				  strlen(paths[i]), paths[i], (unsigned long long)st.st_dev,
				  (unsigned long long)st.st_ino, (long long)st.st_size,
				  (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
				  (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
		sha256_update(&s, line, strlen(line));
		if (later(st.st_mtim.tv_sec, st.st_mtim.tv_nsec, e->newest_sec, e->newest_nsec))
			e->newest_sec = st.st_mtim.tv_sec, e->newest_nsec = st.st_mtim.tv_nsec;
		if (later(st.st_ctim.tv_sec, st.st_ctim.tv_nsec, e->newest_sec, e->newest_nsec))
			e->newest_sec = st.st_ctim.tv_sec, e->newest_nsec = st.st_ctim.tv_nsec;
	}
	sha256_final(&s, d);
	sha256_hex(d, hex);
	return ctx_strdup(b->ctx, hex);
}

/* The file system's time now, as it stamps files: the change time of a
 * file written for it. False when it cannot be known (nothing is kept). */
static bool fs_clock(struct build *b, struct hashcache *hc)
{
	const char *path = fs_join(b->ctx, stamp_dir(b), "clock");
	struct stat st;
	int fd;
	bool ok;

	if (hc->clock_known)
		return true;
	if (fs_mkdir_p(b->ctx, stamp_dir(b)) != 0)
		return false;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	ok = write(fd, "\n", 1) == 1 && fstat(fd, &st) == 0;
	close(fd);
	if (ok) {
		hc->t0_sec = st.st_ctim.tv_sec;
		hc->t0_nsec = st.st_ctim.tv_nsec;
		hc->clock_known = true;
	}
	return ok;
}

const char *hashcache_get(struct build *b, const char *name, char *const *paths, size_t n)
{
	struct hashcache *hc = b->hashes ? b->hashes : load(b);
	struct hashcache_entry *e = find(hc, name), now;
	const char *sig = signature(b, paths, n, &now);

	if (e && sig && !strcmp(e->sig, sig) && !e->racy) {
		e->used = true;
		return e->digest;
	}
	/* A miss: the files are read next. Their metadata is taken again
	 * after the clock, so that a change during the read shows. */
	if (!e)
		e = add(b->ctx, hc, ctx_strdup(b->ctx, name));
	e->used = false;
	e->digest = NULL;
	e->racy = true;
	if (!fs_clock(b, hc) || !(e->sig = signature(b, paths, n, e)))
		return NULL;
	e->racy = !later(hc->t0_sec, hc->t0_nsec, e->newest_sec, e->newest_nsec);
	return NULL;
}

void hashcache_put(struct build *b, const char *name, const char *digest)
{
	struct hashcache_entry *e = b->hashes ? find(b->hashes, name) : NULL;

	if (!e || e->racy || !e->sig || strpbrk(digest, " \n") || strchr(name, '\n'))
		return;
	e->digest = ctx_strdup(b->ctx, digest);
	e->used = true;
}

static int cmp_name(const void *x, const void *y)
{
	return strcmp((*(const struct hashcache_entry *const *)x)->name,
		      (*(const struct hashcache_entry *const *)y)->name);
}

enum uk_exit hashcache_save(struct build *b)
{
	struct hashcache *hc = b->hashes;
	struct uk_ctx *ctx = b->ctx;
	const struct hashcache_entry **keep;
	struct strbuf sb;
	size_t i, n = 0;

	if (!hc)
		return UK_EXIT_OK;
	keep = ctx_alloc(ctx, (hc->n + 1) * sizeof(*keep));
	for (i = 0; i < hc->n; i++)
		if (hc->e[i].used && hc->e[i].digest)
			keep[n++] = &hc->e[i];
	/* Sorted by name, so that the same entries give the same file. */
	if (n)
		qsort(keep, n, sizeof(*keep), cmp_name);
	strbuf_init(&sb, ctx);
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s %s %s\n", keep[i]->sig, keep[i]->digest, keep[i]->name);
	return stamp_put(b, HASHCACHE_STAMP, HASHCACHE_KEY, sb.len ? sb.s : "");
}
