/*
 * Host tests only: renames every public symbol of uk's libc to uktest_<name>.
 *
 * The tests run as ordinary Linux programs, so glibc is in the process too
 * (CMocka and the ASan/UBSan runtimes need it), and two definitions of
 * printf, malloc or memcpy cannot share one executable. Both the libc
 * sources and the test programs are compiled with `-include` of this file
 * and with libs/libc/include ahead of the system headers: uk's code and
 * headers are then used unchanged, but every name they declare or define
 * becomes uktest_*, while glibc keeps the real names for everything else
 * in the process (the sanitizers' interceptors included). A test program
 * must therefore not include glibc's own string.h, stdio.h, stdlib.h,
 * ctype.h or errno.h; it gets uk's.
 *
 * Keep this list in step with the public headers: a name missing here
 * shows up as a clash or as a test silently calling glibc.
 */
#ifndef UKTEST_NAMES_H
#define UKTEST_NAMES_H

#define memcpy	       uktest_memcpy
#define memmove	       uktest_memmove
#define memset	       uktest_memset
#define memcmp	       uktest_memcmp
#define memchr	       uktest_memchr
#define strlen	       uktest_strlen
#define strnlen	       uktest_strnlen
#define strcpy	       uktest_strcpy
#define strncpy	       uktest_strncpy
#define strcat	       uktest_strcat
#define strncat	       uktest_strncat
#define strcmp	       uktest_strcmp
#define strncmp	       uktest_strncmp
#define strchr	       uktest_strchr
#define strrchr	       uktest_strrchr
#define strstr	       uktest_strstr
#define strpbrk	       uktest_strpbrk
#define strspn	       uktest_strspn
#define strcspn	       uktest_strcspn
#define strtok	       uktest_strtok
#define strtok_r       uktest_strtok_r
#define strdup	       uktest_strdup
#define strndup	       uktest_strndup
#define strerror       uktest_strerror
#define strcasecmp     uktest_strcasecmp
#define strncasecmp    uktest_strncasecmp
#define isalnum	       uktest_isalnum
#define isalpha	       uktest_isalpha
#define isblank	       uktest_isblank
#define iscntrl	       uktest_iscntrl
#define isdigit	       uktest_isdigit
#define isgraph	       uktest_isgraph
#define islower	       uktest_islower
#define isprint	       uktest_isprint
#define ispunct	       uktest_ispunct
#define isspace	       uktest_isspace
#define isupper	       uktest_isupper
#define isxdigit       uktest_isxdigit
#define tolower	       uktest_tolower
#define toupper	       uktest_toupper
#define malloc	       uktest_malloc
#define free	       uktest_free
#define calloc	       uktest_calloc
#define realloc	       uktest_realloc
#define aligned_alloc  uktest_aligned_alloc
#define posix_memalign uktest_posix_memalign
#define exit	       uktest_exit
#define _Exit	       uktest__Exit
#define abort	       uktest_abort
#define atoi	       uktest_atoi
#define atol	       uktest_atol
#define atoll	       uktest_atoll
#define strtol	       uktest_strtol
#define strtoul	       uktest_strtoul
#define strtoll	       uktest_strtoll
#define strtoull       uktest_strtoull
#define abs	       uktest_abs
#define labs	       uktest_labs
#define llabs	       uktest_llabs
#define qsort	       uktest_qsort
#define bsearch	       uktest_bsearch
#define rand	       uktest_rand
#define srand	       uktest_srand
#define printf	       uktest_printf
#define vprintf	       uktest_vprintf
#define fprintf	       uktest_fprintf
#define vfprintf       uktest_vfprintf
#define sprintf	       uktest_sprintf
#define vsprintf       uktest_vsprintf
#define snprintf       uktest_snprintf
#define vsnprintf      uktest_vsnprintf
#define puts	       uktest_puts
#define putchar	       uktest_putchar
#define fputs	       uktest_fputs
#define fputc	       uktest_fputc
#define putc	       uktest_putc
#define fwrite	       uktest_fwrite
#define fflush	       uktest_fflush
#define stdout	       uktest_stdout
#define stderr	       uktest_stderr
#define errno	       uktest_errno

#endif
