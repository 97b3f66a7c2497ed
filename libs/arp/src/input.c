/* Receiving ARP packets: RFC 826's merge, replies to requests for our
 * addresses, and RFC 5227 probes (sender 0.0.0.0) answered but not cached. */
#include <string.h>

#include "arp.h"

static void drop(enum arp_drop why)
{
	arp_counters.drops[why]++;
}

static void arp_input(struct netdev *dev, const struct ethernet_frame *f)
{
	const uint8_t *p = f->payload, *sha, *tha;
	uint32_t spa, tpa, ours;
	struct arp_entry *e;
	uint16_t op;

	if (f->len < ARP_PACKET_LEN) {
		drop(ARP_DROP_TOO_SHORT);
		return;
	}
	if (netdev_be16(p) != 1 || netdev_be16(p + 2) != ETHERNET_TYPE_IPV4 ||
	    p[4] != NETDEV_MAC_LEN || p[5] != 4) {
		drop(ARP_DROP_BAD_FORMAT);
		return;
	}
	op = netdev_be16(p + 6);
	if (op != ARP_OP_REQUEST && op != ARP_OP_REPLY) {
		drop(ARP_DROP_BAD_OPCODE);
		return;
	}
	sha = p + 8;
	spa = netdev_be32(p + 14);
	tha = p + 18;
	tpa = netdev_be32(p + 24);
	(void)tha;
	ours = arp_our_addr[dev->index];
	/* a group MAC, our own, or a sender address no host can have */
	if ((sha[0] & 1) || !memcmp(sha, dev->mac, NETDEV_MAC_LEN) || (spa && !arp_unicast(spa))) {
		drop(ARP_DROP_BAD_SENDER);
		return;
	}
	if (ours && spa == ours) {
		drop(ARP_DROP_CONFLICT);
		return;
	}
	if (op == ARP_OP_REQUEST)
		arp_counters.rx_requests++;
	else
		arp_counters.rx_replies++;
	/* RFC 826: update a sender we know, whoever the packet is for */
	e = spa ? arp_find(dev, spa) : NULL;
	if (e)
		arp_resolve(e, sha);
	if (!ours || tpa != ours) {
		drop(ARP_DROP_NOT_FOR_US);
		return;
	}
	/* for us: learn the sender (it is about to talk to us) */
	if (!e && spa && (e = arp_new_entry(dev, spa)))
		arp_resolve(e, sha);
	if (op == ARP_OP_REQUEST)
		arp_send(dev, ARP_OP_REPLY, sha, sha, ours, spa);
}

int arp_init(void)
{
	return ethernet_register(ETHERNET_TYPE_ARP, arp_input);
}
