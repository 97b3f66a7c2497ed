/* xendhcp: waits (30 s at most) for net0's lease and prints it; answers
 * pings until a datagram comes to UDP port 9 (status 0) or 40 s pass
 * (status 3). No lease: status 2. */
#include <stdbool.h>
#include <stdio.h>

#include <dhcp/dhcp.h>
#include <icmp/icmp.h>
#include <ipv4/ipv4.h>
#include <netdev/netdev.h>
#include <sched/sched.h>
#include <udp/udp.h>

static struct udp_socket ctl;
static bool stop;

static void on_datagram(struct udp_socket *s, const struct udp_datagram *d, void *arg)
{
	(void)s;
	(void)d;
	(void)arg;
	stop = true;
}

int main(void)
{
	struct netdev *dev = netdev_find("net0");
	char a[IPV4_STRLEN], r[IPV4_STRLEN], s[IPV4_STRLEN];
	struct dhcp_stats ds;
	struct icmp_stats is;
	struct dhcp_lease l;

	if (dhcp_wait_bound(dev, sched_now_ns() + 30 * SCHED_NS_PER_S) < 0 ||
	    dhcp_get_lease(dev, &l) < 0) {
		printf("xendhcp: no lease (%s)\n", dhcp_state_names[dhcp_get_state(dev)]);
		return 2;
	}
	printf("xendhcp: lease address=%s/%u router=%s server=%s time=%lu\n",
	       ipv4_format(l.addr, a), l.prefix, ipv4_format(l.router, r), ipv4_format(l.server, s),
	       (unsigned long)l.lease_time);
	fflush(stdout);
	udp_bind(&ctl, IPV4_ANY, 9, on_datagram, NULL);
	sched_run(&stop, sched_now_ns() + 40 * SCHED_NS_PER_S);
	dhcp_stats(&ds);
	icmp_stats(&is);
	printf("xendhcp: %s; dhcp offers=%llu acks=%llu, icmp echo replies=%llu\n",
	       stop ? "stopped" : "deadline", (unsigned long long)ds.rx_offers,
	       (unsigned long long)ds.rx_acks, (unsigned long long)is.tx_echo_replies);
	return stop ? 0 : 3;
}
