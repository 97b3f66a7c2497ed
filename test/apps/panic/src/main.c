/* A failed assertion panics: its message, then a crash. */
#include <assert.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	(void)argv;
	printf("about to fail an assertion\n");
	assert(argc == 42);
	printf("not reached\n");
	return 0;
}
