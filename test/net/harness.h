/* A test bench for the network modules on the host: the whole stack
 * (netdev, sched, ethernet, arp, ipv4, icmp, udp) over a fake platform
 * whose clock moves only when the loop blocks, and a fake device that
 * records what the stack transmits. Tests feed it crafted frames and check
 * the frames that come out and the counters. */
#ifndef UK_TEST_NET_HARNESS_H
#define UK_TEST_NET_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <arp/arp.h>
#include <ethernet/ethernet.h>
#include <icmp/icmp.h>
#include <ipv4/ipv4.h>
#include <netdev/netdev.h>
#include <sched/sched.h>
#include <udp/udp.h>

/* The device net0 (from the fake manifest) and its peers on 10.0.0.0/24. */
#define H_OUR_IP   IPV4(10, 0, 0, 2)
#define H_PEER_IP  IPV4(10, 0, 0, 1) /* also the gateway */
#define H_OTHER_IP IPV4(10, 0, 0, 3)
#define H_FAR_IP   IPV4(192, 0, 2, 7) /* reached through the gateway */
extern const uint8_t h_our_mac[NETDEV_MAC_LEN], h_peer_mac[NETDEV_MAC_LEN],
    h_other_mac[NETDEV_MAC_LEN];

extern uint64_t h_now;
extern struct netdev *h_dev;
/* What the fake driver's transmit returns next (0: takes the frame). */
extern int h_tx_error;

/* Checks the modules' counter tables, registers net0 and runs the
 * modules' init hooks in the order the glue would; the first call only.
 * Leaves the tx record empty. */
void h_init(void);
/* Runs the loop for 10 virtual minutes, so that every timer fires (ARP
 * entries expire, reassembly slots time out, announcements end), then
 * empties the tx record: the stack is back to a quiet state. */
void h_settle(void);

/* Frames transmitted since the last h_tx_clear, oldest first. */
size_t h_tx_count(void);
const uint8_t *h_tx_frame(size_t i, size_t *len);
void h_tx_clear(void);

/* Builders: each writes at p and returns the bytes written. */
size_t h_eth(uint8_t *p, const uint8_t dst[NETDEV_MAC_LEN], const uint8_t src[NETDEV_MAC_LEN],
	     uint16_t type);
size_t h_arp(uint8_t *p, uint16_t op, const uint8_t sha[NETDEV_MAC_LEN], uint32_t spa,
	     const uint8_t tha[NETDEV_MAC_LEN], uint32_t tpa);
/* An IPv4 header (checksum correct) and payload; frag is the flags and
 * offset field as on the wire (0x2000 = MF, offset in 8-byte units). */
size_t h_ip(uint8_t *p, uint32_t src, uint32_t dst, uint8_t proto, uint16_t id, uint16_t frag,
	    const void *payload, size_t len);
/* A UDP header (checksum correct for src, dst) and data. */
size_t h_udp(uint8_t *p, uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport,
	     const void *data, size_t len);
/* An ICMP echo message (type 8 or 0), checksum correct. */
size_t h_echo(uint8_t *p, uint8_t type, uint16_t id, uint16_t seq, const void *data, size_t len);

/* Feeds a frame to net0 as its driver would. */
void h_input(const void *frame, size_t len);
/* Feeds an IPv4 packet (p, len: header included) from the peer's MAC. */
void h_input_ip(const void *packet, size_t len);
/* Builds and feeds an IPv4 packet from the peer. */
void h_send_ip(uint32_t src, uint32_t dst, uint8_t proto, uint16_t id, uint16_t frag,
	       const void *payload, size_t len);
/* Feeds an ICMP error of type and code from the peer quoting the IP header
 * and first 8 payload bytes of frame f (one we sent, Ethernet header on). */
void h_send_icmp_error(uint8_t type, uint8_t code, const uint8_t *f);
/* Builds and feeds a UDP datagram from src:sport to our address. */
void h_send_udp(uint32_t src, uint16_t sport, uint16_t dport, const void *data, size_t len);
/* Makes ARP learn the peer (a request from it for our address), and clears
 * the tx record. */
void h_learn(uint32_t ip, const uint8_t mac[NETDEV_MAC_LEN]);

/* Checks a transmitted frame the way a peer would: lengths, the IPv4
 * header checksum, UDP and ICMP checksums. Returns NULL when it is well
 * formed, else what is wrong. */
const char *h_frame_problem(const uint8_t *f, size_t len);

/* The parts of a transmitted IPv4 frame (NULL if it is not one). */
struct h_ip_view {
	const uint8_t *eth_dst;
	uint32_t src, dst;
	uint8_t proto, ttl;
	uint16_t id, frag;
	const uint8_t *payload;
	size_t len;
};
bool h_parse_ip(const uint8_t *f, size_t len, struct h_ip_view *v);

/* out = now - before, counter by counter, for two copies of the stats
 * struct that table t describes; gauges keep now's value. */
void h_counters_delta(const struct uk_counter_table *t, const void *before, const void *now,
		      void *out);

#endif
