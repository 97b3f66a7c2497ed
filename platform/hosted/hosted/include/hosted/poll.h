/* Waiting on host file descriptors: the events of the hosted platform.
 * A driver of a host resource (the tap module's TAP devices) watches its
 * descriptor here; plat_block_until then returns as soon as one of them
 * becomes readable, and the driver drains it from a sched poller. */
#ifndef HOSTED_POLL_H
#define HOSTED_POLL_H

/*
 * Watching is edge-triggered, like a Xen event channel: plat_block_until
 * returns early when a watched descriptor has become readable since the
 * previous call returned (or was readable when it was watched). A
 * descriptor that stays readable because nobody read it does not wake the
 * next call again, so a sleep (time_sleep_ns) while packets wait cannot turn
 * into a busy loop; whoever owns the descriptor must read it until it would
 * block (EAGAIN) after each wakeup, or remember that work is left.
 *
 * Without watched descriptors plat_block_until sleeps to its deadline as it
 * always did.
 */

/* Adds fd (open, ideally O_NONBLOCK) to the watched set. Watching an fd
 * twice is not an error. Returns 0 or -errno. */
int hosted_watch_fd(int fd);

/* Removes fd from the watched set; an fd that is not watched is ignored.
 * Closing a watched fd also ends its watch. */
void hosted_unwatch_fd(int fd);

#endif
