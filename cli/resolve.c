/* Choosing providers for capabilities, checking versions, and ordering the
 * chosen modules for init. Breadth-first, so the chains it reports are the
 * shortest ones. */
#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "suggest.h"

struct resolver {
	struct uk_ctx *ctx;
	const struct catalog *cat;
	const struct target *target;
	const struct manifest *m;
	struct resolution *res;
	struct demand *queue;
	size_t nqueue;
	bool failed;
};

const char *requirement_text(struct uk_ctx *ctx, const struct requirement *r)
{
	return r->text && r->text[0] ? ctx_printf(ctx, "%s %s", r->name, r->text) : r->name;
}

static size_t chain_into(struct uk_ctx *ctx, const struct resolution *res, const struct demand *d,
			 struct chain_step **steps, size_t n, int depth)
{
	struct chain_step *s;

	if (d->origin == FROM_MODULE && depth < 64)
		n = chain_into(ctx, res, &res->mods[d->from].why, steps, n, depth + 1);
	s = CTX_PUSH(ctx, *steps, n);
	s->what = requirement_text(ctx, d->req);
	s->pos = d->pos;
	switch (d->origin) {
	case FROM_TARGET:
		s->who = ctx_printf(ctx, "target %s", res->target->name);
		break;
	case FROM_APP:
		s->who = ctx_printf(ctx, "%s (app)", res->app);
		break;
	case FROM_DEVICE:
		s->who = ctx_printf(ctx, "device %s", d->label);
		break;
	case FROM_MODULE:
		s->who = res->mods[d->from].mod->name;
		break;
	}
	return n;
}

size_t resolve_chain(struct uk_ctx *ctx, const struct resolution *res, const struct demand *d,
		     struct chain_step **steps)
{
	*steps = NULL;
	return chain_into(ctx, res, d, steps, 0, 0);
}

static void print_chain(struct resolver *r, const struct demand *d)
{
	struct chain_step *steps;
	size_t n = resolve_chain(r->ctx, r->res, d, &steps), i;
	struct strbuf line;

	strbuf_init(&line, r->ctx);
	for (i = 0; i < n; i++) {
		strbuf_adds(&line, i ? " -> " : "");
		strbuf_adds(&line, steps[i].who);
	}
	diag_note(r->ctx, "chain", "%s -> %s", line.s, steps[n - 1].what);
}

static void fail(struct resolver *r)
{
	r->failed = true;
}

static const struct manifest_prefer *find_prefer(const struct manifest *m, const char *cap)
{
	size_t i;

	for (i = 0; m && i < m->nprefer; i++)
		if (!strcmp(m->prefer[i].capability, cap))
			return &m->prefer[i];
	return NULL;
}

static char *provider_list(struct resolver *r, const char *cap, bool with_platforms)
{
	struct strbuf list;
	size_t i, k = 0;

	strbuf_init(&list, r->ctx);
	for (i = 0; i < r->cat->n; i++) {
		const struct module *mod = r->cat->mods[i];

		if (!module_provides(mod, cap))
			continue;
		strbuf_adds(&list, k++ ? ", " : "");
		strbuf_adds(&list, mod->name);
		if (with_platforms)
			strbuf_addf(&list, " (%s)",
				    strbuf_join(r->ctx, mod->platforms, mod->nplatforms, ", "));
	}
	return list.s;
}

static void unknown_capability(struct resolver *r, const struct demand *d)
{
	const char **caps = NULL;
	size_t ncaps = 0, i, j;
	const char *near;

	diag_error(r->ctx, d->pos, "unknown capability '%s': no module provides it", d->req->name);
	for (i = 0; i < r->cat->n; i++)
		for (j = 0; j < r->cat->mods[i]->nprovides; j++)
			*CTX_PUSH(r->ctx, caps, ncaps) = r->cat->mods[i]->provides[j];
	/* A device's driver is not a typo of another driver's name. */
	near = d->origin == FROM_DEVICE ? NULL : suggest_closest(d->req->name, caps, ncaps);
	if (near)
		diag_note(r->ctx, "hint", "did you mean '%s'?", near);
	else
		diag_note(r->ctx, "hint", "'uk modules' lists the capabilities there are");
	if (d->origin != FROM_APP)
		print_chain(r, d);
}

/* Picks the provider of cap for the target; NULL after an error. */
static const struct module *choose(struct resolver *r, const struct demand *d, const char **reason)
{
	const char *cap = d->req->name;
	const struct manifest_prefer *pref = find_prefer(r->m, cap);
	const struct module *only = NULL, *def = NULL;
	size_t i, nall = 0, ncompat = 0, ndefault = 0;

	for (i = 0; i < r->cat->n; i++) {
		const struct module *mod = r->cat->mods[i];

		if (!module_provides(mod, cap))
			continue;
		nall++;
		if (!module_supports(mod, r->target))
			continue;
		ncompat++;
		only = mod;
		if (mod->is_default) {
			ndefault++;
			def = mod;
		}
	}
	if (nall == 0) {
		unknown_capability(r, d);
		return NULL;
	}
	if (ncompat == 0) {
		diag_error(r->ctx, d->pos, "no module provides '%s' for target %s", cap,
			   r->target->name);
		diag_note(r->ctx, "note", "'%s' is provided by %s", cap,
			  provider_list(r, cap, true));
		print_chain(r, d);
		return NULL;
	}
	if (pref) {
		const struct module *mod = catalog_find(r->cat, pref->module);

		if (!mod || !module_provides(mod, cap)) {
			diag_error(r->ctx, pref->pos, "prefer: module '%s' does not provide '%s'",
				   pref->module, cap);
			diag_note(r->ctx, "hint", "the providers of '%s' are: %s", cap,
				  provider_list(r, cap, false));
			return NULL;
		}
		if (!module_supports(mod, r->target)) {
			diag_error(r->ctx, pref->pos, "prefer: module '%s' does not build for %s",
				   pref->module, r->target->name);
			diag_note(r->ctx, "note", "'%s' is provided by %s", cap,
				  provider_list(r, cap, true));
			return NULL;
		}
		*reason = "preferred in uk.yaml";
		return mod;
	}
	if (ncompat == 1) {
		*reason = "the only provider for this target";
		return only;
	}
	if (ndefault == 1) {
		*reason = "the default provider";
		return def;
	}
	diag_error(r->ctx, d->pos, "several modules provide '%s' and none is the default: %s", cap,
		   provider_list(r, cap, false));
	diag_note(r->ctx, "hint", "choose one in uk.yaml, e.g. prefer: { %s: %s }", cap,
		  only->name);
	if (d->origin != FROM_APP)
		print_chain(r, d);
	return NULL;
}

static long chosen_provider(const struct resolution *res, const char *cap)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		if (module_provides(res->mods[i].mod, cap))
			return (long)i;
	return -1;
}

static void add_dep(struct resolver *r, const struct demand *d, size_t provider)
{
	struct resolved *from;
	size_t i;

	if (d->origin != FROM_MODULE)
		return;
	from = &r->res->mods[d->from];
	for (i = 0; i < from->ndeps; i++)
		if (from->deps[i] == provider)
			return;
	*CTX_PUSH(r->ctx, from->deps, from->ndeps) = provider;
}

static void push_demand(struct resolver *r, const struct requirement *req, struct srcpos pos,
			enum demand_origin origin, size_t from, const char *label)
{
	struct demand *d = CTX_PUSH(r->ctx, r->queue, r->nqueue);

	d->req = req;
	d->pos = pos;
	d->origin = origin;
	d->from = from;
	d->label = label;
}

static void satisfy(struct resolver *r, const struct demand *d)
{
	const struct manifest_prefer *pref = find_prefer(r->m, d->req->name);
	long idx = chosen_provider(r->res, d->req->name);
	const struct module *mod;
	struct resolved *rm;
	size_t i;

	if (idx >= 0) {
		mod = r->res->mods[idx].mod;
		if (pref && strcmp(pref->module, mod->name)) {
			diag_error(r->ctx, pref->pos,
				   "prefer: '%s' cannot be served by '%s': '%s' is already in the "
				   "image and provides it too",
				   d->req->name, pref->module, mod->name);
			print_chain(r, &r->res->mods[idx].why);
			fail(r);
			return;
		}
	} else {
		const char *reason = NULL;

		mod = choose(r, d, &reason);
		if (!mod) {
			fail(r);
			return;
		}
		idx = (long)r->res->n;
		rm = CTX_PUSH(r->ctx, r->res->mods, r->res->n);
		rm->mod = mod;
		rm->capability = d->req->name;
		rm->reason = reason;
		rm->why = *d;
		for (i = 0; i < mod->nrequires; i++)
			push_demand(r, &mod->requires[i].req, mod->requires[i].pos, FROM_MODULE,
				    (size_t)idx, NULL);
	}
	add_dep(r, d, (size_t)idx);
	if (!requirement_allows(d->req, mod->version)) {
		struct resolved *chosen = &r->res->mods[idx];

		diag_error(r->ctx, d->pos,
			   "version conflict: '%s' is required, but %s %s was chosen",
			   requirement_text(r->ctx, d->req), mod->name, mod->version_text);
		print_chain(r, d);
		diag_note(r->ctx, "note", "%s %s serves '%s': %s", mod->name, mod->version_text,
			  chosen->capability, chosen->reason);
		/* Where the chosen module came from, when another requirement pulled it in. */
		if (chosen->why.req != d->req && chosen->why.origin != FROM_TARGET)
			print_chain(r, &chosen->why);
		fail(r);
	}
}

static int order_key_cmp(const struct resolved *a, const struct resolved *b)
{
	if (a->mod->init_level != b->mod->init_level)
		return a->mod->init_level < b->mod->init_level ? -1 : 1;
	return strcmp(a->mod->name, b->mod->name);
}

/* The platform is started by its own entry code before any module init, so
 * it is first in the order and a requirement on it orders nothing; this lets
 * the platform use modules (libfdt needs libc) that in turn need platform
 * services. */
static bool orders(const struct resolution *res, size_t dep)
{
	return !module_provides(res->mods[dep].mod, "platform");
}

/* Finds and prints one cycle among the modules not yet ordered. */
static void report_cycle(struct resolver *r, const bool *done)
{
	struct resolution *res = r->res;
	size_t n = res->n, *path = ctx_alloc(r->ctx, (n + 1) * sizeof(size_t));
	int *seen = ctx_alloc(r->ctx, n * sizeof(int));
	size_t cur = 0, len = 0, i, j;
	struct strbuf line;

	while (done[cur])
		cur++;
	/* Every remaining module has a remaining dependency: walk until a repeat. */
	while (!seen[cur]) {
		seen[cur] = (int)++len;
		path[len - 1] = cur;
		for (j = 0; j < res->mods[cur].ndeps; j++) {
			if (!done[res->mods[cur].deps[j]] && orders(res, res->mods[cur].deps[j])) {
				cur = res->mods[cur].deps[j];
				break;
			}
		}
	}
	strbuf_init(&line, r->ctx);
	for (i = (size_t)seen[cur] - 1; i < len; i++)
		strbuf_addf(&line, "%s -> ", res->mods[path[i]].mod->name);
	strbuf_adds(&line, res->mods[cur].mod->name);
	diag_error(r->ctx, (struct srcpos){res->mods[cur].mod->yaml_path, 0, 0},
		   "dependency cycle: %s", line.s);
	diag_note(r->ctx, "hint", "a module cannot require, even indirectly, what requires it");
}

/* Kahn's algorithm; among ready modules the lowest init level, then name. */
static bool order(struct resolver *r)
{
	struct resolution *res = r->res;
	size_t n = res->n, placed, i, j;
	bool *done = ctx_alloc(r->ctx, n * sizeof(bool));
	size_t *perm = ctx_alloc(r->ctx, n * sizeof(size_t) + 1);
	size_t *newidx = ctx_alloc(r->ctx, n * sizeof(size_t) + 1);
	struct resolved *sorted = ctx_alloc(r->ctx, n * sizeof(*sorted) + 1);

	for (placed = 0; placed < n; placed++) {
		long best = -1;

		for (i = 0; i < n; i++) {
			bool ready = !done[i];

			/* The platform comes first: its entry code starts it. */
			if (ready && !orders(res, i)) {
				best = (long)i;
				break;
			}
			for (j = 0; ready && j < res->mods[i].ndeps; j++)
				if (!done[res->mods[i].deps[j]] && res->mods[i].deps[j] != i &&
				    orders(res, res->mods[i].deps[j]))
					ready = false;
			if (ready &&
			    (best < 0 || order_key_cmp(&res->mods[i], &res->mods[best]) < 0))
				best = (long)i;
		}
		if (best < 0) {
			report_cycle(r, done);
			return false;
		}
		done[best] = true;
		perm[placed] = (size_t)best;
		newidx[best] = placed;
	}
	for (i = 0; i < n; i++) {
		sorted[i] = res->mods[perm[i]];
		for (j = 0; j < sorted[i].ndeps; j++)
			sorted[i].deps[j] = newidx[sorted[i].deps[j]];
		if (sorted[i].why.origin == FROM_MODULE)
			sorted[i].why.from = newidx[sorted[i].why.from];
	}
	res->mods = sorted;
	return true;
}

static void check_prefers(struct resolver *r)
{
	size_t i;

	for (i = 0; r->m && i < r->m->nprefer; i++) {
		const struct manifest_prefer *p = &r->m->prefer[i];

		if (chosen_provider(r->res, p->capability) < 0)
			diag_warning(r->ctx, p->pos,
				     "prefer: nothing in this app requires '%s'; the entry has no "
				     "effect",
				     p->capability);
	}
}

struct resolution *resolve(struct uk_ctx *ctx, const struct catalog *cat,
			   const struct target *target, const struct manifest *m)
{
	static const struct requirement netdev = {.name = "netdev-driver", .text = ""};
	static const struct requirement blkdev = {.name = "blkdev-driver", .text = ""};
	/* An assets folder is served by the module that bakes it in. */
	static const struct requirement assets = {.name = "assets", .text = ""};
	/* "ipv4: dhcp" is a promise that something asks for the address. */
	static const struct requirement dhcp = {.name = "dhcp", .text = ""};
	struct resolver r = {ctx, cat, target, m, NULL, NULL, 0, false};
	size_t i;

	r.res = ctx_alloc(ctx, sizeof(*r.res));
	r.res->target = target;
	r.res->app = m ? m->name : "app";
	for (i = 0; i < target->nrequires; i++)
		push_demand(&r, &target->requires[i].req, target->requires[i].pos, FROM_TARGET, 0,
			    NULL);
	for (i = 0; m && i < m->nrequires; i++)
		push_demand(&r, &m->requires[i].req, m->requires[i].pos, FROM_APP, 0, NULL);
	for (i = 0; m && i < m->ndevices; i++)
		push_demand(&r, m->devices[i].kind == DEVICE_NET ? &netdev : &blkdev,
			    m->devices[i].pos, FROM_DEVICE, 0, m->devices[i].name);
	for (i = 0; m && i < m->ndevices; i++)
		if (m->devices[i].kind == DEVICE_NET && m->devices[i].dhcp)
			push_demand(&r, &dhcp, m->devices[i].pos, FROM_DEVICE, 0,
				    m->devices[i].name);
	if (m && m->assets)
		push_demand(&r, &assets, m->assets_pos, FROM_APP, 0, NULL);
	/* The queue grows while we walk it; index, not pointer, survives that. */
	for (i = 0; i < r.nqueue; i++) {
		struct demand d = r.queue[i];

		satisfy(&r, &d);
	}
	if (r.failed)
		return NULL;
	if (!order(&r))
		return NULL;
	check_prefers(&r);
	return r.res;
}

long resolution_find(const struct resolution *res, const char *name_or_capability)
{
	size_t i;

	for (i = 0; i < res->n; i++)
		if (!strcmp(res->mods[i].mod->name, name_or_capability))
			return (long)i;
	return chosen_provider(res, name_or_capability);
}
