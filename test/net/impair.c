/*
 * uk-net-impair: a lossy, slow wire between an image's TAP and Linux, for
 * the tests that ask what netem would (5 % loss, 20 ms delay). The kernels
 * these tests run on are built without sch_netem (and without act_gact), so
 * the wire is a process: it reads every frame the image sends on IMAGE_IF
 * (an AF_PACKET socket in the namespace it runs in) and every frame Linux
 * sends on PEER_TAP (a TAP it creates in the namespace PEER_NETNS), drops
 * each with probability LOSS, holds the rest DELAY ms, then passes them on.
 * Both directions are impaired alike, so the round trip is twice the delay.
 *
 * Unlike netem's, its losses come from a seeded generator: a failure seen
 * once can be replayed with the same --seed. It queues at most 1000 frames
 * each way (netem's default limit); frames beyond are dropped and counted.
 * On SIGTERM or SIGINT it prints what it did and exits 0.
 *
 * With --image-tap, IMAGE_IF is a TAP it creates too (instead of one it
 * reads with AF_PACKET), so that the image's side can be Linux itself: the
 * benchmark's baseline over the same wire (bench/net-tcp-lossy.sh).
 *
 * usage: uk-net-impair [--loss PCT] [--delay MS] [--seed N] [--image-tap]
 *                      IMAGE_IF PEER_TAP PEER_NETNS
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define QUEUE_LIMIT 1000
#define FRAME_MAX   2048

struct frame {
	uint64_t due_ns;
	uint16_t len;
	unsigned char data[FRAME_MAX];
};

/* One direction of the wire: a FIFO (the delay is constant, so frames fall
 * due in the order they came) and its counters. */
struct direction {
	const char *name;
	int in_fd, out_fd;
	struct frame *ring;
	unsigned head, count;
	unsigned long long seen, lost, overflow, passed, too_big;
};

static volatile sig_atomic_t stopping;
static uint64_t rng_state;

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

static void die(const char *what)
{
	fprintf(stderr, "uk-net-impair: %s: %s\n", what, strerror(errno));
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* xorshift64*: a uniform double in [0, 1). */
static double rng_uniform(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (double)((rng_state * 2685821657736338717ull) >> 11) / (double)(1ull << 53);
}

static int open_image_side(const char *ifname)
{
	struct sockaddr_ll sll;
	int one = 1, fd;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0)
		die("socket(AF_PACKET)");
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (sll.sll_ifindex == 0)
		die(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind(AF_PACKET)");
	/* What we send on the interface must not come back to us. */
	if (setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one)) < 0)
		die("PACKET_IGNORE_OUTGOING");
	return fd;
}

/* A TAP named name in the current namespace. */
static int open_tap(const char *name)
{
	struct ifreq ifr;
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		die("/dev/net/tun");
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		die("TUNSETIFF");
	return fd;
}

static int open_peer_side(const char *tap, const char *netns)
{
	int ns, fd;

	ns = open(netns, O_RDONLY | O_CLOEXEC);
	if (ns < 0)
		die(netns);
	/* The TAP is made in the namespace current at TUNSETIFF; the fd keeps
	 * working once we are back. */
	int home = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	if (home < 0 || setns(ns, CLONE_NEWNET) < 0)
		die("setns(peer)");
	fd = open_tap(tap);
	if (setns(home, CLONE_NEWNET) < 0)
		die("setns(home)");
	close(ns);
	close(home);
	return fd;
}

/* Takes one frame from d's input; returns 0 when there was none. */
static int direction_receive(struct direction *d, double loss, uint64_t delay_ns)
{
	struct frame *f;
	unsigned char scratch[FRAME_MAX];
	ssize_t n;

	if (d->count == QUEUE_LIMIT) {
		n = read(d->in_fd, scratch, sizeof(scratch));
		if (n <= 0)
			return 0;
		d->seen++;
		d->overflow++;
		return 1;
	}
	f = &d->ring[(d->head + d->count) % QUEUE_LIMIT];
	n = read(d->in_fd, f->data, sizeof(f->data));
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0)
		die(d->name);
	d->seen++;
	if ((size_t)n >= sizeof(f->data)) {
		d->too_big++;
		return 1;
	}
	if (rng_uniform() * 100.0 < loss) {
		d->lost++;
		return 1;
	}
	f->len = (uint16_t)n;
	f->due_ns = now_ns() + delay_ns;
	d->count++;
	return 1;
}

/* Passes on the frames that are due; returns ns until the next, or -1. */
static int64_t direction_deliver(struct direction *d, uint64_t now)
{
	while (d->count) {
		struct frame *f = &d->ring[d->head];

		if (f->due_ns > now)
			return (int64_t)(f->due_ns - now);
		/* A full TAP queue or a busy interface loses the frame, as a
		 * wire would; TCP is there to cope. */
		if (write(d->out_fd, f->data, f->len) == (ssize_t)f->len)
			d->passed++;
		else
			d->overflow++;
		d->head = (d->head + 1) % QUEUE_LIMIT;
		d->count--;
	}
	return -1;
}

static void direction_report(const struct direction *d)
{
	printf("%s: frames=%llu lost=%llu overflow=%llu too_big=%llu passed=%llu\n", d->name,
	       d->seen, d->lost, d->overflow, d->too_big, d->passed);
}

static void usage(void)
{
	fprintf(stderr, "usage: uk-net-impair [--loss PCT] [--delay MS] [--seed N] [--image-tap] "
			"IMAGE_IF PEER_TAP PEER_NETNS\n");
	exit(2);
}

int main(int argc, char **argv)
{
	double loss = 0, delay_ms = 0;
	struct direction dirs[2];
	struct sigaction sa;
	int i = 1, image_fd, peer_fd;
	bool image_tap = false;

	rng_state = 1;
	while (i < argc && !strncmp(argv[i], "--", 2)) {
		if (!strcmp(argv[i], "--image-tap")) {
			image_tap = true;
			i++;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		if (!strcmp(argv[i], "--loss"))
			loss = strtod(argv[i + 1], NULL);
		else if (!strcmp(argv[i], "--delay"))
			delay_ms = strtod(argv[i + 1], NULL);
		else if (!strcmp(argv[i], "--seed"))
			rng_state = strtoull(argv[i + 1], NULL, 0) | 1;
		else
			usage();
		i += 2;
	}
	if (argc - i != 3 || loss < 0 || loss > 100 || delay_ms < 0)
		usage();

	image_fd = image_tap ? open_tap(argv[i]) : open_image_side(argv[i]);
	peer_fd = open_peer_side(argv[i + 1], argv[i + 2]);
	fcntl(image_fd, F_SETFL, O_NONBLOCK);
	fcntl(peer_fd, F_SETFL, O_NONBLOCK);

	memset(dirs, 0, sizeof(dirs));
	dirs[0] = (struct direction){.name = "image->peer", .in_fd = image_fd, .out_fd = peer_fd};
	dirs[1] = (struct direction){.name = "peer->image", .in_fd = peer_fd, .out_fd = image_fd};
	for (int k = 0; k < 2; k++) {
		dirs[k].ring = calloc(QUEUE_LIMIT, sizeof(struct frame));
		if (!dirs[k].ring)
			die("calloc");
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	printf("uk-net-impair: %s <-> %s, loss %.2f %%, delay %.1f ms each way\n", argv[i],
	       argv[i + 1], loss, delay_ms);
	fflush(stdout);

	uint64_t delay_ns = (uint64_t)(delay_ms * 1e6);
	while (!stopping) {
		struct pollfd pfd[2] = {{image_fd, POLLIN, 0}, {peer_fd, POLLIN, 0}};
		uint64_t now = now_ns();
		int64_t wait_ns = -1;

		for (int k = 0; k < 2; k++) {
			int64_t w = direction_deliver(&dirs[k], now);

			if (w >= 0 && (wait_ns < 0 || w < wait_ns))
				wait_ns = w;
		}
		struct timespec ts = {wait_ns / 1000000000, wait_ns % 1000000000};
		if (ppoll(pfd, 2, wait_ns < 0 ? NULL : &ts, NULL) < 0) {
			if (errno == EINTR)
				continue;
			die("ppoll");
		}
		/* a batch at most per side, so that neither starves the other */
		for (int k = 0; k < 2; k++)
			for (int b = 0; (pfd[k].revents & POLLIN) && b < 64; b++)
				if (!direction_receive(&dirs[k], loss, delay_ns))
					break;
	}
	direction_report(&dirs[0]);
	direction_report(&dirs[1]);
	return 0;
}
