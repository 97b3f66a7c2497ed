/* The tcp module's contract: TCP (RFC 9293) over IPv4 for apps, on the
 * sched loop. */
#ifndef TCP_TCP_H
#define TCP_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uk/counters.h>

#include <ipv4/ipv4.h>
#include <sched/sched.h>

/*
 * Connections come from a pool of CONFIG_TCP_MAX_CONNECTIONS; each has a
 * send buffer (CONFIG_TCP_SNDBUF) and a receive buffer (CONFIG_TCP_RCVBUF)
 * from the heap, freed when the connection ends. Everything happens in
 * callbacks from the loop:
 *
 *     static size_t on_data(struct tcp_conn *c, const void *d, size_t n, void *arg)
 *     {
 *             long r = tcp_send(c, d, n);      // echo what fits; the rest stays
 *             return r < 0 ? n : (size_t)r;
 *     }
 *     static void on_event(struct tcp_conn *c, enum tcp_event ev, void *arg)
 *     {
 *             if (ev == TCP_EV_SENT) tcp_resume(c);    // room again: take the rest
 *             if (ev == TCP_EV_PEER_CLOSED) tcp_close(c);
 *     }
 *     static void on_accept(struct tcp_listener *l, struct tcp_conn *c, void *arg)
 *     {
 *             tcp_set_callbacks(c, on_data, on_event, NULL);
 *     }
 *     tcp_listen(&l, IPV4_ANY, 7, 4, on_accept, NULL);
 *
 * (templates/tcp-echo closes only once all the peer sent went back: state
 * TCP_CLOSE_WAIT and nothing left in tcp_info's recv_queued.)
 *
 * Receiving: the data callback gets the bytes in order and returns how
 * many it took (data is borrowed for the call). What it leaves stays in
 * the receive buffer, which shrinks the window advertised to the peer: the
 * app pauses the sender by not taking data, and calls tcp_resume to be
 * offered the rest again.
 *
 * Sending: tcp_send copies into the send buffer what fits and returns how
 * much; segments go out as the peer's window, the congestion window and
 * the MSS allow. TCP_EV_SENT says that acknowledged data freed room.
 *
 * Ending: tcp_close sends a FIN after the buffered data (orderly);
 * TCP_EV_PEER_CLOSED says the peer sent its FIN (no more data will come);
 * TCP_EV_CLOSED is the last callback of a connection (its handle is
 * invalid after it), with tcp_error(c) saying why: 0 (orderly), -ECONNRESET
 * (RST), -ECONNREFUSED, -ETIMEDOUT (retransmissions or connect failed).
 * tcp_abort sends a RST and ends at once (no TCP_EV_CLOSED for the caller's
 * own abort). Callbacks may call any of these on their own connection.
 *
 * ICMP errors (RFC 1122 4.2.3.9, RFC 5927): a destination unreachable
 * ends a connection still in SYN-SENT at once (-ECONNREFUSED for protocol
 * or port unreachable, -ENETUNREACH, -EHOSTUNREACH otherwise); later, any
 * error is kept as a soft error that a connection ending by timeout
 * reports instead of -ETIMEDOUT. An error counts only if the sequence
 * number it quotes is one in flight.
 *
 * Not implemented: timestamps, urgent data (ignored), path MTU
 * discovery ("fragmentation needed" is ignored).
 */

#define TCP_HEADER_LEN	    20
#define TCP_EPHEMERAL_FIRST 49152
#define TCP_EPHEMERAL_LAST  65535

enum tcp_state {
	TCP_CLOSED,
	TCP_LISTEN,
	TCP_SYN_SENT,
	TCP_SYN_RECEIVED,
	TCP_ESTABLISHED,
	TCP_FIN_WAIT_1,
	TCP_FIN_WAIT_2,
	TCP_CLOSE_WAIT,
	TCP_CLOSING,
	TCP_LAST_ACK,
	TCP_TIME_WAIT,
	TCP_STATE_COUNT
};
extern const char *const tcp_state_names[TCP_STATE_COUNT];

enum tcp_event {
	TCP_EV_CONNECTED,   /* tcp_connect's handshake completed */
	TCP_EV_SENT,	    /* acknowledged data freed room in the send buffer */
	TCP_EV_PEER_CLOSED, /* the peer's FIN: no more data */
	TCP_EV_CLOSED,	    /* the end; see tcp_error. The handle dies after it. */
};

struct tcp_conn;
struct tcp_listener;

typedef size_t (*tcp_recv_fn)(struct tcp_conn *c, const void *data, size_t len, void *arg);
typedef void (*tcp_event_fn)(struct tcp_conn *c, enum tcp_event ev, void *arg);
typedef void (*tcp_accept_fn)(struct tcp_listener *l, struct tcp_conn *c, void *arg);

/* Zero-initialise (or make static); the fields are tcp's. */
struct tcp_listener {
	uint32_t addr;
	uint16_t port;
	unsigned backlog; /* half-open connections it may have */
	unsigned half_open;
	tcp_accept_fn fn;
	void *arg;
	struct tcp_listener *next;
	bool listening;
};

/* Listens on addr (IPV4_ANY: all) and port (not 0). A SYN to it makes a
 * connection from the pool in SYN-RECEIVED, at most `backlog` of them at
 * once (0: CONFIG_TCP_SYN_BACKLOG); when the handshake completes, fn is
 * called with the established connection, which must get its callbacks
 * there (tcp_set_callbacks). A SYN that finds the queue full gets a SYN
 * cookie (RFC 4987) instead of an entry, and its ACK makes the connection
 * (without window scaling and SACK, which a cookie cannot carry). A SYN
 * that finds the pool full takes the slot of the oldest connection in
 * TIME-WAIT, or of the oldest half-open one, or of the connection idle longest
 * when CONFIG_TCP_EVICT_IDLE_MS allows it; else it is answered with a RST.
 * Returns 0, -EINVAL, -EADDRINUSE. */
int tcp_listen(struct tcp_listener *l, uint32_t addr, uint16_t port, unsigned backlog,
	       tcp_accept_fn fn, void *arg);
/* Stops listening; half-open connections are reset. */
void tcp_unlisten(struct tcp_listener *l);

/* Opens a connection to dst:port from an ephemeral port; *out is set to
 * it (in SYN-SENT). TCP_EV_CONNECTED or TCP_EV_CLOSED (refused, timed out)
 * follows. Returns 0, -EINVAL, -ENETUNREACH, -ENOMEM (pool or heap full),
 * -EAGAIN (no port). */
int tcp_connect(struct tcp_conn **out, uint32_t dst, uint16_t port, tcp_recv_fn recv,
		tcp_event_fn event, void *arg);

void tcp_set_callbacks(struct tcp_conn *c, tcp_recv_fn recv, tcp_event_fn event, void *arg);

/* Copies up to len bytes into the send buffer; returns how many (0 when it
 * is full), or -ENOTCONN (not established or close-wait), -EPIPE (after
 * tcp_close). */
long tcp_send(struct tcp_conn *c, const void *data, size_t len);
/* Room left in the send buffer. */
size_t tcp_send_space(const struct tcp_conn *c);
/* Offers the data left in the receive buffer to the data callback again
 * (and opens the window by what it takes). */
void tcp_resume(struct tcp_conn *c);
/* Orderly close: a FIN after the buffered data. The connection lives on
 * until the peer's FIN and the ACKs are done (TCP_EV_CLOSED). */
void tcp_close(struct tcp_conn *c);
/* Sends a RST and frees the connection at once. */
void tcp_abort(struct tcp_conn *c);

/* Keepalive (RFC 9293 3.8.4): after idle_s seconds without a segment from
 * the peer, a probe every intvl_s seconds; after `probes` unanswered ones
 * the connection ends with -ETIMEDOUT (and a RST). idle_s 0: off. Every
 * connection starts with CONFIG_TCP_KEEPALIVE_IDLE_S (0: off),
 * CONFIG_TCP_KEEPALIVE_INTVL_S and CONFIG_TCP_KEEPALIVE_PROBES. Returns 0,
 * -EINVAL (intvl_s or probes 0, or c has ended). */
int tcp_set_keepalive(struct tcp_conn *c, unsigned idle_s, unsigned intvl_s, unsigned probes);
/* Ends c (RST, then TCP_EV_CLOSED with -ETIMEDOUT) once no data moved
 * either way for ms milliseconds: nothing received in order, nothing of
 * ours acknowledged (a peer that only answers probes, or keeps its window
 * shut, is idle). 0: never. Counted from this call; every connection
 * starts with CONFIG_TCP_IDLE_TIMEOUT_S. Returns 0, -EINVAL (c has ended). */
int tcp_set_idle_timeout(struct tcp_conn *c, uint64_t ms);

enum tcp_state tcp_state(const struct tcp_conn *c);
int tcp_error(const struct tcp_conn *c);
/* Local and remote ends. */
void tcp_endpoints(const struct tcp_conn *c, uint32_t *laddr, uint16_t *lport, uint32_t *raddr,
		   uint16_t *rport);

/* A connection's figures, for tests and diagnostics. */
struct tcp_conn_info {
	enum tcp_state state;
	uint32_t snd_mss, rcv_mss;
	uint8_t snd_wscale, rcv_wscale; /* 0xff: not used */
	bool sack;			/* both ends said SACK-permitted */
	uint32_t cwnd, ssthresh, snd_wnd, rcv_wnd;
	uint64_t srtt_us, rttvar_us, rto_ms;
	uint64_t retransmits;
	size_t send_queued, recv_queued;
	uint32_t flight;   /* sent, not yet acknowledged */
	uint32_t sacked;   /* of that, SACKed by the peer */
	unsigned recovery; /* 0, 1 (fast recovery), 2 (after a timeout) */
};
void tcp_info(const struct tcp_conn *c, struct tcp_conn_info *out);

enum tcp_drop {
	TCP_DROP_TOO_SHORT,  /* under 20 bytes */
	TCP_DROP_BAD_OFFSET, /* data offset under 5 or past the segment */
	TCP_DROP_BAD_OPTION, /* an option's length wrong or past the header */
	TCP_DROP_BAD_CHECKSUM,
	TCP_DROP_BAD_ADDRESS,	     /* broadcast destination, or port 0 */
	TCP_DROP_NO_CONNECTION,	     /* nothing listens: answered with a RST */
	TCP_DROP_BAD_SEQUENCE,	     /* outside the window: answered with an ACK */
	TCP_DROP_BAD_ACK,	     /* acknowledges what was never sent */
	TCP_DROP_BAD_FLAGS,	     /* no ACK, or SYN in a synchronised state, ... */
	TCP_DROP_RST_CHALLENGED,     /* an in-window RST not at rcv_nxt (RFC 5961) */
	TCP_DROP_RST_IGNORED,	     /* a RST outside the window */
	TCP_DROP_SYN_BACKLOG,	     /* a SYN found the listener's queue full (a cookie went) */
	TCP_DROP_NO_MEMORY,	     /* the pool (nothing to evict) or the heap is full */
	TCP_DROP_OUT_OF_WINDOW_DATA, /* data past the receive buffer */
	TCP_DROP_OOO_FULL,	     /* too many out-of-order holes */
	TCP_DROP_COUNT
};
extern const char *const tcp_drop_names[TCP_DROP_COUNT];

struct tcp_stats {
	uint64_t rx_segments, tx_segments;
	uint64_t rx_bytes, tx_bytes; /* data, first transmissions */
	uint64_t retransmits;	     /* segments sent again */
	uint64_t timeouts;	     /* retransmission timer expiries */
	uint64_t fast_recoveries;    /* fast retransmits after 3 dup ACKs */
	uint64_t lost_retransmits;   /* resends found lost by SACKs, not the timer */
	uint64_t icmp_errors;	     /* ICMP errors applied to a connection */
	uint64_t icmp_ignored;	     /* ICMP errors for no connection, or out of window */
	uint64_t rx_out_of_order;    /* segments kept ahead of a hole */
	uint64_t rx_duplicate;	     /* segments with nothing new */
	uint64_t active_opens, passive_opens;
	uint64_t resets_sent, resets_received;
	uint64_t conns_closed;
	uint64_t tx_failures;	      /* ipv4_output refused */
	uint64_t syncookies_sent;     /* SYN-ACKs without state: the listener's queue was full */
	uint64_t syncookies_accepted; /* ACKs that completed a handshake by their cookie */
	uint64_t syncookies_rejected; /* ACKs to a listener whose cookie was wrong or old */
	uint64_t evictions;	      /* half-open, TIME-WAIT or idle connections freed for a SYN */
	uint64_t challenge_acks;      /* ACKs to unacceptable segments (RFC 5961) */
	uint64_t challenge_acks_suppressed; /* over the budget a second (RFC 5961 7) */
	uint64_t keepalive_probes;
	uint64_t keepalive_timeouts;  /* connections ended by unanswered probes */
	uint64_t idle_timeouts;	      /* connections ended by their idle timeout */
	uint64_t fin_wait_2_timeouts; /* closed ones whose peer never sent its FIN */
	uint64_t drops[TCP_DROP_COUNT];
};

void tcp_stats(struct tcp_stats *out);

/* The counters of struct tcp_stats by name, for printing and comparing
 * them in one loop (uk/counters.h). */
extern const struct uk_counter_table tcp_counter_table;
/* Connections in use in the pool. */
unsigned tcp_conn_count(void);

/* The init hook: registers with ipv4 as protocol 6. */
int tcp_init(void);

#endif
