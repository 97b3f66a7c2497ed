/* httpprobe SECONDS: the http tests' server (test/e2e/http-*.sh) on port
 * 80: the files of site/ and these routes:
 *   GET /stream/N        N bytes of the stream s_byte() makes (xorshift32
 *                        from seed 1, low byte) with a Content-Length;
 *                        /stream/N?chunked: the same, length unknown
 *   POST /echo           the request's body back
 *   GET /header/NAME     the value of the request's header NAME (404: none)
 *   GET /counters        the counters (as below), for a test to read midway
 *   GET /stop            ends the server once its connections are gone
 * It ends after /stop (status 0) or SECONDS (3), printing every http and
 * alloc counter as module.name=value lines, http.in_pool= (connections in
 * the pool) and tcp.in_use= (tcp's). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <alloc/alloc.h>
#include <http/http.h>
#include <ipv4/ipv4.h>
#include <sched/sched.h>

static struct http_server srv;
static bool stop;

/* ---- the stream ---- */

/* One streamed response: where the stream is, and the bytes made but not
 * yet taken. A slot is free when left is 0; a response whose connection
 * ended midway keeps its slot (the pool is large for that). */
struct stream {
	uint32_t xs;
	uint64_t left; /* bytes still to make */
	uint8_t buf[2048];
	size_t len, off;
	bool busy;
};
static struct stream streams[64];

static bool produce(struct http_request *r, void *arg)
{
	struct stream *s = arg;

	for (;;) {
		long k;

		if (s->off == s->len) {
			size_t i;

			if (!s->left) {
				s->busy = false;
				return true;
			}
			s->len = s->left < sizeof(s->buf) ? (size_t)s->left : sizeof(s->buf);
			for (i = 0; i < s->len; i++) {
				s->xs ^= s->xs << 13;
				s->xs ^= s->xs >> 17;
				s->xs ^= s->xs << 5;
				s->buf[i] = (uint8_t)s->xs;
			}
			s->left -= s->len;
			s->off = 0;
		}
		k = http_write(r, s->buf + s->off, s->len - s->off);
		if (k <= 0)
			return false;
		s->off += (size_t)k;
	}
}

static void stream(struct http_request *r, void *arg)
{
	const char *n = r->path + strlen("/stream/");
	struct stream *s = NULL;
	uint64_t len;
	char *end;
	size_t i;

	(void)arg;
	len = strtoull(n, &end, 10);
	if (r->path_len <= strlen("/stream/") || *end) {
		http_error(r, 404);
		return;
	}
	for (i = 0; i < sizeof(streams) / sizeof(streams[0]) && !s; i++)
		if (!streams[i].busy)
			s = &streams[i];
	if (!s) {
		http_error(r, 503);
		return;
	}
	*s = (struct stream){.xs = 1, .left = len, .busy = true};
	http_stream(r, 200, "application/octet-stream",
		    strcmp(r->query, "chunked") ? (int64_t)len : -1, produce, s);
}

/* ---- echo, headers ---- */

static void echo(struct http_request *r, void *arg)
{
	(void)arg;
	http_respond_static(r, 200, "application/octet-stream", r->body, r->body_len);
}

static void header(struct http_request *r, void *arg)
{
	const char *v = http_header(r, r->path + strlen("/header/"));

	(void)arg;
	if (!v) {
		http_error(r, 404);
		return;
	}
	http_respond(r, 200, "text/plain", v, strlen(v));
}

/* ---- counters, stop ---- */

static char report_buf[4096];
static size_t report_len;

static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	int n;

	(void)arg;
	n = snprintf(report_buf + report_len, sizeof(report_buf) - report_len, "%s.%s%s%s=%llu\n",
		     module, name, element ? "." : "", element ? element : "",
		     (unsigned long long)value);
	if (n > 0 && (size_t)n < sizeof(report_buf) - report_len)
		report_len += (size_t)n;
}

static void report(void)
{
	struct http_stats hs;
	struct alloc_stats as;

	report_len = 0;
	http_server_stats(&srv, &hs);
	alloc_stats(&as);
	uk_counters_each(&http_counter_table, &hs, show, NULL);
	uk_counters_each(&alloc_counter_table, &as, show, NULL);
	report_len += (size_t)snprintf(report_buf + report_len, sizeof(report_buf) - report_len,
				       "http.in_pool=%u\ntcp.in_use=%u\n", http_conn_count(),
				       tcp_conn_count());
}

static void counters(struct http_request *r, void *arg)
{
	(void)arg;
	report();
	http_respond_static(r, 200, "text/plain", report_buf, report_len);
}

static void stop_route(struct http_request *r, void *arg)
{
	(void)arg;
	http_respond(r, 200, "text/plain", "bye\n", 4);
	stop = true;
}

int main(int argc, char **argv)
{
	uint64_t deadline, drain;
	bool ok;
	int r;

	deadline = sched_now_ns() + (argc > 1 ? strtoull(argv[1], NULL, 10) : 60) * SCHED_NS_PER_S;
	if (http_route(&srv, "GET", "/stream/", stream, NULL) ||
	    http_route(&srv, "POST", "/echo", echo, NULL) ||
	    http_route(&srv, "GET", "/header/", header, NULL) ||
	    http_route(&srv, "GET", "/counters", counters, NULL) ||
	    http_route(&srv, "GET", "/stop", stop_route, NULL)) {
		printf("httpprobe: cannot add the routes\n");
		return 1;
	}
	r = http_server_start(&srv, IPV4_ANY, 80);
	if (r < 0) {
		printf("httpprobe: listen: %d\n", r);
		return 1;
	}
	printf("httpprobe: serving on port 80\n");
	fflush(stdout);
	ok = sched_run(&stop, deadline);
	/* let the last connections end (the one of /stop among them), tcp's
	 * closes included, so that the heap is back to empty */
	drain = sched_now_ns() + 5 * SCHED_NS_PER_S;
	while ((http_conn_count() > 0 || tcp_conn_count() > 0) && sched_now_ns() < drain)
		sched_run_for(10 * SCHED_NS_PER_MS);
	report();
	fwrite(report_buf, 1, report_len, stdout);
	return ok ? 0 : 3;
}
