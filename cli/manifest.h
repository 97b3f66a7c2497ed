/* The app manifest, uk.yaml, parsed and validated into a typed struct. */
#ifndef UK_MANIFEST_H
#define UK_MANIFEST_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "diag.h"
#include "version.h"
#include "ydoc.h"

struct manifest_prefer {
	const char *capability, *module;
	struct srcpos pos;
};

enum manifest_device_kind { DEVICE_NET = 1, DEVICE_BLOCK = 2 };

struct manifest_device {
	const char *name;
	enum manifest_device_kind kind;
	struct srcpos pos;
	/* net */
	bool has_mac;
	uint8_t mac[6];
	bool dhcp, has_ipv4, has_gateway;
	uint8_t ipv4[4], prefix, gateway[4];
	const char *tap, *bridge;
	/* block */
	const char *file;
	bool readonly;
};

struct manifest_option {
	const char *symbol;
	const char *value; /* as .config writes it: y, n, 42, 0x10 or "text" (quoted) */
	struct srcpos pos;
};

struct manifest_path {
	const char *text; /* as written, relative to the app directory */
	struct srcpos pos;
};

struct manifest {
	const char *path; /* uk.yaml as given */
	const char *dir;  /* the app directory, absolute */
	const char *name, *version;
	const char *target;
	struct srcpos target_pos;
	struct yrequirement *requires;
	size_t nrequires;
	struct manifest_prefer *prefer;
	size_t nprefer;
	struct manifest_device *devices;
	size_t ndevices;
	struct manifest_path *sources, *include;
	size_t nsources, ninclude;
	const char **cflags;
	size_t ncflags;
	struct manifest_option *options;
	size_t noptions;
	uint64_t memory_bytes;
	const char *cmdline;
	const char *assets; /* the assets folder, as written; NULL without one */
	struct srcpos assets_pos;
};

#define MANIFEST_DEFAULT_TARGET "hosted/x86_64"
#define MANIFEST_DEFAULT_MEMORY (64ull << 20)
/* NETDEV_MAX_DEVICES's default and the top of its range (libs/netdev/Kconfig). */
#define MANIFEST_NET_DEVICES_DEFAULT 4
#define MANIFEST_NET_DEVICES_MAX     16

/* Parses and checks path. Returns NULL after printing every error found. */
struct manifest *manifest_load(struct uk_ctx *ctx, const char *path);

/* Parses "64M", "1 GiB", "512k", or a plain number of MiB. */
bool manifest_parse_size(const char *s, uint64_t *bytes);

#endif
