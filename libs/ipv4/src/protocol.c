/* The protocol demux table and the error handler: how icmp, udp and tcp
 * plug in above ipv4 without ipv4 knowing them. */
#include <errno.h>

#include "ipv4.h"

static ipv4_handler handlers[256];
static ipv4_icmp_error_fn icmp_error_handlers[256];
static ipv4_error_fn error_handler;

int ipv4_register(uint8_t proto, ipv4_handler fn)
{
	if (handlers[proto])
		return -EEXIST;
	handlers[proto] = fn;
	return 0;
}

int ipv4_register_icmp_error(uint8_t proto, ipv4_icmp_error_fn fn)
{
	if (icmp_error_handlers[proto])
		return -EEXIST;
	icmp_error_handlers[proto] = fn;
	return 0;
}

bool ipv4_deliver_icmp_error(uint8_t type, uint8_t code, const uint8_t *quoted, size_t len)
{
	struct ipv4_icmp_error e;
	size_t hlen;

	if (len < IPV4_HEADER_LEN || (quoted[0] >> 4) != 4)
		return false;
	hlen = (size_t)(quoted[0] & 0x0f) * 4;
	/* the transport header is only in a first fragment */
	if (hlen < IPV4_HEADER_LEN || len < hlen + 8 || (netdev_be16(quoted + 6) & 0x1fff))
		return false;
	if (!icmp_error_handlers[quoted[9]])
		return false;
	e.type = type;
	e.code = code;
	e.src = netdev_be32(quoted + 12);
	e.dst = netdev_be32(quoted + 16);
	e.transport = quoted + hlen;
	e.len = len - hlen;
	icmp_error_handlers[quoted[9]](&e);
	return true;
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
