/* main's return value is the image's exit status, on every target. */
#include <stdio.h>

int main(void)
{
	printf("returning 3\n");
	return 3;
}
