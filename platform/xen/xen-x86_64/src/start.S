/* PVH entry: Xen (or any PVH loader, e.g. QEMU -kernel) starts us in 32-bit
 * protected mode, paging off, %ebx = the physical address of hvm_start_info.
 * We clear .bss, identity-map the first 4 GiB with 2 MiB pages, turn on long
 * mode with NX and SSE, and call xen_x86_boot(start_info) on our stack. */
#include <uk/config.h>
#include <xen/elfnote.h>

#define CR0_PE (1 << 0)
#define CR0_MP (1 << 1)
#define CR0_EM (1 << 2)
#define CR0_TS (1 << 3)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define EFER_NXE (1 << 11)

/* The note that makes this ELF a PVH kernel: the 32-bit entry address. */
	.section .note.Xen, "a", @note
	.balign 4
	.long 4, 4, XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.balign 4
	.long pvh_start32
	.balign 4
	.long 4, 3, XEN_ELFNOTE_GUEST_OS
	.asciz "Xen"
	.balign 4
	.asciz "uk"
	.balign 4

	.section .text.boot, "ax", @progbits
	.code32
	.globl pvh_start32
pvh_start32:
	cli
	cld
	mov %ebx, %ebp
	rdtsc				/* the first instruction's time, for boot cost */
	mov %eax, %esi
	mov %edx, %ebx

	/* .bss is ours to clear: nothing in it is used yet. */
	mov $__bss_start, %edi
	mov $__bss_end, %ecx
	sub %edi, %ecx
	xor %eax, %eax
	rep stosb

	/* Boot page tables: PML4[0] -> PDPT[0..3] -> 4 PDs of 2 MiB pages. */
	mov $boot_pdpt, %eax
	or $3, %eax
	mov %eax, boot_pml4
	mov $boot_pd, %eax
	or $3, %eax
	xor %ecx, %ecx
1:	mov %eax, boot_pdpt(, %ecx, 8)
	add $4096, %eax
	inc %ecx
	cmp $4, %ecx
	jne 1b
	xor %ecx, %ecx
2:	mov %ecx, %eax
	shl $21, %eax
	or $0x83, %eax			/* present, writable, 2 MiB */
	mov %eax, boot_pd(, %ecx, 8)
	inc %ecx
	cmp $2048, %ecx
	jne 2b

	mov %cr4, %eax
	or $(CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT), %eax
	mov %eax, %cr4
	mov $boot_pml4, %eax
	mov %eax, %cr3
	mov $MSR_EFER, %ecx
	rdmsr
	or $(EFER_LME | EFER_NXE), %eax
	wrmsr
	mov %cr0, %eax
	and $~(CR0_EM | CR0_TS), %eax
	or $(CR0_PE | CR0_MP | CR0_WP | CR0_PG), %eax
	mov %eax, %cr0
	lgdt boot_gdt_ptr
	ljmp $0x08, $start64

	.code64
start64:
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xor %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	lea boot_stack_top(%rip), %rsp
	shl $32, %rbx
	mov %esi, %esi
	or %rsi, %rbx
	mov %rbx, x86_boot_tsc(%rip)
	fninit
	mov %ebp, %edi			/* start_info, zero-extended */
	xor %ebp, %ebp			/* ends the frame-pointer chain */
	call xen_x86_boot
3:	cli
	hlt
	jmp 3b

	.section .rodata.boot_gdt, "a", @progbits
	.balign 16
	.globl boot_gdt
boot_gdt:
	.quad 0
	.quad 0x00af9a000000ffff		/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff		/* 0x10: data */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.quad boot_gdt

	.section .bss.boot, "aw", @nobits
	.balign 4096
boot_pml4:	.skip 4096
boot_pdpt:	.skip 4096
boot_pd:	.skip 4 * 4096
	/* Unmapped once the final page tables are in: catches stack overflow. */
	.globl x86_stack_guard
x86_stack_guard:	.skip 4096
	.globl x86_stack_bottom
x86_stack_bottom:	.skip CONFIG_PLAT_XEN_X86_64_STACK_KIB * 1024
	.globl boot_stack_top
boot_stack_top:
