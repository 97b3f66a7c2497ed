/* xennet: netfront against dom0's Linux kernel on the rig's bridge. Each
 * step needs frames both ways through netback: ARP for 10.99.0.1 (dom0),
 * a TCP connect to its closed port 1 (a RST refuses it), a UDP datagram
 * to its closed port 9 (an ICMP port unreachable comes back, to the
 * socket's error callback as -ECONNREFUSED). Then it
 * answers pings and serves one TCP echo connection on port 7 (dom0's peer
 * script: test/e2e/xen-net-peer.sh), closing once the peer has closed and
 * everything went back (40 s at most). Prints the counters (the rng's
 * say which sources seeded it) and "xennet:
 * ok" (status 0), or what failed (status 1). */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>

#include <arp/arp.h>
#include <icmp/icmp.h>
#include <ipv4/ipv4.h>
#include <netdev/netdev.h>
#include <netfront/netfront.h>
#include <rng/rng.h>
#include <sched/sched.h>
#include <tcp/tcp.h>
#include <udp/udp.h>

static bool closed;
static int conn_error = 1;

/* the echo server: one connection */
static struct tcp_listener echo;
static unsigned long long echoed;
static bool echo_done;

static size_t echo_data(struct tcp_conn *c, const void *data, size_t len, void *arg)
{
	long n = tcp_send(c, data, len);

	(void)arg;
	if (n < 0)
		return len;
	echoed += (unsigned long long)n;
	return (size_t)n;
}

static void echo_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	struct tcp_conn_info info;

	(void)arg;
	if (ev == TCP_EV_CLOSED) {
		echo_done = true;
		return;
	}
	if (ev == TCP_EV_SENT)
		tcp_resume(c);
	tcp_info(c, &info);
	if (info.state == TCP_CLOSE_WAIT && info.recv_queued == 0)
		tcp_close(c);
}

static void echo_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
{
	(void)l;
	(void)arg;
	tcp_set_callbacks(c, echo_data, echo_event, NULL);
}

static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
{
	(void)arg;
	if (ev == TCP_EV_CLOSED) {
		conn_error = tcp_error(c);
		closed = true;
	}
}

static size_t on_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
{
	(void)c;
	(void)d;
	(void)arg;
	return n;
}

static int udp_error;

static void on_udp_error(struct udp_socket *s, uint32_t dst, uint16_t port, int err, void *arg)
{
	(void)s;
	(void)dst;
	(void)port;
	(void)arg;
	udp_error = err;
}

/* One module.name=value line (uk/counters.h). */
static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	(void)arg;
	printf("%s.%s%s%s=%llu\n", module, name, element ? "." : "", element ? element : "",
	       (unsigned long long)value);
}

int main(void)
{
	struct netdev *dev = netdev_find("net0");
	struct netdev_stats nd;
	struct netfront_stats nf;
	struct arp_stats arp;
	struct icmp_stats icmp;
	struct rng_stats rng;
	static struct udp_socket sock;
	struct tcp_conn *conn;
	uint32_t dom0;
	bool ok = true;
	uint64_t deadline;
	int r;

	if (!dev) {
		printf("xennet: no net0\n");
		return 1;
	}
	printf("xennet: net0 mac %02x:%02x:%02x:%02x:%02x:%02x, link %s\n", dev->mac[0],
	       dev->mac[1], dev->mac[2], dev->mac[3], dev->mac[4], dev->mac[5],
	       dev->link_up ? "up" : "down");
	ipv4_parse("10.99.0.1", &dom0);

	r = tcp_connect(&conn, dom0, 1, on_data, on_event, NULL);
	if (r == 0)
		sched_run(&closed, sched_now_ns() + 10 * SCHED_NS_PER_S);
	printf("xennet: tcp connect to 10.99.0.1:1: %d\n", closed ? conn_error : r);
	ok &= closed && conn_error == -ECONNREFUSED;

	r = udp_bind(&sock, IPV4_ANY, 0, NULL, NULL);
	udp_set_error_fn(&sock, on_udp_error);
	if (r == 0)
		r = udp_sendto(&sock, dom0, 9, "discard me", 10);
	if (r < 0)
		printf("xennet: udp to 10.99.0.1:9: %d\n", r);
	deadline = sched_now_ns() + 5 * SCHED_NS_PER_S;
	while (!udp_error && sched_now_ns() < deadline)
		sched_run(NULL, sched_now_ns() + 10 * SCHED_NS_PER_MS);
	printf("xennet: udp to 10.99.0.1:9: error %d\n", udp_error);
	ok &= udp_error == -ECONNREFUSED;

	tcp_listen(&echo, IPV4_ANY, 7, 1, echo_accept, NULL);
	printf("xennet: echo server on 10.99.0.2 port 7\n");
	sched_run(&echo_done, sched_now_ns() + 40 * SCHED_NS_PER_S);
	printf("xennet: echo connection %s, %llu bytes echoed\n", echo_done ? "done" : "timed out",
	       echoed);
	ok &= echo_done;

	netdev_stats(dev, &nd);
	uk_counters_each(&netdev_counter_table, &nd, show, NULL);
	arp_stats(&arp);
	uk_counters_each(&arp_counter_table, &arp, show, NULL);
	icmp_stats(&icmp);
	uk_counters_each(&icmp_counter_table, &icmp, show, NULL);
	netfront_stats(0, &nf);
	uk_counters_each(&netfront_counter_table, &nf, show, NULL);
	rng_stats(&rng);
	uk_counters_each(&rng_counter_table, &rng, show, NULL);
	ok &= nd.rx_packets >= 2 && arp.resolved >= 1 && nf.rx_errors == 0 && nf.tx_errors == 0 &&
	      nf.bad_ids == 0;
	printf(ok ? "xennet: ok\n" : "xennet: FAILED\n");
	return ok ? 0 : 1;
}
