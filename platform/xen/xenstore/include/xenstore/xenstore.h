/* A xenstore client over the shared ring (HVM_PARAM_STORE_PFN / _EVTCHN).
 * Calls block (idle, not spinning) until xenstored answers. Relative paths
 * are under the domain's home, /local/domain/<domid>. Functions return 0
 * or a length on success, a negative Xen errno (-XEN_ENOENT, ...) on error. */
#ifndef XENSTORE_XENSTORE_H
#define XENSTORE_XENSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <xen/errno.h>

typedef uint32_t xs_transaction_t;
#define XBT_NULL ((xs_transaction_t)0)

/* Finds the ring. Called at init (level platform); other calls connect on
 * first use too, so that the platform can report an early exit. Without
 * Xen it succeeds and every other call returns -XEN_ENODEV. */
int xs_init(void);

/* Reads path's value into buf (NUL-terminated); returns its length, or
 * -XEN_E2BIG when it does not fit in len - 1 bytes. */
int xs_read(xs_transaction_t t, const char *path, char *buf, size_t len);
int xs_write(xs_transaction_t t, const char *path, const char *value);
int xs_rm(xs_transaction_t t, const char *path);
/* The children of path, each NUL-terminated, one after another in buf;
 * returns how many there are. */
int xs_directory(xs_transaction_t t, const char *path, char *buf, size_t len);

/* Transactions: xs_transaction_end returns -XEN_EAGAIN when another writer
 * got in the way; the caller starts again. */
int xs_transaction_start(xs_transaction_t *t);
int xs_transaction_end(xs_transaction_t t, bool abort);

/* Watches: after xs_watch, a change below path queues an event with token
 * (one is queued at once, as xenstored fires every new watch). */
int xs_watch(const char *path, const char *token);
int xs_unwatch(const char *path, const char *token);
/* Waits until an event with token is queued or deadline_ns passes (then
 * -XEN_ETIMEDOUT); copies the path that changed into path. */
int xs_wait_watch(const char *token, uint64_t deadline_ns, char *path, size_t len);

/* This domain's id, read from xenstore's "domid" at init. */
int xs_domid(void);

#endif
