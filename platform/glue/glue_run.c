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

static _Noreturn void glue_init_failed(const char *module)
{
	char msg[96], *p = msg;

	glue_append(&p, msg + sizeof(msg), "init of module ");
	glue_append(&p, msg + sizeof(msg), module);
	glue_append(&p, msg + sizeof(msg), " failed");
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
	for (i = 0; i < uk_glue_module_count; i++)
		if (uk_glue_modules[i].init && uk_glue_modules[i].init() < 0)
			glue_init_failed(uk_glue_modules[i].name);
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
