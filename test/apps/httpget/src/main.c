/* httpget ADDR PORT PATH...: requests each path in order from ADDR:PORT
 * (GET; HEAD for a path written "HEAD:/path") with the http client, on one
 * kept-alive connection while the server keeps it. Each body goes to
 * stdout as it arrives, byte for byte; on stderr (fd 2), a line per
 * response "httpget: GET /path status=200 length=N chunked=0 bytes=N"
 * (length: the Content-Length, -1 when none), then
 * "connections=N" and the client's counters as http_client.name=value.
 * Exits 0 when every response came whole (whatever its status), 1 on an
 * error, 2 on bad arguments, 3 after 60 s. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hosted/syscall.h>
#include <http/client.h>
#include <ipv4/ipv4.h>
#include <sched/sched.h>

static char **paths;
static int npaths, next;
static bool done, failed;
static unsigned long long got;
static int status;
static long long length;
static bool chunked;

static void err_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void err_line(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 1)
		n = (int)sizeof(line) - 1;
	sys_write_all(2, line, n > 0 ? (unsigned long)n : 0);
}

static void on_head(struct http_client *c, const struct http_response *r, void *arg)
{
	(void)c;
	(void)arg;
	const char *cl = http_response_header(r, "Content-Length");

	status = r->status;
	length = cl ? strtoll(cl, NULL, 10) : -1;
	chunked = r->chunked;
}

static void on_body(struct http_client *c, const void *d, size_t n, void *arg)
{
	(void)c;
	(void)arg;
	fwrite(d, 1, n, stdout);
	got += n;
}

static void start(struct http_client *c);

static void on_done(struct http_client *c, int error, void *arg)
{
	const char *p = paths[next];

	(void)arg;
	fflush(stdout);
	if (error) {
		err_line("httpget: %s failed: error %d\n", p, error);
		failed = done = true;
		return;
	}
	err_line("httpget: %s %s status=%d length=%lld chunked=%d bytes=%llu\n",
		 strncmp(p, "HEAD:", 5) ? "GET" : "HEAD", strncmp(p, "HEAD:", 5) ? p : p + 5,
		 status, length, chunked, got);
	next++;
	start(c);
}

static const struct http_client_cbs cbs = {on_head, on_body, on_done};

static void start(struct http_client *c)
{
	const char *p;
	int r;

	if (next == npaths) {
		done = true;
		return;
	}
	p = paths[next];
	got = 0;
	chunked = false;
	status = 0;
	length = -1;
	r = http_client_request(c, strncmp(p, "HEAD:", 5) ? "GET" : "HEAD",
				strncmp(p, "HEAD:", 5) ? p : p + 5, &cbs, NULL);
	if (r) {
		err_line("httpget: %s: request error %d\n", p, r);
		failed = done = true;
	}
}

static bool parse_addr(const char *s, uint32_t *out)
{
	unsigned long v = 0, part;
	int i;
	char *e;

	for (i = 0; i < 4; i++) {
		part = strtoul(s, &e, 10);
		if (e == s || part > 255 || (i < 3 && *e != '.') || (i == 3 && *e))
			return false;
		v = v << 8 | part;
		s = e + 1;
	}
	*out = (uint32_t)v;
	return true;
}

static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	(void)arg;
	err_line("%s.%s%s%s=%llu\n", module, name, element ? "." : "", element ? element : "",
		 (unsigned long long)value);
}

int main(int argc, char **argv)
{
	struct http_client *c;
	struct http_client_stats st;
	unsigned long port;
	uint32_t addr;
	int r;

	if (argc < 4 || !parse_addr(argv[1], &addr) || !(port = strtoul(argv[2], NULL, 10)) ||
	    port > 65535) {
		err_line("usage: httpget ADDR PORT PATH...\n");
		return 2;
	}
	paths = argv + 3;
	npaths = argc - 3;
	if ((r = http_client_open(&c, addr, (uint16_t)port, NULL))) {
		err_line("httpget: open: error %d\n", r);
		return 1;
	}
	start(c);
	if (!sched_run(&done, sched_now_ns() + 60 * SCHED_NS_PER_S)) {
		err_line("httpget: timed out at %s\n", next < npaths ? paths[next] : "the end");
		failed = true;
		r = 3;
	}
	err_line("connections=%lu\n", http_client_connections(c));
	http_client_close(c);
	http_client_stats(&st);
	uk_counters_each(&http_client_counter_table, &st, show, NULL);
	return r ? r : failed ? 1 : 0;
}
