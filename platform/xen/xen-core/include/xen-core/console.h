/* The PV console ring (HVM_PARAM_CONSOLE_PFN / _EVTCHN), which xenconsoled
 * reads in dom0. Output blocks while the ring is full; input is polled. */
#ifndef UK_XEN_CONSOLE_H
#define UK_XEN_CONSOLE_H

#include <stddef.h>

/* Finds the ring; -XEN_ENODEV when the domain has none. */
int xencons_init(void);
/* Writes all of buf (waiting for room) and notifies the backend. */
void xencons_write(const char *buf, size_t len);
/* Waits until the backend has taken everything written, at most timeout_ns. */
void xencons_flush(unsigned long long timeout_ns);
/* Reads what input there is, at most len bytes; 0 when none. */
size_t xencons_read(char *buf, size_t len);
int xencons_ready(void);

#endif
