/* Static files from the assets store: index.html for folders, redirects
 * to the folder's slash, the gzip variant by Accept-Encoding, ETag and
 * If-None-Match, single ranges, and the store's /404.html. */
#include <stdio.h>
#include <string.h>

#include <assets/assets.h>

#include "http.h"

/* The configured Cache-Control, or NULL for none (empty, or not valid
 * field text). */
static const char *cache_control(void)
{
	static const char cc[] = CONFIG_HTTP_CACHE_CONTROL;
	size_t i;

	if (!cc[0])
		return NULL;
	for (i = 0; cc[i]; i++)
		if ((unsigned char)cc[i] < 0x20 || cc[i] == 0x7f)
			return NULL;
	return cc;
}

int http_static_not_found(struct http_request *r)
{
	static const char text[] = "404 Not Found\n";
	const struct assets_file *f = assets_find("/404.html", 9);

	if (f)
		return http_respond_static(r, 404, f->content_type, f->data, f->len);
	return http_respond(r, 404, "text/plain; charset=utf-8", text, sizeof(text) - 1);
}

static bool keep_in_url(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c && strchr("-._~!$&'()*+,;=:@/", c));
}

/* 301 from "/dir" to "/dir/" (the path encoded again, the query kept). */
static void to_folder(struct http_request *r)
{
	char loc[CONFIG_HTTP_RESPONSE_HEADERS / 2];
	size_t i, n = 0, q = strlen(r->query);

	for (i = 0; i < r->path_len && n + 4 < sizeof(loc); i++) {
		unsigned char c = (unsigned char)r->path[i];

		if (keep_in_url(c))
			loc[n++] = (char)c;
		else
			n += (size_t)snprintf(loc + n, 4, "%%%02X", c);
	}
	if (i < r->path_len || n + 2 + q + 1 > sizeof(loc)) {
		http_error(r, 414);
		return;
	}
	loc[n++] = '/';
	if (q) {
		loc[n++] = '?';
		memcpy(loc + n, r->query, q);
		n += q;
	}
	loc[n] = 0;
	if (http_add_header(r, "Location", loc)) {
		http_error(r, 414);
		return;
	}
	http_error(r, 301);
}

/* The entity tag of the gzip variant: the file's with "-gz" inside the
 * quotes (strong tags differ between representations). */
static const char *variant_etag(const char *etag, bool gz, char *buf, size_t cap)
{
	size_t n;

	if (!etag || !gz)
		return etag;
	n = strlen(etag);
	if (n < 2 || etag[n - 1] != '"' || n + 3 >= cap)
		return NULL;
	memcpy(buf, etag, n - 1);
	memcpy(buf + n - 1, "-gz\"", 5);
	return buf;
}

static void serve_range(struct http_request *r, const struct assets_file *f, const uint8_t *data,
			size_t len, const char *etag)
{
	const char *range = http_header(r, "Range"), *if_range = http_header(r, "If-Range");
	uint64_t first, last;
	char cr[64];
	int k = 0;

	/* If-Range with another tag (or a date: we have none): the whole */
	if (range && !r->head && (!if_range || (etag && !strcmp(if_range, etag))))
		k = http_range(range, len, &first, &last);
	if (k > 0) {
		snprintf(cr, sizeof(cr), "bytes %llu-%llu/%zu", (unsigned long long)first,
			 (unsigned long long)last, len);
		http_add_header(r, "Content-Range", cr);
		http_respond_static(r, 206, f->content_type, data + first,
				    (size_t)(last - first + 1));
	} else if (k < 0) {
		snprintf(cr, sizeof(cr), "bytes */%zu", len);
		http_add_header(r, "Content-Range", cr);
		http_error(r, 416);
	} else {
		http_respond_static(r, 200, f->content_type, data, len);
	}
}

static void serve_file(struct http_request *r, const struct assets_file *f)
{
	bool gz = f->gzip && http_accepts_gzip(http_header(r, "Accept-Encoding"));
	const uint8_t *data = gz ? f->gzip : f->data;
	size_t len = gz ? f->gzip_len : f->len;
	const char *cc = cache_control(), *etag;
	char tag[160];

	etag = variant_etag(f->etag, gz, tag, sizeof(tag));
	if (etag)
		http_add_header(r, "ETag", etag);
	if (cc)
		http_add_header(r, "Cache-Control", cc);
	if (f->gzip)
		http_add_header(r, "Vary", "Accept-Encoding");
	if (etag && http_etag_match(http_header(r, "If-None-Match"), etag)) {
		http_respond_static(r, 304, NULL, NULL, 0);
		return;
	}
	if (gz) {
		http_add_header(r, "Content-Encoding", "gzip");
		r->conn->srv->stats.gzip++;
	}
	http_add_header(r, "Accept-Ranges", "bytes");
	serve_range(r, f, data, len, etag);
}

void http_static_serve(struct http_request *r)
{
	struct http_conn *h = r->conn;
	const struct assets_file *f;
	size_t n = r->path_len;

	if (strcmp(r->method, "GET") && !r->head) {
		http_add_header(r, "Allow", "GET, HEAD");
		http_error(r, 405);
		return;
	}
	if (h->path[n - 1] == '/') {
		/* the path buffer has room for it (HTTP_PATH_CAP) */
		memcpy(h->path + n, "index.html", 11);
		f = assets_find(h->path, n + 10);
		h->path[n] = 0;
	} else {
		f = assets_find(h->path, n);
		if (!f && assets_is_dir(h->path, n)) {
			to_folder(r);
			return;
		}
	}
	if (!f) {
		http_static_not_found(r);
		return;
	}
	serve_file(r, f);
}
