/* The resolver: from the app's requirements, the target's and the devices'
 * to a minimal, deterministic module set in init order. */
#ifndef UK_RESOLVE_H
#define UK_RESOLVE_H

#include "catalog.h"
#include "manifest.h"

enum demand_origin { FROM_TARGET, FROM_APP, FROM_DEVICE, FROM_MODULE };

/* One requirement on a capability, and who made it. */
struct demand {
	const struct requirement *req;
	struct srcpos pos;
	enum demand_origin origin;
	size_t from;	   /* FROM_MODULE: index in resolution.mods */
	const char *label; /* FROM_DEVICE: the device name */
};

struct resolved {
	const struct module *mod;
	const char *capability; /* the capability it was chosen for */
	const char *reason;	/* why this provider: "preferred in uk.yaml", ... */
	struct demand why;	/* the first requirement that pulled it in */
	size_t *deps;		/* indices of the modules it requires */
	size_t ndeps;
};

struct resolution {
	const struct target *target;
	const char *app;
	struct resolved *mods; /* in init order: dependencies first */
	size_t n;
};

/* Resolves; NULL after printing errors with the chain that led to each. */
struct resolution *resolve(struct uk_ctx *ctx, const struct catalog *cat,
			   const struct target *target, const struct manifest *m);

/* One step of the chain of requirements that pulled a module in. */
struct chain_step {
	const char *who;  /* "hello (app)", "target hosted/x86_64", "libc", ... */
	const char *what; /* the requirement as written: "alloc >= 0.1" */
	struct srcpos pos;
};

/* The chain from the root to demand d, outermost first. */
size_t resolve_chain(struct uk_ctx *ctx, const struct resolution *res, const struct demand *d,
		     struct chain_step **steps);

/* The module serving a module name or a capability, or -1. */
long resolution_find(const struct resolution *res, const char *name_or_capability);

/* "alloc >= 0.1" or "alloc". */
const char *requirement_text(struct uk_ctx *ctx, const struct requirement *r);

#endif
