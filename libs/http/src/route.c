/* Dynamic routes: method and path prefix to a handler, the longest prefix
 * first; 405 (with Allow) for a path routed for other methods, 501 for a
 * method nothing knows. */
#include <errno.h>
#include <string.h>

#include "http.h"

struct route {
	struct http_server *srv;
	const char *method;
	const char *prefix;
	size_t plen;
	http_handler_fn fn;
	void *arg;
};

static struct route routes[CONFIG_HTTP_MAX_ROUTES];

/* The methods of RFC 9110 9.3 and RFC 5789: others are 501 unless routed. */
static const char *const standard[] = {"GET",	  "HEAD",    "POST",  "PUT",  "DELETE",
				       "CONNECT", "OPTIONS", "TRACE", "PATCH"};

int http_route(struct http_server *s, const char *method, const char *prefix, http_handler_fn fn,
	       void *arg)
{
	struct route *free_slot = NULL;
	const char *p;
	unsigned i;

	if (!s || !fn || !method || !*method || !prefix || prefix[0] != '/')
		return -EINVAL;
	for (p = method; *p; p++)
		if (!http_is_tchar((unsigned char)*p))
			return -EINVAL;
	for (i = 0; i < CONFIG_HTTP_MAX_ROUTES; i++) {
		struct route *rt = &routes[i];

		if (!rt->srv) {
			if (!free_slot)
				free_slot = rt;
		} else if (rt->srv == s && !strcmp(rt->method, method) &&
			   !strcmp(rt->prefix, prefix)) {
			return -EEXIST;
		}
	}
	if (!free_slot)
		return -ENOSPC;
	*free_slot = (struct route){s, method, prefix, strlen(prefix), fn, arg};
	return 0;
}

void http_route_clear(struct http_server *s)
{
	unsigned i;

	for (i = 0; i < CONFIG_HTTP_MAX_ROUTES; i++)
		if (routes[i].srv == s)
			memset(&routes[i], 0, sizeof(routes[i]));
}

static bool prefix_matches(const struct route *rt, const char *path, size_t len)
{
	if (len < rt->plen || memcmp(path, rt->prefix, rt->plen))
		return false;
	return rt->prefix[rt->plen - 1] == '/' || len == rt->plen || path[rt->plen] == '/';
}

static bool known_method(struct http_server *s, const char *m)
{
	unsigned i;

	for (i = 0; i < sizeof(standard) / sizeof(standard[0]); i++)
		if (!strcmp(standard[i], m))
			return true;
	for (i = 0; i < CONFIG_HTTP_MAX_ROUTES; i++)
		if (routes[i].srv == s && !strcmp(routes[i].method, m))
			return true;
	return false;
}

/* Adds m to the Allow list in buf unless it is there. */
static void allow_add(char *buf, size_t cap, const char *m)
{
	size_t n = strlen(buf), k = strlen(m);
	const char *p = buf;

	while ((p = strstr(p, m))) {
		if ((p == buf || p[-1] == ' ') && (p[k] == ',' || !p[k]))
			return;
		p += k;
	}
	if (n + k + 3 > cap)
		return;
	if (n) {
		memcpy(buf + n, ", ", 2);
		n += 2;
	}
	memcpy(buf + n, m, k + 1);
}

static void not_allowed(struct http_server *s, struct http_request *r)
{
	char allow[256] = "GET, HEAD";
	unsigned i;

	for (i = 0; i < CONFIG_HTTP_MAX_ROUTES; i++)
		if (routes[i].srv == s && prefix_matches(&routes[i], r->path, r->path_len))
			allow_add(allow, sizeof(allow), routes[i].method);
	http_add_header(r, "Allow", allow);
	http_error(r, 405);
}

bool http_route_dispatch(struct http_server *s, struct http_request *r)
{
	const struct route *best = NULL;
	size_t best_score = 0;
	unsigned i;

	for (i = 0; i < CONFIG_HTTP_MAX_ROUTES; i++) {
		const struct route *rt = &routes[i];
		bool exact;
		size_t score;

		if (rt->srv != s || !prefix_matches(rt, r->path, r->path_len))
			continue;
		exact = !strcmp(rt->method, r->method);
		if (!exact && !(r->head && !strcmp(rt->method, "GET")))
			continue;
		score = rt->plen * 2 + exact;
		if (score > best_score) {
			best = rt;
			best_score = score;
		}
	}
	if (best) {
		best->fn(r, best->arg);
		return true;
	}
	if (!known_method(s, r->method)) {
		http_error(r, 501);
		return true;
	}
	if (!strcmp(r->method, "GET") || r->head)
		return false;
	not_allowed(s, r);
	return true;
}
