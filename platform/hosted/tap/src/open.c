/* Opening a TAP: /dev/net/tun, TUNSETIFF (which creates the interface when
 * it does not exist), then the interface's flags and MTU through a socket. */
#include <errno.h>
#include <string.h>

#include <hosted/syscall.h>

#include "tap.h"

#define TUNSETIFF    0x400454caL
#define SIOCGIFFLAGS 0x8913L
#define SIOCSIFFLAGS 0x8914L
#define SIOCGIFMTU   0x8921L
#define IFF_TAP	     0x0002
#define IFF_NO_PI    0x1000
#define IFF_UP	     0x1
#define AF_INET	     2
#define SOCK_DGRAM   2
#define SOCK_CLOEXEC 02000000

/* The kernel's struct ifreq: a name, then a 24-byte union. */
struct tap_ifreq {
	char name[16];
	union {
		short flags;
		int mtu;
		unsigned char pad[24];
	} u;
};

int tap_open(const char *ifname, unsigned *mtu, const char **what)
{
	struct tap_ifreq ifr;
	long fd, sock, r;

	*what = "cannot open /dev/net/tun";
	fd = sys_call4(SYS_openat, HOSTED_AT_FDCWD, (long)"/dev/net/tun",
		       HOSTED_O_RDWR | HOSTED_O_NONBLOCK | HOSTED_O_CLOEXEC, 0);
	if (fd < 0)
		return (int)fd;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.name, ifname, sizeof(ifr.name) - 1);
	ifr.u.flags = IFF_TAP | IFF_NO_PI;
	*what = "cannot attach to the TAP interface";
	r = sys_call3(SYS_ioctl, fd, TUNSETIFF, (long)&ifr);
	if (r < 0)
		goto fail;
	*what = "cannot open a socket to configure the interface";
	sock = sys_call3(SYS_socket, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (sock < 0) {
		r = sock;
		goto fail;
	}
	*what = "cannot read the interface's flags";
	r = sys_call3(SYS_ioctl, sock, SIOCGIFFLAGS, (long)&ifr);
	if (r == 0 && !(ifr.u.flags & IFF_UP)) {
		*what = "cannot set the interface up";
		ifr.u.flags |= IFF_UP;
		r = sys_call3(SYS_ioctl, sock, SIOCSIFFLAGS, (long)&ifr);
	}
	if (r == 0) {
		*what = "cannot read the interface's MTU";
		r = sys_call3(SYS_ioctl, sock, SIOCGIFMTU, (long)&ifr);
		*mtu = (unsigned)ifr.u.mtu;
	}
	sys_call1(SYS_close, sock);
	if (r < 0)
		goto fail;
	return (int)fd;
fail:
	sys_call1(SYS_close, fd);
	return (int)r;
}
