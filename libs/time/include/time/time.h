/* Clocks and sleeping. Sleeps are idle on every platform (the platform's
 * block-until-deadline: a one-shot timer and hlt on Xen, clock_nanosleep
 * on hosted), never busy loops. */
#ifndef TIME_TIME_H
#define TIME_TIME_H

#include <stdint.h>

#define TIME_NS_PER_MS 1000000ull
#define TIME_NS_PER_S  1000000000ull

/* Nanoseconds since an arbitrary point at boot; never goes back. */
uint64_t time_monotonic_ns(void);
/* Nanoseconds since the Unix epoch; 0 when the platform has no wall clock. */
uint64_t time_wallclock_ns(void);

/* Sleeps at least ns nanoseconds, or until the monotonic clock reaches
 * deadline_ns. Events that arrive meanwhile are handled (by their handlers)
 * and the sleep goes on. */
void time_sleep_ns(uint64_t ns);
void time_sleep_until(uint64_t deadline_ns);

/* How many times sleeping has woken up, early or on time: a measure of how
 * idle sleeps are (a busy loop would count millions). */
uint64_t time_wakeups(void);

#endif
