/* Private to xen-x86_64: what its files share. */
#ifndef PLAT_XEN_X86_H
#define PLAT_XEN_X86_H

#include <stddef.h>
#include <stdint.h>

/* Linker script and start.S symbols. */
extern char __image_start[], __text_end[], __rodata_end[], __image_end[];
extern char x86_stack_guard[], x86_stack_bottom[], boot_stack_top[];

/* The register frame traps.S builds for an exception. */
struct x86_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;
};

#define X86_UPCALL_VECTOR 0xf3

/* paging.c: final page tables, W^X from the linker script's sections. page_pool
 * is where page-table pages come from (advanced past what was used). */
void x86_paging_init(uint64_t map_top, uintptr_t *page_pool);

/* traps.c */
void x86_traps_init(void);
void x86_backtrace(uint64_t rbp);

/* lapic.c: software-enables the local APIC (the upcall vector goes through it). */
void x86_lapic_init(void);
void x86_lapic_eoi(void);

/* serial.c: COM1, for when there is no Xen (QEMU -kernel, other PVH loaders). */
void x86_serial_init(void);
void x86_serial_write(const char *buf, size_t len);

/* memory.c: RAM from the start info's memory map (or XENMEM_memory_map),
 * copied by init; release hands what lies above free_from to plat_memory_regions. */
void x86_memory_init(const void *start_info);
void x86_memory_release(uintptr_t free_from);
uint64_t x86_memory_top(void);

/* console.c: where plat_console_write goes. */
void x86_console_write(const char *buf, size_t len);

/* Prints "panic: msg", a backtrace from rbp, and ends the domain as crashed. */
_Noreturn void x86_panic(const char *msg, uint64_t rbp);

/* Guards the stack-protector canary with a value that differs per boot. */
void x86_canary_init(void);

static inline void x86_outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}

static inline uint8_t x86_inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t x86_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

#endif
