/* xorshift N: writes N bytes of the stream the test apps make (tcpprobe's
 * client, httpprobe's /stream): xorshift32 from seed 1, each state's low
 * byte. The e2e tests compile it and compare sha256 sums of its output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	static unsigned char b[65536];
	unsigned long long n, i;
	uint32_t x = 1;
	size_t k = 0;

	if (argc != 2)
		return 2;
	n = strtoull(argv[1], NULL, 10);
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		b[k++] = (unsigned char)x;
		if (k == sizeof(b) || i + 1 == n) {
			if (fwrite(b, 1, k, stdout) != k)
				return 1;
			k = 0;
		}
	}
	return 0;
}
