/* The fixed part of every image's glue: module init in the order the
 * generated glue.c lists, main, fini in reverse, and device lookup. glue.c
 * holds only data; `uk build` compiles this file with it, with no libc. */
#include <uk/glue.h>
#include <uk/plat.h>

int main(int argc, char **argv);

/* The glue needs no libc: it compares names itself. */
static int glue_same_name(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

const struct uk_device *uk_device_find(const char *name)
{
	size_t i;

	for (i = 0; i < uk_device_count; i++)
		if (glue_same_name(uk_devices[i].name, name))
			return &uk_devices[i];
	return NULL;
}

/* Appends s at *p, keeping the last byte of buf[0..end) for the NUL. */
static void glue_append(char **p, char *end, const char *s)
{
	while (*s && *p < end - 1)
		*(*p)++ = *s++;
	**p = 0;
}

/* The errors an init returns most, by name. Linux's numbers, which uk's
 * libc keeps (libs/libc/include/errno.h); the glue includes no libc. */
static const struct {
	int num;
	const char *name;
} glue_errnos[] = {
    {1, "EPERM"},      {2, "ENOENT"},	     {5, "EIO"},	 {6, "ENXIO"},
    {11, "EAGAIN"},    {12, "ENOMEM"},	     {13, "EACCES"},	 {16, "EBUSY"},
    {17, "EEXIST"},    {19, "ENODEV"},	     {22, "EINVAL"},	 {28, "ENOSPC"},
    {38, "ENOSYS"},    {95, "EOPNOTSUPP"},   {98, "EADDRINUSE"}, {99, "EADDRNOTAVAIL"},
    {100, "ENETDOWN"}, {101, "ENETUNREACH"}, {105, "ENOBUFS"},	 {110, "ETIMEDOUT"},
};

/* Appends -n in decimal. */
static void glue_append_neg(char **p, char *end, int err)
{
	char digits[12], *d = digits + sizeof(digits) - 1;
	unsigned v = err < 0 ? 0u - (unsigned)err : (unsigned)err;

	*d = 0;
	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) && d > digits + 1);
	if (err < 0)
		*--d = '-';
	glue_append(p, end, d);
}

/* "init of module ipv4 failed: -99 (EADDRNOTAVAIL)" */
static _Noreturn void glue_init_failed(const char *module, int err)
{
	char msg[128], *p = msg, *end = msg + sizeof(msg);
	size_t i;

	glue_append(&p, end, "init of module ");
	glue_append(&p, end, module);
	glue_append(&p, end, " failed: ");
	glue_append_neg(&p, end, err);
	for (i = 0; i < sizeof(glue_errnos) / sizeof(glue_errnos[0]); i++) {
		if (-glue_errnos[i].num == err) {
			glue_append(&p, end, " (");
			glue_append(&p, end, glue_errnos[i].name);
			glue_append(&p, end, ")");
		}
	}
	plat_panic(msg);
}

/* Called through a volatile pointer so that LTO keeps main a function of
 * its own, which uk size and backtraces then show as the app's. */
static int (*volatile glue_main)(int, char **) = main;

int uk_glue_run(int argc, char **argv)
{
	size_t i;
	int status;

	/* Dependencies first: uk deps shows the order. */
	for (i = 0; i < uk_glue_module_count; i++) {
		int err = uk_glue_modules[i].init ? uk_glue_modules[i].init() : 0;

		if (err < 0)
			glue_init_failed(uk_glue_modules[i].name, err);
	}
	if (argc <= 1) {
		argc = uk_default_argc;
		argv = (char **)uk_default_argv;
	}
	status = glue_main(argc, argv);
	for (i = uk_glue_module_count; i-- > 0;)
		if (uk_glue_modules[i].fini)
			uk_glue_modules[i].fini();
	return status;
}
