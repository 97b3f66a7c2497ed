/* Lookups in the table uk build generated: keys sorted by strcmp, so a
 * binary search finds a key and the first key of a folder. */
#include <assets/assets.h>

/* key against the len bytes of p (and, when slash, one more '/'), in
 * strcmp's order: bytes as unsigned, a key that ends first is smaller. */
static int key_cmp(const char *key, const char *p, size_t len, bool slash)
{
	size_t n = len + (slash ? 1 : 0), i;

	for (i = 0; i < n; i++) {
		unsigned char k = (unsigned char)key[i];
		unsigned char c = i < len ? (unsigned char)p[i] : '/';

		if (!k)
			return -1;
		if (k != c)
			return k < c ? -1 : 1;
	}
	return key[n] ? 1 : 0;
}

/* True when key starts with the len bytes of p (and, when slash, '/'). */
static bool has_prefix(const char *key, const char *p, size_t len, bool slash)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!key[i] || key[i] != p[i])
			return false;
	return !slash || key[len] == '/';
}

/* The index of the first key not smaller than p (+ '/'), or the count. */
static size_t lower_bound(const char *p, size_t len, bool slash)
{
	size_t lo = 0, hi = uk_assets_table_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (key_cmp(uk_assets_table[mid].path, p, len, slash) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct assets_file *assets_find(const char *path, size_t len)
{
	size_t i;

	if (!path)
		return NULL;
	i = lower_bound(path, len, false);
	if (i < uk_assets_table_count && key_cmp(uk_assets_table[i].path, path, len, false) == 0)
		return &uk_assets_table[i];
	return NULL;
}

bool assets_is_dir(const char *path, size_t len)
{
	bool slash;
	size_t i;

	if (!path || !len)
		return false;
	slash = path[len - 1] != '/';
	i = lower_bound(path, len, slash);
	/* The keys that start with the prefix follow it: the first key not
	 * below it starts with it, or none does. */
	return i < uk_assets_table_count && has_prefix(uk_assets_table[i].path, path, len, slash);
}

size_t assets_count(void)
{
	return uk_assets_table_count;
}

const struct assets_file *assets_at(size_t i)
{
	return i < uk_assets_table_count ? &uk_assets_table[i] : NULL;
}
