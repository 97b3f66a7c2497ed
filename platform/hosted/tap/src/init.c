/* The init hook: one TAP per net device of the manifest. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <hosted/poll.h>
#include <hosted/syscall.h>
#include <tap/tap.h>
#include <uk/config.h>
#include <uk/glue.h>

#include "tap.h"

#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

static struct tap taps[CONFIG_NETDEV_MAX_DEVICES];
static unsigned ntaps;

static int fail(const struct uk_device *d, const char *ifname, const char *what, int err)
{
	fprintf(stderr, "tap: %s: %s (TAP %s): %s\n", d->name, what, ifname, strerror(-err));
	return err;
}

static int setup(const struct uk_device *d)
{
	struct tap *t = &taps[ntaps];
	const char *ifname = d->tap ? d->tap : d->name;
	const char *what;
	char seed[80];
	unsigned mtu = 0;
	int r;

	if (ntaps == CONFIG_NETDEV_MAX_DEVICES)
		return fail(d, ifname, "too many net devices (NETDEV_MAX_DEVICES)", -ENOSPC);
	if (strlen(ifname) >= sizeof(t->ifname))
		return fail(d, ifname, "interface name too long", -EINVAL);
	r = tap_open(ifname, &mtu, &what);
	if (r < 0)
		return fail(d, ifname, what, r);
	t->fd = r;
	strcpy(t->ifname, ifname);
	t->dev.name = d->name;
	t->dev.config = d;
	if (d->has_mac) {
		memcpy(t->dev.mac, d->mac, NETDEV_MAC_LEN);
	} else {
		snprintf(seed, sizeof(seed), "%s@%s", d->name, ifname);
		netdev_mac_derive(seed, t->dev.mac);
	}
	t->dev.mtu = (uint16_t)(mtu && mtu < NETDEV_MTU_DEFAULT ? mtu : NETDEV_MTU_DEFAULT);
	t->dev.link_up = true;
	t->dev.ops = &tap_ops;
	t->dev.priv = t;
	r = netdev_register(&t->dev);
	if (r == 0)
		r = hosted_watch_fd(t->fd);
	if (r < 0) {
		sys_call1(SYS_close, t->fd);
		return fail(d, ifname, "cannot register the device", r);
	}
	sched_poller_add(&t->poller, tap_poll, t);
	ntaps++;
	return 0;
}

int tap_init(void)
{
	return netdev_each_manifest_device(setup);
}
