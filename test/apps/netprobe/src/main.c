/* netprobe COUNT [SECONDS]: echoes UDP datagrams on port 7 until it has
 * echoed COUNT of them (status 0) or SECONDS (default 60) have passed
 * (status 3), then prints every counter of the network stack as
 * module.name=value lines, for the end-to-end tests to check. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <arp/arp.h>
#include <ethernet/ethernet.h>
#include <icmp/icmp.h>
#include <ipv4/ipv4.h>
#include <netdev/netdev.h>
#include <sched/sched.h>
#include <udp/udp.h>

static struct udp_socket echo;
static unsigned long limit, echoed;
static bool done;

static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)arg;
	if (udp_sendto(s, d->src, d->src_port, d->data, d->len) == 0 && ++echoed == limit)
		done = true;
}

#define SHOW(prefix, st, field)                                                                    \
	printf("%s." #field "=%llu\n", prefix, (unsigned long long)(st).field)

static void show_drops(const char *prefix, const uint64_t *drops, const char *const *names,
		       size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s.drop.%s=%llu\n", prefix, names[i], (unsigned long long)drops[i]);
}

static void report(void)
{
	struct netdev *dev = netdev_find("net0");
	struct netdev_stats nd;
	struct ethernet_stats eth;
	struct arp_stats arp;
	struct ipv4_stats ip;
	struct icmp_stats icmp;
	struct udp_stats udp;
	struct sched_stats sch;

	netdev_stats(dev, &nd);
	SHOW("netdev", nd, rx_packets);
	SHOW("netdev", nd, rx_bytes);
	SHOW("netdev", nd, tx_packets);
	SHOW("netdev", nd, tx_bytes);
	show_drops("netdev", nd.drops, netdev_drop_names, NETDEV_DROP_COUNT);
	ethernet_stats(&eth);
	SHOW("ethernet", eth, rx_frames);
	SHOW("ethernet", eth, tx_frames);
	SHOW("ethernet", eth, tx_errors);
	show_drops("ethernet", eth.drops, ethernet_drop_names, ETHERNET_DROP_COUNT);
	arp_stats(&arp);
	SHOW("arp", arp, rx_requests);
	SHOW("arp", arp, rx_replies);
	SHOW("arp", arp, tx_requests);
	SHOW("arp", arp, tx_replies);
	SHOW("arp", arp, announcements);
	SHOW("arp", arp, resolved);
	SHOW("arp", arp, failed);
	SHOW("arp", arp, queued);
	show_drops("arp", arp.drops, arp_drop_names, ARP_DROP_COUNT);
	ipv4_stats(&ip);
	SHOW("ipv4", ip, rx_packets);
	SHOW("ipv4", ip, rx_fragments);
	SHOW("ipv4", ip, reassembled);
	SHOW("ipv4", ip, delivered);
	SHOW("ipv4", ip, tx_packets);
	SHOW("ipv4", ip, tx_fragments);
	SHOW("ipv4", ip, tx_errors);
	show_drops("ipv4", ip.drops, ipv4_drop_names, IPV4_DROP_COUNT);
	icmp_stats(&icmp);
	SHOW("icmp", icmp, rx_messages);
	SHOW("icmp", icmp, rx_echo_requests);
	SHOW("icmp", icmp, tx_echo_replies);
	SHOW("icmp", icmp, rx_errors);
	SHOW("icmp", icmp, tx_errors);
	SHOW("icmp", icmp, tx_failures);
	show_drops("icmp", icmp.drops, icmp_drop_names, ICMP_DROP_COUNT);
	udp_stats(&udp);
	SHOW("udp", udp, rx_datagrams);
	SHOW("udp", udp, tx_datagrams);
	SHOW("udp", udp, tx_failures);
	show_drops("udp", udp.drops, udp_drop_names, UDP_DROP_COUNT);
	sched_stats(&sch);
	SHOW("sched", sch, turns);
	SHOW("sched", sch, blocks);
	SHOW("sched", sch, timers_fired);
	SHOW("sched", sch, polls);
}

int main(int argc, char **argv)
{
	unsigned long seconds = argc > 2 ? strtoul(argv[2], NULL, 10) : 60;
	bool finished;

	limit = argc > 1 ? strtoul(argv[1], NULL, 10) : 1;
	if (udp_bind(&echo, IPV4_ANY, 7, on_datagram, NULL) < 0) {
		printf("netprobe: cannot bind port 7\n");
		return 1;
	}
	printf("netprobe: ready\n");
	finished = sched_run(&done, sched_now_ns() + seconds * SCHED_NS_PER_S);
	printf("netprobe: %s after %lu echoes\n", finished ? "done" : "deadline", echoed);
	report();
	return finished ? 0 : 3;
}
