/* dhcpprobe [SECONDS]: waits (20 s at most) for net0's DHCP lease and
 * prints it as one "lease ..." line; then answers pings until a datagram
 * comes to UDP port 9 (status 0) or SECONDS (default 60) have passed
 * (status 3); then prints the dhcp and icmp counters as module.name=value
 * lines. No lease: status 2. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <dhcp/dhcp.h>
#include <icmp/icmp.h>
#include <ipv4/ipv4.h>
#include <netdev/netdev.h>
#include <sched/sched.h>
#include <udp/udp.h>

static struct udp_socket ctl;
static bool done;

static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)s;
	(void)d;
	(void)arg;
	done = true;
}

static void on_event(struct netdev *dev, enum dhcp_event ev, const struct dhcp_lease *l, void *arg)
{
	static const char *const names[] = {"bound", "renewed", "lost"};
	char a[IPV4_STRLEN];

	(void)arg;
	printf("dhcp: %s: %s %s\n", dev->name, names[ev], ipv4_format(l->addr, a));
	fflush(stdout);
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
	struct dhcp_stats d;
	struct icmp_stats ic;

	dhcp_stats(&d);
	uk_counters_each(&dhcp_counter_table, &d, show, NULL);
	icmp_stats(&ic);
	uk_counters_each(&icmp_counter_table, &ic, show, NULL);
}

int main(int argc, char **argv)
{
	unsigned long seconds = argc > 1 ? strtoul(argv[1], NULL, 10) : 60;
	struct netdev *dev = netdev_find("net0");
	char a[IPV4_STRLEN], m[IPV4_STRLEN], r[IPV4_STRLEN], s[IPV4_STRLEN];
	struct dhcp_lease l;
	unsigned i;

	printf("dhcpprobe: net0 mac=%02x:%02x:%02x:%02x:%02x:%02x %s\n", dev->mac[0], dev->mac[1],
	       dev->mac[2], dev->mac[3], dev->mac[4], dev->mac[5],
	       dhcp_state_names[dhcp_get_state(dev)]);
	fflush(stdout);
	dhcp_set_handler(on_event, NULL);
	if (dhcp_wait_bound(dev, sched_now_ns() + 20 * SCHED_NS_PER_S) < 0 ||
	    dhcp_get_lease(dev, &l) < 0) {
		printf("dhcpprobe: no lease (%s)\n", dhcp_state_names[dhcp_get_state(dev)]);
		report();
		return 2;
	}
	printf("lease address=%s mask=%s prefix=%u router=%s server=%s time=%lu dns=",
	       ipv4_format(l.addr, a), ipv4_format(l.mask, m), l.prefix, ipv4_format(l.router, r),
	       ipv4_format(l.server, s), (unsigned long)l.lease_time);
	for (i = 0; i < l.dns_count; i++)
		printf("%s%s", i ? "," : "", ipv4_format(l.dns[i], a));
	printf("\n");
	fflush(stdout);
	udp_bind(&ctl, IPV4_ANY, 9, on_datagram, NULL);
	done = false;
	sched_run(&done, sched_now_ns() + seconds * SCHED_NS_PER_S);
	printf("dhcpprobe: %s\n", done ? "stopped" : "deadline");
	report();
	return done ? 0 : 3;
}
