/* Private to ethernet: the counters, shared by its files. */
#ifndef ETHERNET_PRIV_H
#define ETHERNET_PRIV_H

#include <ethernet/ethernet.h>

extern struct ethernet_stats ethernet_counters;

void ethernet_input(struct netdev *dev, const void *frame, size_t len, void *arg);

#endif
