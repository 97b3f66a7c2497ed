/* The icmp module's contract: ICMP for IPv4 (RFC 792, RFC 1122 3.2.2). */
#ifndef ICMP_ICMP_H
#define ICMP_ICMP_H

#include <stdint.h>

#include <uk/counters.h>

#include <ipv4/ipv4.h>

/*
 * Received messages are checked (length, checksum). Echo requests to our
 * address get an echo reply with the same identifier, sequence and data
 * (any size ipv4 can reassemble); echo requests to a broadcast address are
 * ignored, as Linux does by default. Other messages are counted and not
 * acted on yet (TCP and UDP will want destination unreachable).
 *
 * Errors: at init icmp becomes ipv4's error handler (protocol unreachable,
 * reassembly time exceeded), and transports call icmp_send_error (udp for
 * port unreachable). Every error draws from one token bucket
 * (CONFIG_ICMP_ERROR_RATE per second, CONFIG_ICMP_ERROR_BURST at once).
 */

#define ICMP_ECHO_REPLY	   0
#define ICMP_DEST_UNREACH  3
#define ICMP_ECHO_REQUEST  8
#define ICMP_TIME_EXCEEDED 11
#define ICMP_PARAM_PROBLEM 12

#define ICMP_UNREACH_NET	 0
#define ICMP_UNREACH_HOST	 1
#define ICMP_UNREACH_PROTOCOL	 2
#define ICMP_UNREACH_PORT	 3
#define ICMP_EXCEEDED_REASSEMBLY 1

#define ICMP_HEADER_LEN 8

/* Sends the error (type, code) about the received packet pkt to its
 * source, quoting its header and first 8 payload bytes. Nothing is sent,
 * as RFC 1122 3.2.2 requires, about an ICMP error, a packet to a broadcast
 * address, a fragment other than the first, or from a source that is not
 * one host: then -EINVAL. Over the rate limit: -EAGAIN. Else 0, or
 * ipv4_output's error. */
int icmp_send_error(const struct ipv4_packet *pkt, uint8_t type, uint8_t code);

enum icmp_drop {
	ICMP_DROP_TOO_SHORT, /* under 8 bytes */
	ICMP_DROP_BAD_CHECKSUM,
	ICMP_DROP_ECHO_BROADCAST, /* an echo request to a broadcast address */
	ICMP_DROP_UNHANDLED,	  /* a type uk does not act on */
	/* errors not sent */
	ICMP_DROP_RATE_LIMITED,
	ICMP_DROP_NOT_ALLOWED, /* RFC 1122's exceptions (see icmp_send_error) */
	ICMP_DROP_COUNT
};

extern const char *const icmp_drop_names[ICMP_DROP_COUNT];

struct icmp_stats {
	uint64_t rx_messages; /* valid ones */
	uint64_t rx_echo_requests;
	uint64_t tx_echo_replies;
	uint64_t rx_errors;	      /* destination unreachable, time exceeded, ... received */
	uint64_t rx_errors_delivered; /* of those, handed to a transport */
	uint64_t tx_errors;	      /* error messages sent */
	uint64_t tx_failures;	      /* replies or errors ipv4 could not send */
	uint64_t drops[ICMP_DROP_COUNT];
};

void icmp_stats(struct icmp_stats *out);

/* The counters of struct icmp_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table icmp_counter_table;

/* The init hook: registers with ipv4 as protocol 1 and its error handler. */
int icmp_init(void);

#endif
