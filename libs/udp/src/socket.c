/* Sockets: a list of the bound ones; binding, ephemeral ports, lookup. */
#include <errno.h>
#include <stddef.h>

#include "udp.h"

static struct udp_socket *bound;
static uint16_t next_ephemeral = UDP_EPHEMERAL_FIRST;

static bool taken(uint32_t addr, uint16_t port)
{
	struct udp_socket *s;

	for (s = bound; s; s = s->next)
		if (s->port == port && (s->addr == addr || !s->addr || !addr))
			return true;
	return false;
}

int udp_bind(struct udp_socket *s, uint32_t addr, uint16_t port, udp_recv_fn fn, void *arg)
{
	unsigned tries;

	if (s->bound)
		return -EINVAL;
	if (!port) {
		for (tries = 0; tries <= UDP_EPHEMERAL_LAST - UDP_EPHEMERAL_FIRST; tries++) {
			uint16_t p = next_ephemeral;

			next_ephemeral =
			    p == UDP_EPHEMERAL_LAST ? UDP_EPHEMERAL_FIRST : (uint16_t)(p + 1);
			if (!taken(addr, p)) {
				port = p;
				break;
			}
		}
		if (!port)
			return -EAGAIN;
	} else if (taken(addr, port)) {
		return -EADDRINUSE;
	}
	s->addr = addr;
	s->port = port;
	s->fn = fn;
	s->arg = arg;
	s->next = bound;
	s->bound = true;
	bound = s;
	return 0;
}

uint16_t udp_port(const struct udp_socket *s)
{
	return s->bound ? s->port : 0;
}

void udp_close(struct udp_socket *s)
{
	struct udp_socket **at = &bound;

	if (!s->bound)
		return;
	while (*at && *at != s)
		at = &(*at)->next;
	if (*at)
		*at = s->next;
	s->next = NULL;
	s->bound = false;
}

void udp_set_error_fn(struct udp_socket *s, udp_error_fn fn)
{
	s->error_fn = fn;
}

struct udp_socket *udp_lookup(uint32_t addr, uint16_t port)
{
	struct udp_socket *s, *any = NULL;

	for (s = bound; s; s = s->next) {
		if (s->port != port)
			continue;
		if (s->addr == addr)
			return s;
		if (!s->addr)
			any = s;
	}
	return any;
}
