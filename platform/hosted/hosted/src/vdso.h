/* Private to hosted: the clock through the kernel's vDSO (vdso.c, time.c). */
#ifndef HOSTED_VDSO_H
#define HOSTED_VDSO_H

#include <stddef.h>
#include <stdint.h>

/* The auxiliary vector's entry for the vDSO's ELF header. */
#define HOSTED_AT_NULL	       0
#define HOSTED_AT_SYSINFO_EHDR 33

/* The address of the function called name in the vDSO image at image, of
 * which at most limit bytes may be read; 0 when the image is not a
 * well-formed x86_64 ELF shared object within limit or has no such
 * function. */
uintptr_t hosted_vdso_lookup(const void *image, size_t limit, const char *name);

/* Finds the vDSO through the auxiliary vector above the initial stack sp
 * (argc, argv, envp, auxv) and has time.c read the clocks through it from
 * then on; without one (or with a malformed one) they stay system calls. */
void hosted_vdso_init(const uintptr_t *sp);

/* The vDSO's clock_gettime once hosted_vdso_init found it, else NULL:
 * time.c's, so that time.c alone (the tap test's) links. */
struct hosted_timespec {
	long tv_sec;
	long tv_nsec;
};
typedef int (*hosted_clock_gettime_fn)(long clock, struct hosted_timespec *ts);
extern hosted_clock_gettime_fn hosted_vdso_clock_gettime;

#endif
