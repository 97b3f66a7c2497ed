/* W^X: writing into the image's own code must fault (text is mapped
 * read-execute), and the fault is reported as a panic with its address. */
#include <stdio.h>

int main(void)
{
	volatile unsigned char *code = (volatile unsigned char *)(void *)main;

	printf("writing to text at %p\n", (void *)code);
	code[0] = 0xc3;
	printf("not reached: text is writable\n");
	return 0;
}
