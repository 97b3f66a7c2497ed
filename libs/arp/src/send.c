/* Building and sending ARP packets: requests, replies, announcements. */
#include <string.h>

#include "arp.h"

int arp_send(struct netdev *dev, uint16_t op, const uint8_t eth_dst[NETDEV_MAC_LEN],
	     const uint8_t tha[NETDEV_MAC_LEN], uint32_t spa, uint32_t tpa)
{
	uint8_t frame[ETHERNET_HEADER_LEN + ARP_PACKET_LEN];
	uint8_t *p = frame + ETHERNET_HEADER_LEN;

	netdev_put_be16(p, 1); /* Ethernet */
	netdev_put_be16(p + 2, ETHERNET_TYPE_IPV4);
	p[4] = NETDEV_MAC_LEN;
	p[5] = 4;
	netdev_put_be16(p + 6, op);
	memcpy(p + 8, dev->mac, NETDEV_MAC_LEN);
	netdev_put_be32(p + 14, spa);
	if (tha)
		memcpy(p + 18, tha, NETDEV_MAC_LEN);
	else
		memset(p + 18, 0, NETDEV_MAC_LEN);
	netdev_put_be32(p + 24, tpa);
	if (op == ARP_OP_REQUEST)
		arp_counters.tx_requests++;
	else
		arp_counters.tx_replies++;
	return ethernet_output(dev, eth_dst, ETHERNET_TYPE_ARP, frame, sizeof(frame));
}
