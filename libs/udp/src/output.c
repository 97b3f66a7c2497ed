/* Sending: the header and its checksum over the pseudo header; ipv4 does
 * the rest (and fragments big datagrams). */
#include <errno.h>

#include "udp.h"

int udp_sendto_dev(struct udp_socket *s, struct netdev *dev, uint32_t dst, uint16_t port,
		   const void *data, size_t len)
{
	uint8_t hdr[UDP_HEADER_LEN];
	struct ipv4_route rt;
	uint32_t src = s->addr, sum;
	uint16_t ulen, csum;
	int r;

	if (!s->bound || !port)
		return -EINVAL;
	if (len > UDP_MAX_PAYLOAD) {
		udp_counters.drops[UDP_DROP_TOO_BIG]++;
		return -EMSGSIZE;
	}
	/* the checksum covers the source address: it must be known now */
	if (!src) {
		r = dev ? ipv4_route_dev(dev, dst, &rt) : ipv4_route(dst, &rt);
		if (r < 0) {
			udp_counters.tx_failures++;
			return r;
		}
		src = rt.src;
	}
	ulen = (uint16_t)(UDP_HEADER_LEN + len);
	netdev_put_be16(hdr, s->port);
	netdev_put_be16(hdr + 2, port);
	netdev_put_be16(hdr + 4, ulen);
	netdev_put_be16(hdr + 6, 0);
	sum = ipv4_pseudo_sum(src, dst, IPV4_PROTO_UDP, ulen);
	sum = ipv4_sum(sum, hdr, UDP_HEADER_LEN);
	sum = ipv4_sum(sum, data, len);
	csum = ipv4_sum_finish(sum);
	/* 0 would mean "no checksum": send its ones' complement twin */
	netdev_put_be16(hdr + 6, csum ? csum : 0xffff);
	r = dev ? ipv4_output_dev(dev, src, dst, IPV4_PROTO_UDP, hdr, UDP_HEADER_LEN, data, len)
		: ipv4_output(src, dst, IPV4_PROTO_UDP, hdr, UDP_HEADER_LEN, data, len);
	if (r < 0) {
		udp_counters.tx_failures++;
		return r;
	}
	udp_counters.tx_datagrams++;
	return 0;
}

int udp_sendto(struct udp_socket *s, uint32_t dst, uint16_t port, const void *data, size_t len)
{
	return udp_sendto_dev(s, NULL, dst, port, data, len);
}
