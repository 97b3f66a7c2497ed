/* Sending error messages: RFC 1122's exceptions, then the rate limit. */
#include <errno.h>

#include "icmp.h"

/* Would an error about pkt be one of the messages RFC 1122 3.2.2 forbids? */
static bool forbidden(const struct ipv4_packet *pkt)
{
	uint16_t frag = netdev_be16(pkt->header + 6);

	if (pkt->broadcast || pkt->dst >= 0xe0000000u)
		return true;
	if (!pkt->reassembled && (frag & 0x1fff))
		return true; /* not the first fragment */
	if (!pkt->src || pkt->src >= 0xe0000000u || (pkt->src >> 24) == 127)
		return true;
	/* never an error about an error (or an unknown ICMP type) */
	if (pkt->proto == IPV4_PROTO_ICMP) {
		uint8_t t = pkt->len ? pkt->payload[0] : 0xff;

		return t != ICMP_ECHO_REQUEST && t != ICMP_ECHO_REPLY;
	}
	return false;
}

int icmp_send_error(const struct ipv4_packet *pkt, uint8_t type, uint8_t code)
{
	uint8_t hdr[ICMP_HEADER_LEN + 60 + 8];
	size_t quote = pkt->len < 8 ? pkt->len : 8, n = 0, i;
	uint32_t sum;
	int r;

	if (forbidden(pkt)) {
		icmp_counters.drops[ICMP_DROP_NOT_ALLOWED]++;
		return -EINVAL;
	}
	if (!icmp_rate_allow()) {
		icmp_counters.drops[ICMP_DROP_RATE_LIMITED]++;
		return -EAGAIN;
	}
	hdr[n++] = type;
	hdr[n++] = code;
	hdr[n++] = 0;
	hdr[n++] = 0;
	hdr[n++] = 0; /* unused (or the next-hop MTU, which uk never sends) */
	hdr[n++] = 0;
	hdr[n++] = 0;
	hdr[n++] = 0;
	for (i = 0; i < pkt->header_len && i < 60; i++)
		hdr[n++] = pkt->header[i];
	for (i = 0; i < quote; i++)
		hdr[n++] = pkt->payload[i];
	sum = ipv4_sum(0, hdr, n);
	netdev_put_be16(hdr + 2, ipv4_sum_finish(sum));
	/* from the address it was sent to, when that was ours */
	r = ipv4_output(pkt->dst, pkt->src, IPV4_PROTO_ICMP, hdr, n, NULL, 0);
	if (r < 0)
		icmp_counters.tx_failures++;
	else
		icmp_counters.tx_errors++;
	return r;
}
