/* Receiving: checks, then the socket's callback or a port unreachable. */
#include <errno.h>

#include <icmp/icmp.h>

#include "udp.h"

static void udp_input(const struct ipv4_packet *pkt)
{
	const uint8_t *p = pkt->payload;
	struct udp_datagram d;
	struct udp_socket *s;
	size_t ulen;

	if (pkt->len < UDP_HEADER_LEN) {
		udp_counters.drops[UDP_DROP_TOO_SHORT]++;
		return;
	}
	ulen = netdev_be16(p + 4);
	if (ulen < UDP_HEADER_LEN || ulen > pkt->len) {
		udp_counters.drops[UDP_DROP_BAD_LENGTH]++;
		return;
	}
	/* 0: the sender computed none (RFC 768 allows it over IPv4) */
	if (netdev_be16(p + 6) &&
	    ipv4_sum_finish(ipv4_sum(
		ipv4_pseudo_sum(pkt->src, pkt->dst, IPV4_PROTO_UDP, (uint16_t)ulen), p, ulen)) !=
		0) {
		udp_counters.drops[UDP_DROP_BAD_CHECKSUM]++;
		return;
	}
	d.src = pkt->src;
	d.dst = pkt->dst;
	d.src_port = netdev_be16(p);
	d.dst_port = netdev_be16(p + 2);
	d.data = p + UDP_HEADER_LEN;
	d.len = ulen - UDP_HEADER_LEN;
	d.dev = pkt->dev;
	d.broadcast = pkt->broadcast;
	s = d.dst_port ? udp_lookup(d.dst, d.dst_port) : NULL;
	if (!s || !s->fn) {
		struct ipv4_config c;

		udp_counters.drops[UDP_DROP_NO_PORT]++;
		/* not about a datagram a device without an address took for
		 * DHCP's sake (ipv4 lets those in): it was not sent to us */
		if (ipv4_get_config(pkt->dev, &c) == 0 && c.addr)
			icmp_send_error(pkt, ICMP_DEST_UNREACH, ICMP_UNREACH_PORT);
		return;
	}
	udp_counters.rx_datagrams++;
	s->fn(s, &d, s->arg);
}

/* An ICMP error quoting a datagram we sent: to its socket's callback. */
static void udp_icmp_error(const struct ipv4_icmp_error *e)
{
	struct udp_socket *s = udp_lookup(e->src, netdev_be16(e->transport));
	int err = -EHOSTUNREACH;

	if (!s || !s->error_fn)
		return;
	if (e->type == ICMP_DEST_UNREACH) {
		if (e->code == ICMP_UNREACH_PORT || e->code == 2)
			err = -ECONNREFUSED;
		else if (e->code == 0 || e->code == 6)
			err = -ENETUNREACH;
	} else if (e->type == ICMP_PARAM_PROBLEM) {
		err = -EPROTO;
	}
	udp_counters.icmp_errors++;
	s->error_fn(s, e->dst, netdev_be16(e->transport + 2), err, s->arg);
}

int udp_init(void)
{
	int r = ipv4_register(IPV4_PROTO_UDP, udp_input);

	if (r == 0)
		r = ipv4_register_icmp_error(IPV4_PROTO_UDP, udp_icmp_error);
	return r;
}
