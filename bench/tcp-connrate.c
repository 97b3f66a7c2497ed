/* Opens N TCP connections to ADDR:PORT one after another; on each it sends
 * one line, reads the echo, and closes. Prints connections per second. A
 * load generator for bench/net-tcp.sh, the same for every server. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_in a = {.sin_family = AF_INET};
	struct timespec t0, t1;
	int n, i, ok = 0;
	double s;

	if (argc != 4) {
		fprintf(stderr, "usage: tcp-connrate ADDR PORT N\n");
		return 2;
	}
	inet_pton(AF_INET, argv[1], &a.sin_addr);
	a.sin_port = htons((unsigned short)atoi(argv[2]));
	n = atoi(argv[3]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_STREAM, 0);
		char buf[8];

		if (fd < 0)
			return 1;
		if (connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 &&
		    write(fd, "ping\n", 5) == 5 && read(fd, buf, sizeof(buf)) == 5)
			ok++;
		close(fd);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%d of %d connections in %.3f s: %.0f connections/s\n", ok, n, s, ok / s);
	return ok == n ? 0 : 1;
}
