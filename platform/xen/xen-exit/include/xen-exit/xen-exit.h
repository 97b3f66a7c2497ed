/* How every Xen platform ends the domain: the console module's buffer and
 * the PV console ring are drained, the exit status is written to xenstore
 * (data/exit-status, where the toolstack and the test rig read it: Xen's
 * shutdown reasons have no room for a number), then SCHEDOP_shutdown with
 * poweroff, or crash after a panic. */
#ifndef XEN_EXIT_XEN_EXIT_H
#define XEN_EXIT_XEN_EXIT_H

#include <stdbool.h>

_Noreturn void xen_exit(int status, bool crash);

#endif
