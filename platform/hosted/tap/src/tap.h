/* Private to tap: one TAP device, and the Linux interfaces it uses. */
#ifndef TAP_PRIV_H
#define TAP_PRIV_H

#include <stdint.h>

#include <netdev/netdev.h>
#include <sched/sched.h>

struct tap {
	struct netdev dev;
	struct sched_poller poller;
	int fd;
	char ifname[16];
};

/* Opens /dev/net/tun and attaches to (or creates) the TAP ifname; sets the
 * interface up and reports its MTU. Returns the descriptor or -errno, with
 * *what naming the step that failed. */
int tap_open(const char *ifname, unsigned *mtu, const char **what);

/* The sched poller: drains the descriptor into netdev_input. */
bool tap_poll(void *arg);

extern const struct netdev_ops tap_ops;

#endif
