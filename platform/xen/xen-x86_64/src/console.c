/* Where the image's console output goes: the PV console ring on Xen, COM1
 * elsewhere; before the ring is found (very early), to Xen's debug port. */
#include <xen-core/console.h>
#include <xen-core/hypercall.h>
#include <uk/plat.h>

#include "x86.h"

void x86_console_write(const char *buf, size_t len)
{
	size_t i;

	if (xen_present() && xencons_ready()) {
		xencons_write(buf, len);
	} else if (xen_present()) {
		/* Port 0xE9: Xen shows it as "(dN) ..." in its own log. */
		for (i = 0; i < len; i++)
			x86_outb(0xe9, (uint8_t)buf[i]);
	} else {
		x86_serial_write(buf, len);
	}
}

void plat_console_write(const char *buf, size_t len)
{
	x86_console_write(buf, len);
}
