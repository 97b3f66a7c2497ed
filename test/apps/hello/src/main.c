/* The smallest test: one line on the console, exit status 0. */
#include <stdio.h>
#include <uk/config.h>

int main(void)
{
	printf("Hello from uk on %s\n", UK_TARGET);
	return 0;
}
