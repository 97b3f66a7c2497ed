/* The protocol demux table and the error handler: how icmp, udp and tcp
 * plug in above ipv4 without ipv4 knowing them. */
#include <errno.h>

#include "ipv4.h"

static ipv4_handler handlers[256];
static ipv4_error_fn error_handler;

int ipv4_register(uint8_t proto, ipv4_handler fn)
{
	if (handlers[proto])
		return -EEXIST;
	handlers[proto] = fn;
	return 0;
}

void ipv4_set_error_handler(ipv4_error_fn fn)
{
	error_handler = fn;
}

void ipv4_report_error(const struct ipv4_packet *pkt, uint8_t type, uint8_t code)
{
	if (error_handler)
		error_handler(pkt, type, code);
}

void ipv4_deliver(const struct ipv4_packet *pkt)
{
	if (!handlers[pkt->proto]) {
		ipv4_drop(IPV4_DROP_NO_PROTOCOL);
		ipv4_report_error(pkt, 3, 2); /* protocol unreachable */
		return;
	}
	ipv4_counters.delivered++;
	handlers[pkt->proto](pkt);
}
