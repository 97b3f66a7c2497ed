/* The tap module's contract: every `kind: net` device of the manifest is,
 * in a hosted image, a Linux TAP interface, driven through netdev. */
#ifndef TAP_TAP_H
#define TAP_TAP_H

/*
 * At init (level device), for each net device of the manifest, in order:
 *  - opens /dev/net/tun and attaches to the TAP interface named by the
 *    device's `tap:` (its `name:` when there is none), which the kernel
 *    creates when it does not exist (that takes CAP_NET_ADMIN: root, or a
 *    TAP made beforehand with `ip tuntap add NAME mode tap user USER`). A
 *    TAP the image created disappears when the image ends; one that
 *    existed (persistent) stays;
 *  - brings the interface up (IFF_UP) when it is not, and takes its MTU
 *    (at most 1500);
 *  - registers a netdev named like the device, with the manifest's `mac:`,
 *    or else netdev_mac_derive("<name>@<tap>"): a locally administered MAC
 *    that stays the same from boot to boot;
 *  - watches the descriptor (hosted/poll.h) and adds a sched poller that
 *    reads every waiting frame into netdev_input (at most 64 a turn).
 * A failure prints why ("tap: net0: cannot attach to TAP uk0: ...") and
 * fails the init, which ends the image.
 *
 * Transmit writes the frame to the descriptor; the kernel takes it as a
 * frame that arrived on the interface. A full queue is -EAGAIN (counted
 * as tx_error), an interface the host set down is -ENETDOWN.
 */

/* The init hook. 0, or -errno after printing the reason. */
int tap_init(void);

#endif
