/* The test site's figures (site.c). */
#ifndef HTTP_TEST_SITE_H
#define HTTP_TEST_SITE_H

#include <stdint.h>

#define SITE_BIG_LEN 200000
extern uint8_t site_big[SITE_BIG_LEN];

#endif
