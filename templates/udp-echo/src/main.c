/* An echo server (RFC 862) over UDP: every datagram that arrives on port 7
 * goes back to where it came from. It serves until it is stopped, or, when
 * given a count (uk run -- 3), until it has echoed that many datagrams.
 *
 * Try it on hosted (as root; the image creates the TAP uk0):
 *     uk run &
 *     ip addr add 10.0.0.1/24 dev uk0
 *     echo hello | socat - udp:10.0.0.2:7
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipv4/ipv4.h>
#include <sched/sched.h>
#include <udp/udp.h>

#define ECHO_PORT 7

static struct udp_socket echo;
static unsigned long limit, echoed, bytes;
static bool done;

/* Called by the loop for each datagram to port 7. */
static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)arg;
	if (udp_sendto(s, d->src, d->src_port, d->data, d->len) < 0)
		return;
	echoed++;
	bytes += d->len;
	if (limit && echoed == limit)
		done = true;
}

int main(int argc, char **argv)
{
	struct ipv4_config cfg;
	char addr[IPV4_STRLEN];
	int r;

	limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
	r = udp_bind(&echo, IPV4_ANY, ECHO_PORT, on_datagram, NULL);
	if (r < 0) {
		printf("udp-echo: cannot bind port %d: %s\n", ECHO_PORT, strerror(-r));
		return 1;
	}
	if (ipv4_get_config(netdev_find("net0"), &cfg) == 0)
		printf("udp-echo: serving %s port %d\n", ipv4_format(cfg.addr, addr), ECHO_PORT);
	/* everything happens in on_datagram, called from the loop */
	sched_run_until(&done);
	printf("udp-echo: echoed %lu datagrams, %lu bytes\n", echoed, bytes);
	return 0;
}
