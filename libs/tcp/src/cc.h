/* Private to tcp: congestion control, the window arithmetic of RFC 5681,
 * RFC 6582 and RFC 6675 over cwnd, ssthresh and bytes_acked. Loss
 * detection and what is sent again stay in input.c and output.c; these
 * hooks only size the window. Another algorithm (CUBIC, say) would be
 * another file implementing the same hooks. */
#ifndef TCP_CC_H
#define TCP_CC_H

#include <stdint.h>

struct tcp_conn;

/* The initial window, once the MSS is known (from the peer's SYN). */
void tcp_cc_init(struct tcp_conn *c);
/* acked bytes of new data acknowledged outside recovery. */
void tcp_cc_on_ack(struct tcp_conn *c, uint32_t acked);
/* Fast retransmit: recovery begins with the current flight. */
void tcp_cc_on_loss(struct tcp_conn *c);
/* A duplicate ACK in recovery. */
void tcp_cc_on_dupack(struct tcp_conn *c);
/* A partial ACK in recovery (acked bytes, recovery goes on). */
void tcp_cc_on_partial_ack(struct tcp_conn *c, uint32_t acked);
/* Recovery ends: everything in flight at its start is acknowledged. */
void tcp_cc_on_recovery_end(struct tcp_conn *c);
/* The retransmission timer went off with the current flight. */
void tcp_cc_on_timeout(struct tcp_conn *c);

#endif
