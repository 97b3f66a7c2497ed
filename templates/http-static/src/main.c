/* A static website: the files of site/, baked into the image at build
 * time, served over HTTP/1.1 on port 80. It serves until it is stopped,
 * or, when given a count (uk run -- 10), until that many requests were
 * answered and their connections have ended.
 *
 * Try it on hosted (as root; the image creates the TAP uk0):
 *     uk run &
 *     ip addr add 10.0.0.1/24 dev uk0
 *     curl http://10.0.0.2/
 * or on real Xen, from a browser on this machine:
 *     uk run --target xen/x86_64 --rig --forward 8080:80
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <assets/assets.h>
#include <http/http.h>
#include <ipv4/ipv4.h>
#include <sched/sched.h>

#define HTTP_PORT 80
/* How long the last connections may take to end after the count is
 * reached, before the server stops anyway. */
#define DRAIN_NS (5 * 1000000000ull)

static struct http_server site;

int main(int argc, char **argv)
{
	unsigned long limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
	struct http_stats st;
	struct ipv4_config cfg;
	char addr[IPV4_STRLEN];
	uint64_t drain_end;
	int r;

	r = http_server_start(&site, IPV4_ANY, HTTP_PORT);
	if (r < 0) {
		printf("http-static: cannot listen on port %d: %s\n", HTTP_PORT, strerror(-r));
		return 1;
	}
	if (ipv4_get_config(netdev_find("net0"), &cfg) == 0)
		printf("http-static: serving %zu files at http://%s:%d/\n", assets_count(),
		       ipv4_format(cfg.addr, addr), HTTP_PORT);
	fflush(stdout);
	if (!limit) {
		static const bool never;

		sched_run_until(&never); /* everything happens in the server's callbacks */
		return 0;
	}
	do {
		sched_run_for(50 * 1000000ull);
		http_server_stats(&site, &st);
	} while (st.requests < limit);
	drain_end = sched_now_ns() + DRAIN_NS;
	while (http_conn_count() > 0 && sched_now_ns() < drain_end)
		sched_run_for(10 * 1000000ull);
	printf("http-static: answered %llu requests\n", (unsigned long long)st.requests);
	return 0;
}
