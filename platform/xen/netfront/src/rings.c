/* The TX and RX rings (xen/io/netif.h): every buffer is a page granted to
 * the backend once, at setup, and reused. RX: the backend copies a frame
 * into a posted page and answers with its length; we hand it to netdev and
 * post the page again. TX: a frame is copied into a free page and
 * requested; the response frees the page. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gnttab/gnttab.h>
#include <xen-core/evtchn.h>

#include "netfront.h"

/* Responses handled a turn; past it the loop turns again before blocking. */
#define NETFRONT_RX_BUDGET 64

static void *page_alloc(void)
{
	void *p = aligned_alloc(NETFRONT_PAGE, NETFRONT_PAGE);

	if (p)
		memset(p, 0, NETFRONT_PAGE);
	return p;
}

/* Grants the page p to the backend; returns the ref or a negative errno. */
static int grant(struct netfront *nf, void *p, bool readonly)
{
	int r = gnttab_grant_access(nf->backend_id, (unsigned long)((uintptr_t)p >> 12), readonly);

	return r < 0 ? -ENOSPC : r;
}

static void notify(struct netfront *nf)
{
	nf->stats.notifies++;
	evtchn_notify(nf->port);
}

static void rx_post(struct netfront *nf, uint16_t id)
{
	netif_rx_request_t *req = RING_GET_REQUEST(&nf->rx, nf->rx.req_prod_pvt);

	req->id = id;
	req->gref = nf->rx_ref[id];
	nf->rx.req_prod_pvt++;
}

static void rx_push(struct netfront *nf)
{
	int send;

	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->rx, send);
	if (send)
		notify(nf);
}

int netfront_rings_setup(struct netfront *nf, const char **what)
{
	netif_tx_sring_t *txs;
	netif_rx_sring_t *rxs;
	unsigned i;
	int r;

	*what = "out of memory for the rings and buffers";
	txs = page_alloc();
	rxs = page_alloc();
	if (!txs || !rxs)
		return -ENOMEM;
	SHARED_RING_INIT(txs);
	SHARED_RING_INIT(rxs);
	FRONT_RING_INIT(&nf->tx, txs, NETFRONT_PAGE);
	FRONT_RING_INIT(&nf->rx, rxs, NETFRONT_PAGE);
	for (i = 0; i < CONFIG_NETFRONT_RX_BUFFERS; i++)
		if (!(nf->rx_buf[i] = page_alloc()))
			return -ENOMEM;
	for (i = 0; i < CONFIG_NETFRONT_TX_BUFFERS; i++)
		if (!(nf->tx_buf[i] = page_alloc()))
			return -ENOMEM;

	*what = "out of grant table entries";
	if ((r = grant(nf, txs, false)) < 0)
		return r;
	nf->tx_ring_ref = (grant_ref_t)r;
	if ((r = grant(nf, rxs, false)) < 0)
		return r;
	nf->rx_ring_ref = (grant_ref_t)r;
	for (i = 0; i < CONFIG_NETFRONT_RX_BUFFERS; i++) {
		if ((r = grant(nf, nf->rx_buf[i], false)) < 0)
			return r;
		nf->rx_ref[i] = (grant_ref_t)r;
		rx_post(nf, (uint16_t)i);
	}
	for (i = 0; i < CONFIG_NETFRONT_TX_BUFFERS; i++) {
		if ((r = grant(nf, nf->tx_buf[i], true)) < 0)
			return r;
		nf->tx_ref[i] = (grant_ref_t)r;
		nf->tx_free[i] = (uint16_t)i;
	}
	nf->ntx_free = CONFIG_NETFRONT_TX_BUFFERS;
	/* the requests are in the shared page before the backend maps it */
	RING_PUSH_REQUESTS(&nf->rx);
	return 0;
}

/* Frees the pages of answered transmits. */
static void tx_reap(struct netfront *nf)
{
	int more;

	do {
		RING_IDX prod = nf->tx.sring->rsp_prod, cons;

		xen_rmb(); /* the responses, after the index that covers them */
		for (cons = nf->tx.rsp_cons; cons != prod; cons++) {
			netif_tx_response_t *rsp = RING_GET_RESPONSE(&nf->tx, cons);

			if (rsp->status == NETIF_RSP_NULL)
				continue; /* the slot of an extra-info request */
			/* a buffer freed twice would be sent from twice */
			if (rsp->id >= CONFIG_NETFRONT_TX_BUFFERS || !nf->tx_in_flight[rsp->id]) {
				nf->stats.bad_ids++;
				continue;
			}
			if (rsp->status != NETIF_RSP_OKAY)
				nf->stats.tx_errors++;
			nf->tx_in_flight[rsp->id] = false;
			nf->tx_free[nf->ntx_free++] = rsp->id;
		}
		nf->tx.rsp_cons = prod;
		RING_FINAL_CHECK_FOR_RESPONSES(&nf->tx, more);
	} while (more);
}

bool netfront_poll(void *arg)
{
	struct netfront *nf = arg;
	unsigned n = 0;
	int more = 0;

	tx_reap(nf);
	for (;;) {
		RING_IDX prod = nf->rx.sring->rsp_prod;

		xen_rmb();
		while (nf->rx.rsp_cons != prod && n < NETFRONT_RX_BUDGET) {
			netif_rx_response_t *rsp = RING_GET_RESPONSE(&nf->rx, nf->rx.rsp_cons);
			uint16_t id = rsp->id;

			nf->rx.rsp_cons++;
			n++;
			if (id >= CONFIG_NETFRONT_RX_BUFFERS) {
				nf->stats.bad_ids++;
				continue; /* not ours: nothing to post again */
			}
			/* One frame per page: without feature-sg and GSO, more_data
			 * and extra_info never come; if they do, the frame is dropped. */
			if (rsp->status <= 0 ||
			    rsp->offset + (unsigned)rsp->status > NETFRONT_PAGE ||
			    (rsp->flags & (NETRXF_more_data | NETRXF_extra_info))) {
				nf->stats.rx_errors++;
				netdev_count_drop(&nf->dev, NETDEV_DROP_RX_ERROR);
			} else {
				netdev_input(&nf->dev, nf->rx_buf[id] + rsp->offset,
					     (size_t)rsp->status);
			}
			rx_post(nf, id);
			nf->stats.rx_reposted++;
		}
		if (nf->rx.rsp_cons != prod)
			break; /* budget spent: the loop comes back at once */
		RING_FINAL_CHECK_FOR_RESPONSES(&nf->rx, more);
		if (!more)
			break;
	}
	rx_push(nf);
	return more || nf->rx.rsp_cons != nf->rx.sring->rsp_prod;
}

static int netfront_transmit(struct netdev *dev, const void *frame, size_t len)
{
	struct netfront *nf = dev->priv;
	netif_tx_request_t *req;
	uint16_t id;
	int send;

	if (len > NETFRONT_PAGE)
		return -EIO;
	if (!nf->ntx_free)
		tx_reap(nf);
	if (!nf->ntx_free || RING_FULL(&nf->tx)) {
		nf->stats.tx_busy++;
		return -EAGAIN;
	}
	id = nf->tx_free[--nf->ntx_free];
	nf->tx_in_flight[id] = true;
	memcpy(nf->tx_buf[id], frame, len);
	req = RING_GET_REQUEST(&nf->tx, nf->tx.req_prod_pvt);
	req->gref = nf->tx_ref[id];
	req->offset = 0;
	req->flags = 0; /* our checksums are complete */
	req->id = id;
	req->size = (uint16_t)len;
	nf->tx.req_prod_pvt++;
	RING_PUSH_REQUESTS_AND_CHECK_NOTIFY(&nf->tx, send);
	if (send)
		notify(nf);
	return 0;
}

const struct netdev_ops netfront_ops = {netfront_transmit};
