/* Request targets (RFC 9112 3.2) to the path looked up: percent-decoded,
 * then dot segments removed (RFC 3986 5.2.4) so that nothing reaches above
 * "/", whatever was encoded. */
#include <string.h>
#include <strings.h>

#include "http.h"

/* The path part of absolute-form ("http://host/p?q"): where it starts in
 * target (at the '/' or '?' after the authority, or the end); NULL for
 * anything but origin-form and http(s) absolute-form. */
static const char *path_start(const char *t, const char *end)
{
	size_t skip;

	if (t < end && *t == '/')
		return t;
	if (end - t >= 7 && !strncasecmp(t, "http://", 7))
		skip = 7;
	else if (end - t >= 8 && !strncasecmp(t, "https://", 8))
		skip = 8;
	else
		return NULL;
	for (t += skip; t < end && *t != '/' && *t != '?'; t++)
		;
	return t;
}

/* Decodes raw[0..n) into out; 0 or 400. Encoded '/' becomes a separator:
 * dot-segment removal runs after decoding, so "%2e%2e%2f" cannot climb. */
static int decode(const char *raw, size_t n, char *out, size_t *out_len)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= n)
				return 400;
			hi = http_hex(raw[i + 1]);
			lo = http_hex(raw[i + 2]);
			if (hi < 0 || lo < 0)
				return 400;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
		}
		if (c < 0x20 || c == 0x7f || c == '\\')
			return 400; /* NUL and control characters, backslash */
		out[w++] = (char)c;
	}
	*out_len = w;
	return 0;
}

/* Removes dot segments and empty segments of the decoded path p[0..n)
 * (starting with '/') in place; returns the new length. */
static size_t normalise(char *p, size_t n)
{
	size_t r = 1, w = 1, last = n, e;
	bool slash_end;

	while (last > 0 && p[last - 1] != '/')
		last--;
	/* a path ending in "/", "/." or "/.." names a folder */
	slash_end = last == n || (n - last == 1 && p[last] == '.') ||
		    (n - last == 2 && p[last] == '.' && p[last + 1] == '.');
	while (r < n) {
		const char *s = p + r;
		size_t len;

		for (e = r; e < n && p[e] != '/'; e++)
			;
		len = e - r;
		if (len == 2 && s[0] == '.' && s[1] == '.') {
			if (w > 1) {
				w--;
				while (w > 1 && p[w - 1] != '/')
					w--;
			}
		} else if (len && !(len == 1 && s[0] == '.')) {
			memmove(p + w, s, len);
			w += len;
			p[w++] = '/';
		}
		r = e + 1;
	}
	if (!slash_end && w > 1)
		w--;
	return w;
}

int http_target_path(const char *target, size_t len, char *out, size_t cap, size_t *out_len,
		     const char **query)
{
	const char *end = target + len, *p = path_start(target, end), *q;
	size_t n;
	int r;

	if (!p || memchr(target, '#', len))
		return 400;
	q = memchr(p, '?', (size_t)(end - p));
	*query = q ? q + 1 : end;
	if (!q)
		q = end;
	if ((size_t)(q - p) + 2 > cap)
		return 414;
	if (p == q || *p != '/') {
		out[0] = '/'; /* "http://host" and "http://host?q" name "/" */
		n = 1;
	} else if ((r = decode(p, (size_t)(q - p), out, &n))) {
		return r;
	}
	n = normalise(out, n);
	out[n] = 0;
	*out_len = n;
	return 0;
}
