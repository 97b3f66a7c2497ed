/* The init hook: a netfront device for each net device of the manifest,
 * the first on vif 0, the next on vif 1, ... as the xl config lists them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <uk/glue.h>

#include "netfront.h"

#ifndef CONFIG_NETDEV_MAX_DEVICES
#define CONFIG_NETDEV_MAX_DEVICES 4
#endif

static struct netfront devs[CONFIG_NETDEV_MAX_DEVICES];
static unsigned ndevs;

static int setup(const struct uk_device *d)
{
	struct netfront *nf = &devs[ndevs];
	const char *what = "";
	int r;

	if (ndevs == CONFIG_NETDEV_MAX_DEVICES) {
		printf("netfront: %s: too many net devices (NETDEV_MAX_DEVICES)\n", d->name);
		return -ENOSPC;
	}
	nf->vif = ndevs;
	nf->dev.name = d->name;
	nf->dev.config = d;
	nf->dev.mtu = NETDEV_MTU_DEFAULT;
	nf->dev.ops = &netfront_ops;
	nf->dev.priv = nf;
	r = netfront_connect(nf, &what);
	if (r < 0) {
		printf("netfront: %s (vif %u): %s (%s)\n", d->name, nf->vif, what, strerror(-r));
		return r;
	}
	nf->dev.link_up = true;
	r = netdev_register(&nf->dev);
	if (r < 0) {
		printf("netfront: %s: cannot register the device (%s)\n", d->name, strerror(-r));
		return r;
	}
	sched_poller_add(&nf->poller, netfront_poll, nf);
	ndevs++;
	return 0;
}

int netfront_init(void)
{
	return netdev_each_manifest_device(setup);
}

/* struct netfront_stats by name, in its order */
static const struct uk_counter_desc counter_descs[] = {
    UK_COUNTER(struct netfront_stats, rx_reposted), UK_COUNTER(struct netfront_stats, rx_errors),
    UK_COUNTER(struct netfront_stats, tx_busy),	    UK_COUNTER(struct netfront_stats, tx_errors),
    UK_COUNTER(struct netfront_stats, bad_ids),	    UK_COUNTER(struct netfront_stats, notifies),
    UK_COUNTER(struct netfront_stats, events),
};

const struct uk_counter_table netfront_counter_table =
    UK_COUNTER_TABLE("netfront", struct netfront_stats, counter_descs);

int netfront_stats(unsigned index, struct netfront_stats *out)
{
	if (index >= ndevs)
		return -ENODEV;
	*out = devs[index].stats;
	return 0;
}
