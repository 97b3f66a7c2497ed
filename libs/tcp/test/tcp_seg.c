/* Builders and a parser of TCP segments for tcp's tests and fuzz target. */
#include <string.h>

#include "harness.h"
#include "tcp_seg.h"

size_t t_seg(uint8_t *p, uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
	     uint32_t ack, uint8_t flags, uint16_t wnd, const void *opts, size_t olen,
	     const void *data, size_t len)
{
	size_t hlen = 20 + olen;
	uint32_t sum;

	netdev_put_be16(p, sport);
	netdev_put_be16(p + 2, dport);
	netdev_put_be32(p + 4, seq);
	netdev_put_be32(p + 8, ack);
	p[12] = (uint8_t)((hlen / 4) << 4);
	p[13] = flags;
	netdev_put_be16(p + 14, wnd);
	netdev_put_be16(p + 16, 0);
	netdev_put_be16(p + 18, 0);
	if (olen)
		memcpy(p + 20, opts, olen);
	if (len)
		memcpy(p + hlen, data, len);
	sum = ipv4_pseudo_sum(src, dst, IPV4_PROTO_TCP, (uint16_t)(hlen + len));
	netdev_put_be16(p + 16, ipv4_sum_finish(ipv4_sum(sum, p, hlen + len)));
	return hlen + len;
}

bool t_parse(const uint8_t *f, size_t len, struct t_view *v)
{
	struct h_ip_view ip;
	const uint8_t *p, *o;
	size_t hlen, i;

	if (!h_parse_ip(f, len, &ip) || ip.proto != IPV4_PROTO_TCP || ip.len < 20)
		return false;
	p = ip.payload;
	memset(v, 0, sizeof(*v));
	v->src = ip.src;
	v->dst = ip.dst;
	v->sport = netdev_be16(p);
	v->dport = netdev_be16(p + 2);
	v->seq = netdev_be32(p + 4);
	v->ack = netdev_be32(p + 8);
	v->flags = p[13];
	v->wnd = netdev_be16(p + 14);
	hlen = (size_t)(p[12] >> 4) * 4;
	if (hlen < 20 || hlen > ip.len)
		return false;
	v->mss = v->wscale = -1;
	o = p + 20;
	for (i = 0; i < hlen - 20;) {
		if (o[i] == 0)
			break;
		if (o[i] == 1) {
			i++;
			continue;
		}
		if (i + 1 >= hlen - 20 || o[i + 1] < 2)
			return false;
		if (o[i] == 2 && o[i + 1] == 4)
			v->mss = netdev_be16(o + i + 2);
		if (o[i] == 3 && o[i + 1] == 3)
			v->wscale = o[i + 2];
		if (o[i] == 4 && o[i + 1] == 2)
			v->sack_permitted = true;
		if (o[i] == 5 && o[i + 1] >= 10 && o[i + 1] <= 34 && (o[i + 1] - 2) % 8 == 0) {
			for (v->nsack = 0; v->nsack < (unsigned)(o[i + 1] - 2) / 8; v->nsack++) {
				v->sack[v->nsack][0] = netdev_be32(o + i + 2 + 8 * v->nsack);
				v->sack[v->nsack][1] = netdev_be32(o + i + 6 + 8 * v->nsack);
			}
		}
		i += o[i + 1];
	}
	v->data = p + hlen;
	v->len = ip.len - hlen;
	v->checksum_ok =
	    ipv4_sum_finish(ipv4_sum(
		ipv4_pseudo_sum(ip.src, ip.dst, IPV4_PROTO_TCP, (uint16_t)ip.len), p, ip.len)) == 0;
	return true;
}
