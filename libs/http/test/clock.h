/* The settable wall clock of http's tests (clock.c). */
#ifndef HTTP_TEST_CLOCK_H
#define HTTP_TEST_CLOCK_H

#include <stdint.h>

extern uint64_t test_wallclock_ns;

#endif
