/* Receiving: checks, then echo replies. */
#include <errno.h>

#include "icmp.h"

static void echo(const struct ipv4_packet *pkt)
{
	uint8_t hdr[ICMP_HEADER_LEN];
	uint32_t sum;
	unsigned i;

	icmp_counters.rx_echo_requests++;
	if (pkt->broadcast) {
		icmp_counters.drops[ICMP_DROP_ECHO_BROADCAST]++;
		return;
	}
	/* the same identifier, sequence and data, type 0 */
	for (i = 0; i < ICMP_HEADER_LEN; i++)
		hdr[i] = pkt->payload[i];
	hdr[0] = ICMP_ECHO_REPLY;
	hdr[1] = 0;
	hdr[2] = hdr[3] = 0;
	sum = ipv4_sum(0, hdr, ICMP_HEADER_LEN);
	sum = ipv4_sum(sum, pkt->payload + ICMP_HEADER_LEN, pkt->len - ICMP_HEADER_LEN);
	netdev_put_be16(hdr + 2, ipv4_sum_finish(sum));
	if (ipv4_output(pkt->dst, pkt->src, IPV4_PROTO_ICMP, hdr, ICMP_HEADER_LEN,
			pkt->payload + ICMP_HEADER_LEN, pkt->len - ICMP_HEADER_LEN) < 0)
		icmp_counters.tx_failures++;
	else
		icmp_counters.tx_echo_replies++;
}

static void icmp_input(const struct ipv4_packet *pkt)
{
	if (pkt->len < ICMP_HEADER_LEN) {
		icmp_counters.drops[ICMP_DROP_TOO_SHORT]++;
		return;
	}
	if (ipv4_checksum(pkt->payload, pkt->len) != 0) {
		icmp_counters.drops[ICMP_DROP_BAD_CHECKSUM]++;
		return;
	}
	icmp_counters.rx_messages++;
	switch (pkt->payload[0]) {
	case ICMP_ECHO_REQUEST:
		echo(pkt);
		break;
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAM_PROBLEM:
		icmp_counters.rx_errors++;
		/* to the transport the quoted packet came from (tcp) */
		if (ipv4_deliver_icmp_error(pkt->payload[0], pkt->payload[1],
					    pkt->payload + ICMP_HEADER_LEN,
					    pkt->len - ICMP_HEADER_LEN))
			icmp_counters.rx_errors_delivered++;
		break;
	default:
		icmp_counters.drops[ICMP_DROP_UNHANDLED]++;
		break;
	}
}

static void ipv4_error(const struct ipv4_packet *pkt, uint8_t type, uint8_t code)
{
	icmp_send_error(pkt, type, code);
}

int icmp_init(void)
{
	int r = ipv4_register(IPV4_PROTO_ICMP, icmp_input);

	if (r < 0)
		return r;
	ipv4_set_error_handler(ipv4_error);
	return 0;
}
