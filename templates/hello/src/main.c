/* ${name}: prints a greeting and its arguments; the return value of main
 * is the image's exit status. */
#include <stdio.h>

int main(int argc, char **argv)
{
	int i;

	printf("Hello from ${name}, a uk unikernel!\n");
	for (i = 1; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	return 0;
}
