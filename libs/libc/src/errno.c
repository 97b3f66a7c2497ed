/* errno: one global, since uk images run a single thread of control. */
#include <errno.h>

int errno;
