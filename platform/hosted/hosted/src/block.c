/* Blocking until an event or a deadline. The events of a hosted image are
 * the file descriptors its drivers watch (hosted/poll.h): they sit in an
 * edge-triggered epoll set, and ppoll waits on that set with the deadline
 * as its timeout, so deadlines keep nanosecond precision. Without watched
 * descriptors it is a plain clock_nanosleep to the deadline. */
#include <stdint.h>

#include <hosted/poll.h>
#include <hosted/syscall.h>
#include <uk/plat.h>

#define EPOLL_CLOEXEC 02000000
#define EPOLL_CTL_ADD 1
#define EPOLL_CTL_DEL 2
#define EPOLLIN	      0x001u
#define EPOLLET	      (1u << 31)
#define POLLIN	      0x001

/* The kernel's struct epoll_event is packed on x86_64. */
struct hosted_epoll_event {
	uint32_t events;
	uint64_t data;
} __attribute__((packed));

struct hosted_pollfd {
	int fd;
	short events;
	short revents;
};

struct hosted_timespec {
	long tv_sec;
	long tv_nsec;
};

static int epfd = -1;
static unsigned watched;

int hosted_watch_fd(int fd)
{
	struct hosted_epoll_event ev = {EPOLLIN | EPOLLET, (uint64_t)fd};
	long r;

	if (fd < 0)
		return -HOSTED_EBADF;
	if (epfd < 0) {
		r = sys_call1(SYS_epoll_create1, EPOLL_CLOEXEC);
		if (r < 0)
			return (int)r;
		epfd = (int)r;
	}
	r = sys_call4(SYS_epoll_ctl, epfd, EPOLL_CTL_ADD, fd, (long)&ev);
	if (r == -HOSTED_EEXIST)
		return 0;
	if (r < 0)
		return (int)r;
	watched++;
	return 0;
}

void hosted_unwatch_fd(int fd)
{
	struct hosted_epoll_event ev = {0, 0};

	if (epfd >= 0 && fd >= 0 &&
	    sys_call4(SYS_epoll_ctl, epfd, EPOLL_CTL_DEL, fd, (long)&ev) == 0)
		watched--;
}

void plat_block_until(uint64_t deadline_ns)
{
	struct hosted_epoll_event events[16];
	struct hosted_pollfd pfd = {epfd, POLLIN, 0};
	struct hosted_timespec ts;
	uint64_t now;

	if (!watched) {
		ts.tv_sec = (long)(deadline_ns / 1000000000u);
		ts.tv_nsec = (long)(deadline_ns % 1000000000u);
		sys_call4(SYS_clock_nanosleep, HOSTED_CLOCK_MONOTONIC, HOSTED_TIMER_ABSTIME,
			  (long)&ts, 0);
		return;
	}
	now = plat_monotonic_ns();
	if (deadline_ns > now) {
		uint64_t left = deadline_ns - now;

		ts.tv_sec = (long)(left / 1000000000u);
		ts.tv_nsec = (long)(left % 1000000000u);
		/* ppoll's timeout is relative; UINT64_MAX means no deadline */
		sys_call6(SYS_ppoll, (long)&pfd, 1, deadline_ns == UINT64_MAX ? 0 : (long)&ts, 0, 8,
			  0);
	}
	/* Take the edges out of the set's ready list: what was seen once must
	 * not wake the next call unless something new arrives. */
	while (sys_call4(SYS_epoll_wait, epfd, (long)events, 16, 0) == 16)
		;
}
