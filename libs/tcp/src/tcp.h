/* Private to tcp: the connection, sequence arithmetic, the pool and the
 * pieces shared by input and output. */
#ifndef TCP_PRIV_H
#define TCP_PRIV_H

#include <uk/config.h>

#include <tcp/tcp.h>

/* Kconfig's defaults, for builds without the module's configuration (the
 * host tests). */
#ifndef CONFIG_TCP_MAX_CONNECTIONS
#define CONFIG_TCP_MAX_CONNECTIONS 16
#endif
#ifndef CONFIG_TCP_SNDBUF
#define CONFIG_TCP_SNDBUF 65536
#endif
#ifndef CONFIG_TCP_RCVBUF
#define CONFIG_TCP_RCVBUF 65536
#endif
#ifndef CONFIG_TCP_MSL_MS
#define CONFIG_TCP_MSL_MS 30000
#endif
#ifndef CONFIG_TCP_DELAYED_ACK_MS
#define CONFIG_TCP_DELAYED_ACK_MS 40
#endif
#ifndef CONFIG_TCP_SYN_BACKLOG
#define CONFIG_TCP_SYN_BACKLOG 16
#endif
#ifndef CONFIG_TCP_CHALLENGE_ACKS
#define CONFIG_TCP_CHALLENGE_ACKS 10
#endif
#ifndef CONFIG_TCP_KEEPALIVE_IDLE_S
#define CONFIG_TCP_KEEPALIVE_IDLE_S 0
#endif
#ifndef CONFIG_TCP_KEEPALIVE_INTVL_S
#define CONFIG_TCP_KEEPALIVE_INTVL_S 75
#endif
#ifndef CONFIG_TCP_KEEPALIVE_PROBES
#define CONFIG_TCP_KEEPALIVE_PROBES 9
#endif
#ifndef CONFIG_TCP_IDLE_TIMEOUT_S
#define CONFIG_TCP_IDLE_TIMEOUT_S 0
#endif
#ifndef CONFIG_TCP_FIN_WAIT_2_TIMEOUT_S
#define CONFIG_TCP_FIN_WAIT_2_TIMEOUT_S 60
#endif
#ifndef CONFIG_TCP_EVICT_IDLE_MS
#define CONFIG_TCP_EVICT_IDLE_MS 0
#endif

#define SEQ_LT(a, b)  ((int32_t)((uint32_t)(a) - (uint32_t)(b)) < 0)
#define SEQ_LEQ(a, b) ((int32_t)((uint32_t)(a) - (uint32_t)(b)) <= 0)
#define SEQ_GT(a, b)  SEQ_LT(b, a)
#define SEQ_GEQ(a, b) SEQ_LEQ(b, a)

#define TCP_FIN 0x01
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_PSH 0x08
#define TCP_ACK 0x10
#define TCP_URG 0x20

/* ICMP's destination unreachable (RFC 792); tcp does not need icmp's header */
#define TCP_ICMP_DEST_UNREACH 3

#define TCP_DEFAULT_MSS	    536	    /* RFC 9293 3.7.1, without the option */
#define TCP_MIN_RTO_US	    200000u /* Linux's floor (RFC 6298 says 1 s: see docs/net.md) */
#define TCP_MAX_RTO_US	    60000000u
#define TCP_INIT_RTO_US	    1000000u
#define TCP_MAX_RETRIES	    15 /* data: RFC 1122's R2, about 15 minutes with backoff */
#define TCP_SYN_RETRIES	    6
#define TCP_OOO_MAX	    8 /* holes kept ahead of rcv_nxt */
#define TCP_SACK_MAX	    8 /* ranges on the sender's scoreboard */
#define TCP_SACK_BLOCKS_OUT 3 /* blocks in the SACK option we send */
#define TCP_MAX_WSCALE	    14

struct tcp_range {
	uint32_t start, end;
};

struct tcp_conn {
	bool used;
	bool passive;	 /* from a listener */
	bool closed_app; /* TCP_EV_CLOSED delivered (or aborted): no more callbacks */
	bool release;	 /* free when the current input is done */
	unsigned busy;	 /* inside input or a callback */
	bool delivering; /* inside tcp_deliver */
	enum tcp_state state;
	int error;
	uint32_t laddr, raddr;
	uint16_t lport, rport;
	struct tcp_listener *listener; /* while SYN-RECEIVED from it */
	uint64_t opened_ns;	       /* when the SYN came (eviction takes the oldest) */
	bool cookie;		       /* made by a SYN cookie's ACK: no RTT sample */
	tcp_recv_fn recv;
	tcp_event_fn event;
	void *arg;

	/* sending: sbuf holds slen bytes from sequence number sbase */
	uint32_t iss, snd_una, snd_nxt, snd_max, snd_wnd, snd_wl1, snd_wl2, max_snd_wnd;
	uint32_t snd_mss;
	uint8_t snd_wscale, rcv_wscale;
	bool wscale_ok;
	uint8_t *sbuf;
	size_t shead, slen;
	uint32_t sbase;
	bool fin_queued;
	uint32_t cwnd, ssthresh;
	uint32_t bytes_acked; /* in congestion avoidance, toward the next segment */
	unsigned dupacks;
	bool in_recovery;
	uint32_t recover;
	bool rto_recovery; /* after a timeout, until snd_una reaches recover */

	/* selective acknowledgments (RFC 2018), both ways */
	bool sack_ok;
	struct tcp_range sacked[TCP_SACK_MAX]; /* what the peer holds past snd_una */
	unsigned nsacked;
	uint32_t high_rxt; /* RFC 6675 HighRxt: retransmitted up to here */
	/* The resend of the segment at snd_una is lost too when the peer SACKs
	 * data sent after it (rtx_mark: snd_max then): send it once more. */
	bool una_rtx_armed, una_resend;
	uint32_t una_rtx_mark;

	/* round-trip time (RFC 6298) */
	bool rtt_active;
	uint32_t rtt_seq;
	uint64_t rtt_start;
	uint64_t srtt_us, rttvar_us, rto_us;
	bool rtt_seeded;
	unsigned retries;
	uint64_t retransmits;
	int soft_error; /* from ICMP: reported instead of -ETIMEDOUT */

	/* receiving: rbuf holds rlen bytes in order from rhead, then holes */
	uint32_t irs, rcv_nxt, rcv_adv; /* rcv_adv: right edge advertised */
	uint32_t rcv_mss;
	uint8_t *rbuf;
	size_t rhead, rlen;
	struct tcp_range ooo[TCP_OOO_MAX];
	unsigned nooo;
	uint32_t ooo_recent; /* the latest out-of-order arrival, for SACK */
	bool fin_rcvd_pending;
	uint32_t fin_rcvd_seq;
	bool ack_pending; /* an ACK is owed */
	bool ack_now;	  /* and must not wait */
	unsigned unacked; /* in-order segments not yet acknowledged */

	/* challenge ACKs sent in the second from challenge_start (RFC 5961 7) */
	uint64_t challenge_start;
	unsigned challenge_sent;

	/* keepalive and the idle timeout (idle.c) */
	uint64_t rx_ns;	      /* the last acceptable segment */
	uint64_t progress_ns; /* the last byte received in order or acknowledged */
	uint64_t ka_idle_ms, ka_intvl_ms, idle_ms, ka_last_ns, idle_deadline;
	unsigned ka_probes, ka_sent;

	struct sched_timer rtx, tw, delack, idle;
};

extern struct tcp_stats tcp_counters;
extern struct tcp_conn tcp_pool[CONFIG_TCP_MAX_CONNECTIONS];
extern struct tcp_listener *tcp_listeners;

struct tcp_conn *tcp_conn_alloc(void);
void tcp_conn_free(struct tcp_conn *c);
/* Ends c: the app's TCP_EV_CLOSED (if it still has the handle) with err,
 * then the pool slot back (at once, or after the current input). */
void tcp_conn_done(struct tcp_conn *c, int err);
/* Enters TIME-WAIT (2 MSL) and tells the app. */
void tcp_enter_time_wait(struct tcp_conn *c);
uint32_t tcp_iss(uint32_t laddr, uint16_t lport, uint32_t raddr, uint16_t rport);
uint32_t tcp_rcv_window(const struct tcp_conn *c);
void tcp_event_call(struct tcp_conn *c, enum tcp_event ev);
/* Hands the in-order data to the app's callback. */
void tcp_deliver(struct tcp_conn *c);
void tcp_rtx_arm(struct tcp_conn *c);

/* output.c */
/* Sends one segment of c: seq, flags, and len bytes of the send buffer
 * from sequence number seq (data); SYN segments carry the options. */
int tcp_tx(struct tcp_conn *c, uint32_t seq, uint8_t flags, size_t len);
/* Sends what the windows allow. */
void tcp_output(struct tcp_conn *c);
/* RFC 3042's limited transmit: new data with cwnd taken extra bytes larger. */
void tcp_output_limited(struct tcp_conn *c, uint32_t extra);
/* Sends an ACK now. */
void tcp_send_ack(struct tcp_conn *c);
/* Sends the ACK owed now, or arms the delayed-ACK timer. */
void tcp_ack_owed(struct tcp_conn *c);
/* A RST to a segment that has no connection (or a bad one). */
void tcp_send_rst(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport, uint32_t seq,
		  uint32_t ack, bool with_ack);
void tcp_rtx_timeout(void *arg);

/* ranges.c: sorted, merged sets of [start, end) ranges, at most max */
/* Adds one, merging what it touches; false if it needs a new slot and
 * there is none. */
bool tcp_ranges_add(struct tcp_range *r, unsigned *n, unsigned max, uint32_t start, uint32_t end);
void tcp_ranges_remove(struct tcp_range *r, unsigned *n, unsigned i);

/* sack.c */
/* Takes the SACK blocks of an ACK for ack (the scoreboard also forgets what
 * ack covers); true if they SACK bytes not SACKed before. */
bool tcp_sack_take(struct tcp_conn *c, uint32_t ack, const struct tcp_range *blocks, unsigned n);
void tcp_sack_clear(struct tcp_conn *c);
/* RFC 6675: is the byte at snd_una deemed lost? */
bool tcp_sack_una_lost(const struct tcp_conn *c);
/* RFC 6675 SetPipe(): the bytes still in the network. */
uint32_t tcp_sack_pipe(const struct tcp_conn *c);
/* RFC 6675 NextSeg() rules 1 (lost_only) and 3: the next unSACKed range
 * from high_rxt worth sending again. */
bool tcp_sack_next_hole(const struct tcp_conn *c, bool lost_only, uint32_t *seq, uint32_t *len);
/* For a resend of len bytes from seq: the end of the SACKed range seq is
 * in (skip to it), or seq with len cut at the next SACKed range. */
uint32_t tcp_sack_skip(const struct tcp_conn *c, uint32_t seq, uint32_t *len);
/* The SACK option of our next ACK (NOPs included; 0 if none), and it. */
size_t tcp_sack_option_len(const struct tcp_conn *c);
size_t tcp_sack_option(const struct tcp_conn *c, uint8_t *o);

/* secret.c: SipHash-2-4 under key k, and under the per-boot key, which
 * init takes from the rng. */
uint64_t tcp_siphash(const uint64_t k[2], const void *data, size_t len);
void tcp_secret_init(void);
uint64_t tcp_secret_hash(const void *data, size_t len);

/* syncookie.c: what a cookie is made of (RFC 4987 3.6). */
struct tcp_cookie_conn {
	uint32_t laddr, raddr;
	uint16_t lport, rport;
	uint32_t peer_isn;
};
/* The ISN of a passive open's SYN-ACK, for a peer that offered mss, and
 * whether the SYN-ACK offers window scaling. */
uint32_t tcp_cookie_make(const struct tcp_cookie_conn *k, uint32_t mss, bool wscale);
/* The MSS a cookie (an ACK's ack - 1) carries, and *wscale, or 0 if it is
 * not ours or too old. */
uint32_t tcp_cookie_check(const struct tcp_cookie_conn *k, uint32_t cookie, bool *wscale);

/* challenge.c: an ACK owed to an unacceptable segment, within the
 * connection's budget a second (RFC 5961 7). */
void tcp_challenge_ack(struct tcp_conn *c);

/* evict.c: room in a full pool. Frees the oldest half-open connection (of
 * l; NULL: of any listener): false if there is none. */
bool tcp_evict_half_open(const struct tcp_listener *l, uint64_t older_than_ns);
/* Frees a slot: half-open, TIME-WAIT, then idle (CONFIG_TCP_EVICT_IDLE_MS). */
bool tcp_evict(void);
/* tcp_conn_alloc, evicting when the pool is full. */
struct tcp_conn *tcp_conn_alloc_evicting(void);

/* idle.c: keepalive and the idle timeout. */
void tcp_idle_init(struct tcp_conn *c); /* established: the defaults */
void tcp_idle_rx(struct tcp_conn *c);	/* an acceptable segment came */
void tcp_idle_arm(struct tcp_conn *c);

#endif
