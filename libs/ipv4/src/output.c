/* Sending: route, header, fragmentation to the MTU, then ARP (or the
 * broadcast MAC). */
#include <errno.h>
#include <string.h>

#include <arp/arp.h>

#include "ipv4.h"

static uint16_t next_id;

/* Copies len bytes at offset off of the payload hdr ++ data into out. */
static void gather(uint8_t *out, size_t off, size_t len, const uint8_t *hdr, size_t hlen,
		   const uint8_t *data)
{
	if (off < hlen) {
		size_t n = hlen - off < len ? hlen - off : len;

		memcpy(out, hdr + off, n);
		out += n;
		len -= n;
		off = hlen;
	}
	if (len)
		memcpy(out, data + (off - hlen), len);
}

static int output(struct netdev *dev, uint32_t src, uint32_t dst, uint8_t proto, const void *hdr,
		  size_t hlen, const void *data, size_t dlen)
{
	uint8_t frame[ETHERNET_HEADER_LEN + IPV4_MAX_MTU];
	uint8_t *ip = frame + ETHERNET_HEADER_LEN;
	struct ipv4_route rt;
	size_t total = hlen + dlen, off = 0, chunk;
	unsigned mtu;
	uint16_t id = next_id++;
	bool broadcast;
	int r = 0, last = 0;

	if (total > IPV4_MAX_PAYLOAD || total < hlen) {
		ipv4_drop(IPV4_DROP_TOO_BIG);
		return -EMSGSIZE;
	}
	if (dst >= 0xe0000000u && dst != IPV4_BROADCAST) {
		ipv4_drop(IPV4_DROP_NO_ROUTE); /* no multicast yet */
		return -ENETUNREACH;
	}
	if ((dev ? ipv4_route_dev(dev, dst, &rt) : ipv4_route(dst, &rt)) < 0) {
		ipv4_drop(IPV4_DROP_NO_ROUTE);
		return -ENETUNREACH;
	}
	if (!src)
		src = rt.src;
	broadcast = ipv4_is_broadcast(rt.dev, dst);
	mtu = netdev_mtu(rt.dev);
	if (mtu > IPV4_MAX_MTU)
		mtu = IPV4_MAX_MTU;
	/* every fragment but the last carries a multiple of 8 bytes */
	chunk = (mtu - IPV4_HEADER_LEN) & ~(size_t)7;
	ipv4_counters.tx_packets++;
	do {
		size_t n = total - off > chunk ? chunk : total - off;
		bool more = off + n < total;

		ip[0] = 0x45;
		ip[1] = 0;
		netdev_put_be16(ip + 2, (uint16_t)(IPV4_HEADER_LEN + n));
		netdev_put_be16(ip + 4, id);
		netdev_put_be16(ip + 6, (uint16_t)((more ? IPV4_FLAG_MF : 0) | off / 8));
		ip[8] = CONFIG_IPV4_TTL;
		ip[9] = proto;
		netdev_put_be16(ip + 10, 0);
		netdev_put_be32(ip + 12, src);
		netdev_put_be32(ip + 16, dst);
		netdev_put_be16(ip + 10, ipv4_checksum(ip, IPV4_HEADER_LEN));
		gather(ip + IPV4_HEADER_LEN, off, n, hdr, hlen, data);
		if (more || off)
			ipv4_counters.tx_fragments++;
		if (broadcast)
			r = ethernet_output(rt.dev, ethernet_broadcast, ETHERNET_TYPE_IPV4, frame,
					    ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + n);
		else
			r = arp_output(rt.dev, rt.next_hop, frame,
				       ETHERNET_HEADER_LEN + IPV4_HEADER_LEN + n);
		if (r < 0)
			last = r;
		off += n;
	} while (off < total);
	if (last < 0)
		ipv4_counters.tx_errors++;
	return last;
}

int ipv4_output(uint32_t src, uint32_t dst, uint8_t proto, const void *hdr, size_t hlen,
		const void *data, size_t dlen)
{
	return output(NULL, src, dst, proto, hdr, hlen, data, dlen);
}

int ipv4_output_dev(struct netdev *dev, uint32_t src, uint32_t dst, uint8_t proto, const void *hdr,
		    size_t hlen, const void *data, size_t dlen)
{
	return output(dev, src, dst, proto, hdr, hlen, data, dlen);
}
