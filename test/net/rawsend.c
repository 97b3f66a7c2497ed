/* net-rawsend IFNAME: sends a fixed suite of malformed (and a few merely
 * odd) frames out of the Linux interface IFNAME through an AF_PACKET
 * socket, to the uk image at 02:00:00:00:00:02 / 10.0.0.2 from 10.0.0.1.
 * Each line it prints names a frame and the counter it must raise in the
 * image (test/e2e/net-malformed.sh checks them).
 * net-rawsend IFNAME flood syn|rst SECONDS PPS MAC [SPORT]: a flood for
 * test/e2e/net-hostile.sh, to the image at MAC / 10.0.0.2 port 7, PPS
 * frames a second for SECONDS: SYNs from random sources (RFC 4987's
 * attack), or RSTs with random sequence numbers from 10.0.0.1:SPORT (RFC
 * 5961's). Prints how many it sent. Independent of the stack under test:
 * its own builders and checksum. Needs CAP_NET_RAW. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static uint8_t image_mac[6] = {0x02, 0, 0, 0, 0, 0x02};
static const uint8_t peer_mac[6] = {0x02, 0, 0, 0, 0, 0x01};
static const uint8_t other_mac[6] = {0x02, 0, 0, 0, 0, 0x77};
static const uint8_t group_mac[6] = {0x01, 0, 0x5e, 0, 0, 0x01};
static const uint8_t peer_ip[4] = {10, 0, 0, 1}, image_ip[4] = {10, 0, 0, 2};
static uint8_t src_ip[4] = {10, 0, 0, 1}; /* of the IPv4 headers built */

static int sock;
static struct sockaddr_ll to;

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint16_t csum(const uint8_t *p, size_t n, uint32_t s)
{
	for (; n > 1; p += 2, n -= 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	if (n)
		s += (uint32_t)p[0] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)~s;
}

static void send_frame(const char *what, const char *counter, const uint8_t *f, size_t n)
{
	if (sendto(sock, f, n, 0, (const struct sockaddr *)&to, sizeof(to)) != (ssize_t)n) {
		perror(what);
		exit(1);
	}
	printf("%-28s %s\n", what, counter);
}

/* An Ethernet header; returns its length. */
static size_t eth(uint8_t *f, const uint8_t *dst, const uint8_t *src, unsigned type)
{
	memcpy(f, dst, 6);
	memcpy(f + 6, src, 6);
	put16(f + 12, type);
	return 14;
}

/* A 20-byte IPv4 header at p for len bytes of payload. */
static void ip(uint8_t *p, unsigned proto, unsigned id, unsigned frag, size_t len)
{
	memset(p, 0, 20);
	p[0] = 0x45;
	put16(p + 2, (unsigned)(20 + len));
	put16(p + 4, id);
	put16(p + 6, frag);
	p[8] = 64;
	p[9] = (uint8_t)proto;
	memcpy(p + 12, src_ip, 4);
	memcpy(p + 16, image_ip, 4);
	put16(p + 10, csum(p, 20, 0));
}

static void arp(uint8_t *p, unsigned htype, unsigned op)
{
	put16(p, htype);
	put16(p + 2, 0x0800);
	p[4] = 6;
	p[5] = 4;
	put16(p + 6, op);
	memcpy(p + 8, peer_mac, 6);
	memcpy(p + 14, peer_ip, 4);
	memset(p + 18, 0, 6);
	memcpy(p + 24, image_ip, 4);
}

static void udp(uint8_t *p, unsigned dport, const char *data, size_t n, int good_sum)
{
	uint32_t pseudo = (10 << 8) + 1 + (10 << 8) + 2 + 17 + (uint32_t)(8 + n);

	put16(p, 40000);
	put16(p + 2, dport);
	put16(p + 4, (unsigned)(8 + n));
	put16(p + 6, 0);
	memcpy(p + 8, data, n);
	put16(p + 6, csum(p, 8 + n, pseudo) ^ (good_sum ? 0 : 0x5555));
}

static uint32_t rnd(void)
{
	static uint32_t x;

	if (!x)
		x = (uint32_t)time(NULL) | 1;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return x;
}

/* A 24-byte TCP header at p (with an MSS option) from src_ip to port 7. */
static void tcp(uint8_t *p, unsigned sport, uint32_t seq, unsigned flags)
{
	uint32_t pseudo = (uint32_t)(src_ip[0] << 8 | src_ip[1]) +
			  (uint32_t)(src_ip[2] << 8 | src_ip[3]) + (10 << 8) + 0 + 2 + 6 + 24;

	memset(p, 0, 24);
	put16(p, sport);
	put16(p + 2, 7);
	put16(p + 4, seq >> 16);
	put16(p + 6, seq & 0xffff);
	p[12] = 6 << 4;
	p[13] = (uint8_t)flags;
	put16(p + 14, 65535);
	p[20] = 2;
	p[21] = 4;
	put16(p + 22, 1460);
	put16(p + 16, csum(p, 24, pseudo));
}

/* A source an off-path attacker might forge: unicast, not 10/8 or 127/8. */
static void random_source(void)
{
	uint32_t a = rnd();

	src_ip[0] = (uint8_t)(1 + a % 223);
	if (src_ip[0] == 10 || src_ip[0] == 127)
		src_ip[0] = 11;
	src_ip[1] = (uint8_t)(a >> 8);
	src_ip[2] = (uint8_t)(a >> 16);
	src_ip[3] = (uint8_t)(1 + (a >> 24) % 254);
}

static int flood(int argc, char **argv)
{
	unsigned secs, pps, sport = 0, m[6], i;
	int syn;
	unsigned long long sent = 0, due;
	struct timespec t0, now;
	uint8_t f[64];

	if (argc < 7 || (strcmp(argv[3], "syn") && strcmp(argv[3], "rst")) ||
	    sscanf(argv[4], "%u", &secs) != 1 || sscanf(argv[5], "%u", &pps) != 1 || secs > 60 ||
	    sscanf(argv[6], "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3], &m[4], &m[5]) != 6 ||
	    (argc > 7 && sscanf(argv[7], "%u", &sport) != 1)) {
		fprintf(stderr,
			"usage: net-rawsend IFNAME flood syn|rst SECONDS PPS MAC [SPORT]\n");
		return 2;
	}
	syn = !strcmp(argv[3], "syn");
	for (i = 0; i < 6; i++)
		image_mac[i] = (uint8_t)m[i];
	eth(f, image_mac, other_mac, 0x0800);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		due = (unsigned long long)((now.tv_sec - t0.tv_sec) * 1000000000LL +
					   (now.tv_nsec - t0.tv_nsec));
		if (due >= secs * 1000000000ull)
			break;
		if (sent >= due * pps / 1000000000ull) {
			struct timespec nap = {0, 200000};

			nanosleep(&nap, NULL);
			continue;
		}
		if (syn)
			random_source();
		ip(f + 14, 6, (unsigned)sent, 0, 24);
		tcp(f + 34, syn ? 1024 + rnd() % 60000 : sport, rnd(), syn ? 0x02 : 0x04);
		if (sendto(sock, f, 58, 0, (const struct sockaddr *)&to, sizeof(to)) == 58)
			sent++;
	}
	printf("%llu %s frames in %u s\n", sent, argv[3], secs);
	return 0;
}

int main(int argc, char **argv)
{
	uint8_t f[2048], *p = f + 14;
	size_t n;

	if (argc != 2 && (argc < 3 || strcmp(argv[2], "flood"))) {
		fprintf(stderr, "usage: net-rawsend IFNAME [flood ...]\n");
		return 2;
	}
	sock = socket(AF_PACKET, SOCK_RAW, 0);
	if (sock < 0) {
		perror("socket");
		return 1;
	}
	memset(&to, 0, sizeof(to));
	to.sll_family = AF_PACKET;
	to.sll_ifindex = (int)if_nametoindex(argv[1]);
	to.sll_halen = 6;
	if (!to.sll_ifindex) {
		perror(argv[1]);
		return 1;
	}
	if (argc > 2)
		return flood(argc, argv);

	/* Ethernet */
	n = eth(f, other_mac, peer_mac, 0x0800);
	ip(p, 17, 1, 0, 0);
	send_frame("another host's MAC", "ethernet.drop.not_for_us", f, n + 20);
	n = eth(f, image_mac, group_mac, 0x0800);
	send_frame("group source MAC", "ethernet.drop.bad_source", f, n + 20);
	n = eth(f, image_mac, peer_mac, 0x86dd);
	send_frame("IPv6", "ethernet.drop.unknown_type", f, n + 40);

	/* ARP */
	n = eth(f, (const uint8_t *)"\xff\xff\xff\xff\xff\xff", peer_mac, 0x0806);
	arp(p, 1, 1);
	send_frame("ARP cut short", "arp.drop.too_short", f, n + 20);
	arp(p, 6, 1);
	send_frame("ARP hardware type 6", "arp.drop.bad_format", f, n + 28);
	arp(p, 1, 9);
	send_frame("ARP opcode 9", "arp.drop.bad_opcode", f, n + 28);

	/* IPv4 headers */
	n = eth(f, image_mac, peer_mac, 0x0800);
	ip(p, 17, 2, 0, 0);
	send_frame("IPv4 header cut short", "ipv4.drop.too_short", f, n + 12);
	ip(p, 17, 3, 0, 0);
	p[0] = 0x65;
	send_frame("IPv4 version 6", "ipv4.drop.bad_version", f, n + 20);
	ip(p, 17, 4, 0, 0);
	p[0] = 0x43;
	send_frame("IPv4 IHL 3", "ipv4.drop.bad_header_len", f, n + 20);
	ip(p, 17, 5, 0, 100);
	send_frame("IPv4 length past the frame", "ipv4.drop.bad_total_len", f, n + 40);
	ip(p, 17, 6, 0, 0);
	p[10] ^= 0xff;
	send_frame("IPv4 bad checksum", "ipv4.drop.bad_checksum", f, n + 20);
	ip(p, 17, 7, 0, 0);
	memset(p + 12, 0xff, 4);
	put16(p + 10, 0);
	put16(p + 10, csum(p, 20, 0));
	send_frame("IPv4 from a broadcast", "ipv4.drop.bad_source", f, n + 20);
	ip(p, 17, 8, 0, 0);
	p[19] = 77;
	put16(p + 10, 0);
	put16(p + 10, csum(p, 20, 0));
	send_frame("IPv4 for 10.0.0.77", "ipv4.drop.not_for_us", f, n + 20);
	ip(p, 200, 9, 0, 4);
	send_frame("IPv4 protocol 200", "ipv4.drop.no_protocol", f, n + 24);

	/* IPv4 fragments */
	memset(p + 20, 'f', 64);
	ip(p, 17, 100, 0x2000, 16);
	send_frame("fragment [0,16)", "(taken)", f, n + 36);
	ip(p, 17, 100, 0x2000 | 1, 16);
	send_frame("fragment [8,24): overlaps", "ipv4.drop.frag_overlap", f, n + 36);
	ip(p, 17, 101, 0x2000 | 8189, 64);
	send_frame("fragment past 65535", "ipv4.drop.frag_too_big", f, n + 84);
	ip(p, 17, 102, 0x2000, 13);
	send_frame("fragment of 13 bytes, MF", "ipv4.drop.frag_bad", f, n + 33);
	ip(p, 17, 103, 0x2000, 16);
	send_frame("first fragment, no more", "ipv4.drop.frag_timeout", f, n + 36);

	/* ICMP */
	ip(p, 1, 10, 0, 12);
	memset(p + 20, 0, 12);
	p[20] = 8;
	put16(p + 22, 0x1234); /* not the checksum */
	send_frame("ICMP bad checksum", "icmp.drop.bad_checksum", f, n + 32);
	ip(p, 1, 11, 0, 4);
	send_frame("ICMP of 4 bytes", "icmp.drop.too_short", f, n + 24);

	/* UDP */
	ip(p, 17, 12, 0, 12);
	udp(p + 20, 7, "oops", 4, 0);
	send_frame("UDP bad checksum", "udp.drop.bad_checksum", f, n + 32);
	ip(p, 17, 13, 0, 12);
	udp(p + 20, 7, "oops", 4, 1);
	put16(p + 24, 4);
	send_frame("UDP length 4", "udp.drop.bad_length", f, n + 32);
	ip(p, 17, 14, 0, 5);
	send_frame("UDP of 5 bytes", "udp.drop.too_short", f, n + 25);
	close(sock);
	return 0;
}
