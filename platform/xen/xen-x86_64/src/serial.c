/* COM1 at 115200 8N1: the console when the image is not on Xen (no Xen
 * CPUID signature), e.g. QEMU -kernel with its PVH loader. */
#include "x86.h"

#define COM1 0x3f8

void x86_serial_init(void)
{
	x86_outb(COM1 + 1, 0x00); /* no interrupts */
	x86_outb(COM1 + 3, 0x80); /* DLAB: set the divisor */
	x86_outb(COM1 + 0, 0x01); /* 115200 baud */
	x86_outb(COM1 + 1, 0x00);
	x86_outb(COM1 + 3, 0x03); /* 8N1 */
	x86_outb(COM1 + 2, 0xc7); /* FIFO on, cleared */
	x86_outb(COM1 + 4, 0x03); /* DTR, RTS */
}

static void put(char c)
{
	unsigned int spins = 0;

	/* Wait for the transmitter, but never forever: no UART, no hang. */
	while (!(x86_inb(COM1 + 5) & 0x20) && spins++ < 100000)
		__asm__ volatile("pause");
	x86_outb(COM1, (uint8_t)c);
}

void x86_serial_write(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			put('\r');
		put(buf[i]);
	}
}
