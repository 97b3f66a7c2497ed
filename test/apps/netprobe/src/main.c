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

/* One module.name=value line (uk/counters.h). */
static void show(void *arg, const char *module, const char *name, const char *element,
		 uint64_t value)
{
	(void)arg;
	printf("%s.%s%s%s=%llu\n", module, name, element ? "." : "", element ? element : "",
	       (unsigned long long)value);
}

static void report(void)
{
	struct netdev_stats nd;
	struct ethernet_stats eth;
	struct arp_stats arp;
	struct ipv4_stats ip;
	struct icmp_stats icmp;
	struct udp_stats udp;
	struct sched_stats sch;

	netdev_stats(netdev_find("net0"), &nd);
	uk_counters_each(&netdev_counter_table, &nd, show, NULL);
	ethernet_stats(&eth);
	uk_counters_each(&ethernet_counter_table, &eth, show, NULL);
	arp_stats(&arp);
	uk_counters_each(&arp_counter_table, &arp, show, NULL);
	ipv4_stats(&ip);
	uk_counters_each(&ipv4_counter_table, &ip, show, NULL);
	icmp_stats(&icmp);
	uk_counters_each(&icmp_counter_table, &icmp, show, NULL);
	udp_stats(&udp);
	uk_counters_each(&udp_counter_table, &udp, show, NULL);
	sched_stats(&sch);
	uk_counters_each(&sched_counter_table, &sch, show, NULL);
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
