/* The Linux baseline for bench/net-tcp.sh: an echo server on port 7 that,
 * like uk's tcpprobe, is one process serving one connection at a time with
 * plain blocking reads and writes (no fork per connection). */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(7)};
	int one = 1, s = socket(AF_INET, SOCK_STREAM, 0);
	static char buf[65536];

	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(s, 128) != 0) {
		perror("tcp-echo-server");
		return 1;
	}
	for (;;) {
		int c = accept(s, NULL, NULL);
		ssize_t n;

		if (c < 0)
			continue;
		while ((n = read(c, buf, sizeof(buf))) > 0)
			if (write(c, buf, (size_t)n) != n)
				break;
		close(c);
	}
}
