/* An echo server (RFC 862) over TCP: every byte that arrives on port 7
 * goes back on the same connection, which closes after the peer closed and
 * everything went back. It serves until it is stopped, or, when given a
 * count (uk run -- 3), until that many connections have ended.
 *
 * Try it on hosted (as root; the image creates the TAP uk0):
 *     uk run &
 *     ip addr add 10.0.0.1/24 dev uk0
 *     echo hello | socat - tcp:10.0.0.2:7
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipv4/ipv4.h>
#include <sched/sched.h>
#include <tcp/tcp.h>

#define ECHO_PORT 7

static struct tcp_listener echo;
static unsigned long limit, served;
static unsigned long long bytes;
static bool done;

/* Data arrived: send back what fits in the send buffer. What is not taken
 * stays in the receive buffer and shrinks the window: the peer slows down
 * to our pace. */
static size_t on_data(struct tcp_conn *c, const void *data, size_t len, void *arg)
{
	long n = tcp_send(c, data, len);

	(void)arg;
	if (n < 0)
		return len; /* closing: nothing more goes back */
	bytes += (unsigned long long)n;
	return (size_t)n;
}

static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	struct tcp_conn_info info;

	(void)arg;
	if (ev == TCP_EV_CLOSED) {
		if (++served == limit)
			done = true;
		return;
	}
	if (ev == TCP_EV_SENT)
		tcp_resume(c); /* room again: take what waits */
	/* the peer has closed and all it sent went back: close too */
	tcp_info(c, &info);
	if (info.state == TCP_CLOSE_WAIT && info.recv_queued == 0)
		tcp_close(c);
}

static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	(void)l;
	(void)arg;
	tcp_set_callbacks(c, on_data, on_event, NULL);
}

int main(int argc, char **argv)
{
	struct ipv4_config cfg;
	char addr[IPV4_STRLEN];
	int r;

	limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 0;
	/* backlog 0: the queue of half-open connections is uk.yaml's
	 * TCP_SYN_BACKLOG; SYN cookies serve past it */
	r = tcp_listen(&echo, IPV4_ANY, ECHO_PORT, 0, on_accept, NULL);
	if (r < 0) {
		printf("tcp-echo: cannot listen on port %d: %s\n", ECHO_PORT, strerror(-r));
		return 1;
	}
	if (ipv4_get_config(netdev_find("net0"), &cfg) == 0)
		printf("tcp-echo: serving %s port %d\n", ipv4_format(cfg.addr, addr), ECHO_PORT);
	fflush(stdout);
	/* everything happens in the callbacks, called from the loop */
	sched_run_until(&done);
	printf("tcp-echo: served %lu connections, echoed %llu bytes\n", served, bytes);
	return 0;
}
