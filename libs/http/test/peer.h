/* A TCP client played by http's tests and fuzz target over the net
 * harness: opens a connection to port 80, sends bytes, and takes (and
 * acknowledges) what the server sends until it goes quiet. */
#ifndef HTTP_TEST_PEER_H
#define HTTP_TEST_PEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PEER_MAX 4000000

struct peer {
	uint16_t port;
	uint32_t seq, ack; /* next to send; next expected from the server */
	uint16_t wnd;	   /* the window it advertises */
	uint8_t *got;	   /* what came, in order (PEER_MAX bytes) */
	size_t ngot;
	bool fin, rst;
	bool open; /* the handshake completed */
};

/* Opens from a fresh port; false if the server did not answer. */
bool peer_open(struct peer *p);
/* Sends data (in segments of 1460) and then takes what comes. */
void peer_send(struct peer *p, const void *data, size_t len);
void peer_sends(struct peer *p, const char *s);
/* Sends a FIN. */
void peer_fin(struct peer *p);
/* Takes what the server sent, acknowledging it, until it is quiet. */
void peer_take(struct peer *p);
/* Forgets what was received (the connection stays). */
void peer_clear(struct peer *p);
void peer_free(struct peer *p);

#endif
