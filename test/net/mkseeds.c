/* Writes the fuzz targets' seed corpora (libs/<m>/test/corpus/): a few
 * valid and nearly valid inputs per parser, in the record format of
 * fuzz.h. The corpora are committed; this regenerates them:
 *     build/test/net-mkseeds .   (from the source root) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static const char *root;
static uint8_t in[70000];
static size_t used;

static void record(uint8_t flags, uint8_t delay, const void *p, size_t n)
{
	in[used++] = flags;
	in[used++] = delay;
	in[used++] = (uint8_t)(n >> 8);
	in[used++] = (uint8_t)n;
	memcpy(in + used, p, n);
	used += n;
}

static void seed(const char *module, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/libs/%s/test/corpus/%s", root, module, name);
	f = fopen(path, "wb");
	if (!f || fwrite(in, 1, used, f) != used || fclose(f)) {
		perror(path);
		exit(1);
	}
	used = 0;
}

static uint8_t pkt[70000], frame[70000], l4[70000];

static size_t ip_frame(uint32_t src, uint8_t proto, uint16_t id, uint16_t frag, const void *p,
		       size_t n)
{
	size_t e = h_eth(frame, h_our_mac, h_peer_mac, ETHERNET_TYPE_IPV4);

	return e + h_ip(frame + e, src, H_OUR_IP, proto, id, frag, p, n);
}

static void ethernet_seeds(void)
{
	size_t n, u;

	n = h_eth(frame, ethernet_broadcast, h_peer_mac, ETHERNET_TYPE_ARP);
	n += h_arp(frame + n, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
	record(0, 0, frame, n);
	seed("ethernet", "arp-request");
	u = h_echo(l4, 8, 7, 1, "ping-data-0123456789", 20);
	record(0, 0, frame, ip_frame(H_PEER_IP, IPV4_PROTO_ICMP, 1, 0, l4, u));
	seed("ethernet", "icmp-echo");
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 40000, 7, "hello", 5);
	record(0, 0, frame, ip_frame(H_PEER_IP, IPV4_PROTO_UDP, 2, 0, l4, u));
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 40000, 9, "closed", 6);
	record(0, 0, frame, ip_frame(H_PEER_IP, IPV4_PROTO_UDP, 3, 0, l4, u));
	seed("ethernet", "udp-echo-and-closed");
	memset(pkt, 'x', 2000);
	u = h_udp(l4, H_FAR_IP, H_OUR_IP, 40000, 7, pkt, 2000);
	record(0, 0, frame, ip_frame(H_FAR_IP, IPV4_PROTO_UDP, 4, 0x2000, l4, 1480));
	record(0, 5, frame, ip_frame(H_FAR_IP, IPV4_PROTO_UDP, 4, 185, l4 + 1480, u - 1480));
	seed("ethernet", "udp-fragments");
	n = h_eth(frame, h_our_mac, h_peer_mac, 0x86dd);
	memset(frame + n, 0x60, 40);
	record(0, 0, frame, n + 40);
	seed("ethernet", "ipv6");
}

static void arp_seeds(void)
{
	size_t n;

	n = h_arp(pkt, 1, h_peer_mac, H_PEER_IP, NULL, H_OUR_IP);
	record(1, 0, pkt, n);
	seed("arp", "request-for-us");
	n = h_arp(pkt, 2, h_peer_mac, H_PEER_IP, h_our_mac, H_OUR_IP);
	record(0, 0, pkt, n);
	seed("arp", "reply-to-us");
	n = h_arp(pkt, 1, h_other_mac, H_OTHER_IP, NULL, H_OTHER_IP);
	record(1, 0, pkt, n);
	n = h_arp(pkt, 1, h_other_mac, 0, NULL, H_OUR_IP);
	record(1, 0, pkt, n);
	seed("arp", "gratuitous-and-probe");
	n = h_arp(pkt, 1, h_peer_mac, H_PEER_IP, NULL, H_OTHER_IP);
	record(1, 200, pkt, n);
	seed("arp", "request-for-other");
}

static void ipv4_seeds(void)
{
	size_t n, u;

	u = h_echo(l4, 8, 1, 1, "abcdefgh", 8);
	n = h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_ICMP, 1, 0, l4, u);
	record(0, 0, pkt, n);
	seed("ipv4", "icmp");
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 1234, 7, "udp-payload", 11);
	n = h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 2, 0, l4, u);
	record(0, 0, pkt, n);
	seed("ipv4", "udp");
	memset(pkt, 'f', 100);
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 1234, 7, pkt, 100);
	record(0, 0, pkt,
	       h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 3, 0x2000 | 6, l4 + 48, u - 48));
	record(0, 1, pkt, h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 3, 0x2000, l4, 48));
	seed("ipv4", "fragments-reversed");
	record(0, 0, pkt, h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 5, 0x2000, l4, 48));
	record(0, 0, pkt, h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 5, 0x2000 | 3, l4, 48));
	record(0, 200, pkt, h_ip(pkt, H_PEER_IP, H_OUR_IP, IPV4_PROTO_UDP, 6, 0x2000, l4, 48));
	seed("ipv4", "overlap-and-timeout");
	n = h_ip(pkt, H_PEER_IP, H_OUR_IP, 99, 7, 0, "??", 2);
	record(0, 0, pkt, n);
	/* a header with a 4-byte option (IHL 6), checksum fixed by the driver */
	memmove(pkt + 24, pkt + 20, 2);
	pkt[0] = 0x46;
	pkt[20] = 1;
	pkt[21] = 1;
	pkt[22] = 1;
	pkt[23] = 0;
	record(3, 0, pkt, 26);
	seed("ipv4", "unknown-protocol-and-options");
}

static void icmp_seeds(void)
{
	size_t u;

	u = h_echo(l4, 8, 0x1234, 1, "0123456789abcdef0123456789abcdef", 32);
	record(0, 0, l4, u);
	seed("icmp", "echo");
	memset(pkt, 'p', 3000);
	u = h_echo(l4, 8, 0x1234, 2, pkt, 3000);
	record(0, 0, l4, u);
	seed("icmp", "echo-big");
	l4[0] = 3;
	l4[1] = 3;
	memset(l4 + 2, 0, 34);
	record(1, 0, l4, 36);
	l4[0] = 13;
	l4[1] = 0;
	record(3, 0, l4, 20);
	seed("icmp", "unreachable-and-timestamp");
}

static void udp_seeds(void)
{
	size_t u;

	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 5000, 7, "echo me", 7);
	record(0, 0, l4, u);
	seed("udp", "echo");
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 5000, 9, "nobody", 6);
	record(0, 0, l4, u);
	seed("udp", "closed-port");
	u = h_udp(l4, H_PEER_IP, H_OUR_IP, 5000, 7, "no checksum", 11);
	l4[6] = l4[7] = 0;
	record(0, 0, l4, u);
	record(4, 0, l4, u);
	seed("udp", "zero-checksum-and-broadcast");
}

int main(int argc, char **argv)
{
	root = argc > 1 ? argv[1] : ".";
	ethernet_seeds();
	arp_seeds();
	ipv4_seeds();
	icmp_seeds();
	udp_seeds();
	return 0;
}
