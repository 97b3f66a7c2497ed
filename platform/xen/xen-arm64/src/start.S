/* The arm64 Image header and entry. Xen's loader puts the Image at the
 * start of guest RAM (text_offset 0) and enters at its first byte at EL1,
 * MMU and caches off, x0 = the device tree. We note the counter, clear
 * .bss, install the vectors, enable FP/SIMD, and call arm64_boot(dtb). */
#include <uk/config.h>

	.section .text.boot, "ax"
	.globl _start
_start:
	b	arm64_entry		/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	__image_size		/* image_size, .bss included */
	.quad	2			/* flags: little endian, 4 KiB pages */
	.quad	0, 0, 0			/* res2-4 */
	.ascii	"ARM\x64"		/* magic, at offset 56 */
	.long	0			/* res5 */

arm64_entry:
	mrs	x20, cntvct_el0
	mov	x19, x0
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	stp	xzr, xzr, [x1], #16
	b	1b
2:	ldr	x1, =arm64_vectors
	msr	vbar_el1, x1
	mov	x1, #(3 << 20)		/* CPACR_EL1.FPEN: no traps on FP/SIMD */
	msr	cpacr_el1, x1
	isb
	ldr	x1, =boot_stack_top
	mov	sp, x1
	ldr	x1, =arm64_boot_counter
	str	x20, [x1]
	mov	x0, x19
	mov	x29, #0			/* ends the frame-record chain */
	mov	x30, #0
	bl	arm64_boot
3:	wfi
	b	3b

	.section .bss.boot, "aw", @nobits
	.balign 4096
	.globl arm64_stack_guard
arm64_stack_guard:	.skip 4096
	.globl arm64_stack_bottom
arm64_stack_bottom:	.skip CONFIG_PLAT_XEN_ARM64_STACK_KIB * 1024
	.globl boot_stack_top
boot_stack_top:
