/* Receiving: the checks of RFC 791 and RFC 1122 3.2.1, in the order that
 * makes each later one safe, then reassembly or delivery. */
#include "ipv4.h"

/* Sources no host can send from: 0, loopback, multicast, class E and
 * broadcast. (0.0.0.0 is a DHCP client's; uk serves no DHCP.) */
static bool bad_source(uint32_t src)
{
	return src == 0 || (src >> 24) == 127 || src >= 0xe0000000u;
}

void ipv4_input_frame(struct netdev *dev, const struct ethernet_frame *f)
{
	const uint8_t *p = f->payload;
	const struct ipv4_config *c = &ipv4_iface[dev->index];
	struct ipv4_packet pkt;
	size_t ihl, total;
	uint16_t frag;

	if (f->len < IPV4_HEADER_LEN) {
		ipv4_drop(IPV4_DROP_TOO_SHORT);
		return;
	}
	if (p[0] >> 4 != 4) {
		ipv4_drop(IPV4_DROP_BAD_VERSION);
		return;
	}
	ihl = (size_t)(p[0] & 0xf) * 4;
	if (ihl < IPV4_HEADER_LEN || ihl > f->len) {
		ipv4_drop(IPV4_DROP_BAD_HEADER_LEN);
		return;
	}
	/* the frame may be longer: Ethernet pads short packets */
	total = netdev_be16(p + 2);
	if (total < ihl || total > f->len) {
		ipv4_drop(IPV4_DROP_BAD_TOTAL_LEN);
		return;
	}
	if (ipv4_checksum(p, ihl) != 0) {
		ipv4_drop(IPV4_DROP_BAD_CHECKSUM);
		return;
	}
	pkt.dev = dev;
	pkt.src = netdev_be32(p + 12);
	pkt.dst = netdev_be32(p + 16);
	pkt.proto = p[9];
	pkt.ttl = p[8];
	pkt.tos = p[1];
	pkt.header = p;
	pkt.header_len = ihl;
	pkt.payload = p + ihl;
	pkt.len = total - ihl;
	pkt.reassembled = false;
	if (bad_source(pkt.src)) {
		ipv4_drop(IPV4_DROP_BAD_SOURCE);
		return;
	}
	pkt.broadcast = ipv4_is_broadcast(dev, pkt.dst);
	/* a device without an address yet takes unicast UDP to any address:
	 * a DHCP server may send its offer to the address it offers (RFC 2131
	 * 4.1), before the client has it */
	if (!pkt.broadcast && (c->addr ? pkt.dst != c->addr : pkt.proto != IPV4_PROTO_UDP)) {
		ipv4_drop(IPV4_DROP_NOT_FOR_US);
		return;
	}
	ipv4_counters.rx_packets++;
	frag = netdev_be16(p + 6);
	if (frag & (IPV4_FLAG_MF | IPV4_OFFSET_MASK)) {
		ipv4_counters.rx_fragments++;
		ipv4_reass_input(&pkt, netdev_be16(p + 4), (unsigned)(frag & IPV4_OFFSET_MASK) * 8,
				 frag & IPV4_FLAG_MF);
		return;
	}
	ipv4_deliver(&pkt);
}
