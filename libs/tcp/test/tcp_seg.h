/* Builders and a parser of TCP segments for tcp's tests and fuzz target. */
#ifndef UK_TEST_TCP_SEG_H
#define UK_TEST_TCP_SEG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <tcp/tcp.h>

#define T_FIN 0x01
#define T_SYN 0x02
#define T_RST 0x04
#define T_PSH 0x08
#define T_ACK 0x10

/* A TCP segment from src to dst (checksum right), options opts (olen a
 * multiple of 4), and data. Returns its length. */
size_t t_seg(uint8_t *p, uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
	     uint32_t ack, uint8_t flags, uint16_t wnd, const void *opts, size_t olen,
	     const void *data, size_t len);

/* A sent segment, parsed. */
struct t_view {
	uint32_t src, dst;
	uint16_t sport, dport;
	uint32_t seq, ack;
	uint8_t flags;
	uint16_t wnd;
	int mss, wscale; /* -1: absent */
	bool sack_permitted;
	unsigned nsack; /* SACK blocks */
	uint32_t sack[4][2];
	const uint8_t *data;
	size_t len;
	bool checksum_ok;
};
/* Parses frame f (Ethernet, IPv4, TCP); false if it is not TCP. */
bool t_parse(const uint8_t *f, size_t len, struct t_view *v);

#endif
