/* The contract between a platform's entry code and the glue.c that
 * `uk build` generates for each app: device table, module init, main. */
#ifndef UK_GLUE_H
#define UK_GLUE_H

#include <stddef.h>
#include <stdint.h>

enum uk_device_kind {
	UK_DEVICE_NET = 1,
	UK_DEVICE_BLOCK = 2,
};

/* One device from the manifest's devices: list. Net devices become netdev
 * providers, block devices blkdev providers; drivers look themselves up
 * here by kind and name. Unset strings are NULL, unset numbers 0. */
struct uk_device {
	const char *name;
	enum uk_device_kind kind;
	/* net */
	uint8_t mac[6];
	uint8_t has_mac;
	uint8_t ipv4[4];
	uint8_t ipv4_prefix;
	uint8_t gateway[4];
	uint8_t dhcp;
	const char *tap;    /* hosted: TAP interface name */
	const char *bridge; /* xen: backend bridge */
	/* block */
	const char *file; /* hosted file or Xen backend target */
	uint8_t readonly;
};

extern const struct uk_device uk_devices[];
extern const size_t uk_device_count;

/* Bytes of RAM the manifest's memory: asks for. */
extern const size_t uk_memory_bytes;

/* The manifest's cmdline:, split on spaces; used when the platform has no
 * arguments of its own. */
extern const char *const uk_default_argv[];
extern const int uk_default_argc;

/* A module with an init or a fini function. glue.c lists them in init
 * order (dependencies first); the runner, platform/glue/glue_run.c, calls
 * the inits in that order and the finis in reverse. Unset functions are
 * NULL. */
struct uk_glue_module {
	const char *name;
	int (*init)(void); /* < 0: the image panics, naming the module */
	void (*fini)(void);
};

extern const struct uk_glue_module uk_glue_modules[];
extern const size_t uk_glue_module_count;

/* Runs every module's init function in dependency order, then the app's
 * main(argc, argv) (the default argv when argc <= 1), then every module's
 * fini in reverse; returns main's return value. A failing init ends the
 * image with a panic naming the module. Called once by the platform. */
int uk_glue_run(int argc, char **argv);

/* Looks up a device by name; NULL if the manifest has none of that name. */
const struct uk_device *uk_device_find(const char *name);

#endif
