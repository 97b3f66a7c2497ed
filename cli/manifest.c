/* uk.yaml: the app's name, target, requirements, devices, sources and
 * options. Every problem is reported with its file:line:column. */
#include "manifest.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "netcheck.h"
#include "ydoc.h"
#include "strbuf.h"

static bool is_identifier(const char *s, bool upper)
{
	const char *p;

	if (!*s || strlen(s) > 64)
		return false;
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		bool ok = upper ? (isupper(c) || isdigit(c) || c == '_')
				: (islower(c) || isdigit(c) || c == '-' || c == '_');
		if (!ok)
			return false;
	}
	return isalpha((unsigned char)s[0]);
}

bool manifest_parse_size(const char *s, uint64_t *bytes)
{
	char *end;
	unsigned long long v;
	uint64_t unit = 1ull << 20;

	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return false;
	while (*end == ' ')
		end++;
	switch (toupper((unsigned char)*end)) {
	case 'K':
		unit = 1ull << 10;
		end++;
		break;
	case 'M':
		end++;
		break;
	case 'G':
		unit = 1ull << 30;
		end++;
		break;
	case 0:
		break;
	default:
		return false;
	}
	if (*end == 'i')
		end++;
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end || v > (UINT64_MAX / unit))
		return false;
	*bytes = v * unit;
	return true;
}

static bool parse_ipv4(const char *s, uint8_t out[4], const char **rest)
{
	int i;

	for (i = 0; i < 4; i++) {
		unsigned long v;
		char *end;

		if (!isdigit((unsigned char)*s))
			return false;
		v = strtoul(s, &end, 10);
		if (v > 255 || end - s > 3)
			return false;
		out[i] = (uint8_t)v;
		s = end;
		if (i < 3) {
			if (*s != '.')
				return false;
			s++;
		}
	}
	*rest = s;
	return true;
}

static bool parse_mac(const char *s, uint8_t mac[6])
{
	int i;

	for (i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]))
			return false;
		mac[i] = (uint8_t)strtoul((char[]){s[0], s[1], 0}, NULL, 16);
		s += 2;
		if (i < 5 && *s++ != ':')
			return false;
	}
	return *s == 0;
}

static bool parse_prefer(struct uk_ctx *ctx, struct manifest *m, struct ynode *node)
{
	size_t i;

	if (!ydoc_expect(ctx, node, YNODE_MAP, "prefer"))
		return false;
	for (i = 0; i < node->n; i++) {
		struct manifest_prefer *p = CTX_PUSH(ctx, m->prefer, m->nprefer);

		p->capability = node->pairs[i].key->str;
		p->pos = node->pairs[i].key->pos;
		if (!(p->module = ydoc_scalar(ctx, node->pairs[i].val, "a prefer: entry")))
			return false;
	}
	return true;
}

/* Paths stay inside the app: by their text (read as glob reads it), and,
 * where the path exists, by where its symlinks lead. */
static bool path_inside(struct uk_ctx *ctx, const struct manifest *m, const char *text,
			struct srcpos pos, const char *what)
{
	const char *full = fs_join(ctx, m->dir, text);

	if (!fs_pattern_is_inside(text)) {
		diag_error(ctx, pos, "%s %s must be a path inside the app directory", what,
			   diag_quote(ctx, text));
		return false;
	}
	if (fs_exists(full) && !fs_is_below(ctx, full, m->dir)) {
		diag_error(ctx, pos, "%s %s is a symlink that leads outside the app directory",
			   what, diag_quote(ctx, text));
		diag_note(ctx, "hint", "copy what it points to into the app");
		return false;
	}
	return true;
}

/* Devices. Each kind is a table of its keys, beyond the common name and
 * kind, and a check of what it needs once all its keys are read. */

typedef bool device_key_fn(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v);

struct device_key {
	const char *key;
	device_key_fn *parse;
};

struct device_kind {
	const char *name; /* as uk.yaml writes it */
	enum manifest_device_kind kind;
	const struct device_key *keys; /* NULL-terminated */
	bool (*check)(struct uk_ctx *ctx, const struct manifest *m, const struct manifest_device *d,
		      const struct ynode *node);
};

static bool net_mac(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	if (!ydoc_scalar(ctx, v, "mac"))
		return false;
	if (!parse_mac(v->str, d->mac)) {
		diag_error(ctx, v->pos, "mac must be six hex pairs such as 00:16:3e:00:00:01");
		return false;
	}
	if (d->mac[0] & 1) {
		diag_error(ctx, v->pos, "mac %s is a multicast address", v->str);
		diag_note(ctx, "hint", "the lowest bit of the first byte must be 0");
		return false;
	}
	if (!memcmp(d->mac, (uint8_t[6]){0}, 6)) {
		diag_error(ctx, v->pos, "mac %s is all zeros, which no device may have", v->str);
		diag_note(ctx, "hint",
			  "leave mac out for one derived from the device, or pick a local one such "
			  "as 02:00:00:00:00:01");
		return false;
	}
	d->has_mac = true;
	return true;
}

/* An address a host may have: not reserved, and, with its prefix, not
 * its subnet's network or broadcast address. */
#define IPV4_ARGS(x) (x) >> 24, (x) >> 16 & 255, (x) >> 8 & 255, (x)&255

static bool net_host_address(struct uk_ctx *ctx, const char *what, const struct ynode *v,
			     const uint8_t a[4], unsigned prefix)
{
	const char *why = netcheck_ipv4_reserved(a);
	uint32_t x = (uint32_t)a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3];
	uint32_t host = prefix >= 32 ? 0 : 0xffffffffu >> prefix;

	if (why) {
		diag_error(ctx, v->pos, "%s %s is %s", what, v->str, why);
		diag_note(ctx, "hint", "a device needs an address other hosts can reach");
		return false;
	}
	if (!(why = netcheck_ipv4_in_subnet(a, prefix)))
		return true;
	diag_error(ctx, v->pos, "%s %s is %s", what, v->str, why);
	diag_note(ctx, "hint", "the hosts of %u.%u.%u.%u/%u are %u.%u.%u.%u to %u.%u.%u.%u",
		  IPV4_ARGS(x & ~host), prefix, IPV4_ARGS((x & ~host) + 1),
		  IPV4_ARGS((x | host) - 1));
	return false;
}

static bool net_ipv4(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	const char *rest;
	unsigned long prefix;
	char *end;

	if (!ydoc_scalar(ctx, v, "ipv4"))
		return false;
	if (!strcmp(v->str, "dhcp")) {
		d->dhcp = true;
		return true;
	}
	if (!parse_ipv4(v->str, d->ipv4, &rest) || *rest != '/') {
		diag_error(ctx, v->pos,
			   "ipv4 must be an address with a prefix length, such as "
			   "10.0.0.2/24, or 'dhcp'");
		return false;
	}
	prefix = strtoul(rest + 1, &end, 10);
	if (!isdigit((unsigned char)rest[1]) || *end || prefix < 1 || prefix > 32) {
		diag_error(ctx, v->pos, "the prefix length of %s must be from 1 to 32",
			   diag_quote(ctx, v->str));
		return false;
	}
	d->prefix = (uint8_t)prefix;
	return (d->has_ipv4 = net_host_address(ctx, "ipv4", v, d->ipv4, d->prefix));
}

/* The address only; whether it fits the device's subnet is net_check's. */
static bool net_gateway(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	const char *rest;

	if (!ydoc_scalar(ctx, v, "gateway"))
		return false;
	if (!parse_ipv4(v->str, d->gateway, &rest) || *rest) {
		diag_error(ctx, v->pos, "gateway must be an IPv4 address such as 10.0.0.1");
		return false;
	}
	d->has_gateway = true;
	return true;
}

/* tap and bridge name Linux interfaces, on the host or in dom0. */
static const char *net_ifname(struct uk_ctx *ctx, struct ynode *v, const char *what)
{
	const char *why;

	if (!ydoc_scalar(ctx, v, what))
		return NULL;
	if (!(why = netcheck_ifname(v->str)))
		return v->str;
	diag_error(ctx, v->pos, "%s name %s is %s", what, diag_quote(ctx, v->str), why);
	diag_note(ctx, "hint", "an interface name has 1 to 15 characters, such as uk0 or xenbr0");
	return NULL;
}

static bool net_tap(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	return (d->tap = net_ifname(ctx, v, "tap")) != NULL;
}

static bool net_bridge(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	return (d->bridge = net_ifname(ctx, v, "bridge")) != NULL;
}

static bool same_subnet(const uint8_t a[4], const uint8_t b[4], unsigned prefix)
{
	uint32_t x = (uint32_t)a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3];
	uint32_t y = (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	uint32_t mask = prefix == 32 ? 0xffffffffu : ~(0xffffffffu >> prefix);

	return (x & mask) == (y & mask);
}

static bool net_check(struct uk_ctx *ctx, const struct manifest *m, const struct manifest_device *d,
		      const struct ynode *node)
{
	const struct ynode *gw = ydoc_get(node, "gateway");

	(void)m;
	if (d->has_gateway && !d->has_ipv4) {
		diag_error(ctx, gw->pos, "a gateway needs a static ipv4 address on the device");
		return false;
	}
	if (d->has_gateway && !same_subnet(d->ipv4, d->gateway, d->prefix)) {
		diag_error(ctx, gw->pos, "gateway %s is outside the device's subnet /%u", gw->str,
			   d->prefix);
		return false;
	}
	if (d->has_gateway && !memcmp(d->gateway, d->ipv4, 4)) {
		diag_error(ctx, gw->pos, "gateway %s is the device's own address", gw->str);
		diag_note(ctx, "hint", "the gateway is another host of the subnet: its router");
		return false;
	}
	if (d->has_gateway && !net_host_address(ctx, "gateway", gw, d->gateway, d->prefix))
		return false;
	if (!d->has_ipv4 && !d->dhcp) {
		diag_error(ctx, node->pos, "net device '%s' needs an ipv4 address or 'ipv4: dhcp'",
			   d->name);
		return false;
	}
	return true;
}

static bool block_file(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	return (d->file = ydoc_scalar(ctx, v, "file")) != NULL;
}

static bool block_readonly(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	return ydoc_bool(ctx, v, "readonly", &d->readonly);
}

/* The backing image goes to the xl config, where root in dom0 attaches
 * it: it stays inside the app like every other path. */
static bool block_check(struct uk_ctx *ctx, const struct manifest *m,
			const struct manifest_device *d, const struct ynode *node)
{
	if (d->file)
		return path_inside(ctx, m, d->file, ydoc_get(node, "file")->pos,
				   "block device file");
	diag_error(ctx, node->pos, "block device '%s' needs a file: its backing image", d->name);
	return false;
}

static const struct device_key net_keys[] = {{"mac", net_mac},	       {"ipv4", net_ipv4},
					     {"gateway", net_gateway}, {"tap", net_tap},
					     {"bridge", net_bridge},   {NULL, NULL}};

static const struct device_key block_keys[] = {
    {"file", block_file}, {"readonly", block_readonly}, {NULL, NULL}};

static const struct device_kind device_kinds[] = {
    {"net", DEVICE_NET, net_keys, net_check},
    {"block", DEVICE_BLOCK, block_keys, block_check},
};

#define NKINDS (sizeof(device_kinds) / sizeof(device_kinds[0]))

/* name and kind, then every kind's keys: what ydoc_check_keys knows, so
 * that a key of another kind is "does not apply", not "unknown". */
static const char *const *device_keys(struct uk_ctx *ctx)
{
	const char **keys = NULL;
	size_t n = 0, i;
	const struct device_key *k;

	*CTX_PUSH(ctx, keys, n) = "name";
	*CTX_PUSH(ctx, keys, n) = "kind";
	for (i = 0; i < NKINDS; i++)
		for (k = device_kinds[i].keys; k->key; k++)
			*CTX_PUSH(ctx, keys, n) = k->key;
	*CTX_PUSH(ctx, keys, n) = NULL;
	return keys;
}

/* The kinds as a phrase: "net or block" when last is " or ". */
static const char *kind_names(struct uk_ctx *ctx, const char *last)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb, ctx);
	for (i = 0; i < NKINDS; i++) {
		strbuf_adds(&sb, i == 0 ? "" : i + 1 < NKINDS ? ", " : last);
		strbuf_adds(&sb, device_kinds[i].name);
	}
	return sb.s;
}

static bool device_name(struct uk_ctx *ctx, const struct manifest *m, const struct ynode *node,
			struct manifest_device *d)
{
	struct ynode *v = ydoc_get(node, "name");
	size_t i;

	if (!v) {
		diag_error(ctx, node->pos, "a device needs a name");
		diag_note(ctx, "hint",
			  "for example: - { name: net0, kind: net, ipv4: 10.0.0.2/24 }");
		return false;
	}
	if (!(d->name = ydoc_scalar(ctx, v, "a device's name")))
		return false;
	if (!is_identifier(d->name, false)) {
		diag_error(ctx, v->pos, "device name %s must be a lower-case word such as net0",
			   diag_quote(ctx, d->name));
		return false;
	}
	for (i = 0; i < m->ndevices; i++) {
		if (!strcmp(m->devices[i].name, d->name)) {
			diag_error(ctx, v->pos, "device name '%s' is used twice", d->name);
			diag_note(ctx, "note", "first used at line %d", m->devices[i].pos.line);
			return false;
		}
	}
	return true;
}

static const struct device_kind *device_kind(struct uk_ctx *ctx, const struct ynode *node,
					     const char *name)
{
	struct ynode *v = ydoc_get(node, "kind");
	size_t i;

	if (!v) {
		diag_error(ctx, node->pos, "device '%s' needs a kind: %s", name,
			   kind_names(ctx, " or "));
		return NULL;
	}
	if (!ydoc_scalar(ctx, v, "a device's kind"))
		return NULL;
	for (i = 0; i < NKINDS; i++)
		if (!strcmp(v->str, device_kinds[i].name))
			return &device_kinds[i];
	diag_error(ctx, v->pos, "unknown device kind %s", diag_quote(ctx, v->str));
	diag_note(ctx, "hint", "the kinds are %s", kind_names(ctx, " and "));
	return NULL;
}

/* Reads each key of the kind in the order written; reports every bad one. */
static bool device_kind_keys(struct uk_ctx *ctx, const struct device_kind *kind,
			     const struct ynode *node, struct manifest_device *d)
{
	bool ok = true;
	size_t i;

	for (i = 0; i < node->n; i++) {
		struct ynode *k = node->pairs[i].key;
		const struct device_key *dk;

		if (!strcmp(k->str, "name") || !strcmp(k->str, "kind"))
			continue;
		for (dk = kind->keys; dk->key && strcmp(dk->key, k->str); dk++)
			;
		if (!dk->key) {
			diag_error(ctx, k->pos, "%s does not apply to a %s device",
				   diag_quote(ctx, k->str), kind->name);
			ok = false;
		} else if (!dk->parse(ctx, d, node->pairs[i].val)) {
			ok = false;
		}
	}
	return ok;
}

/* A device joins m->devices only once it is whole, so that later devices
 * compare their names against good entries only. */
static bool parse_device(struct uk_ctx *ctx, struct manifest *m, struct ynode *node)
{
	struct manifest_device d = {.pos = node->pos};
	const struct device_kind *kind;

	if (!ydoc_expect(ctx, node, YNODE_MAP, "a device") ||
	    !ydoc_check_keys(ctx, node, device_keys(ctx), "a device") ||
	    !device_name(ctx, m, node, &d) || !(kind = device_kind(ctx, node, d.name)))
		return false;
	d.kind = kind->kind;
	if (!device_kind_keys(ctx, kind, node, &d) || !kind->check(ctx, m, &d, node))
		return false;
	*CTX_PUSH(ctx, m->devices, m->ndevices) = d;
	return true;
}

static bool parse_devices(struct uk_ctx *ctx, struct manifest *m, struct ynode *node)
{
	size_t i;
	bool ok = true;

	if (!ydoc_expect(ctx, node, YNODE_SEQ, "devices"))
		return false;
	for (i = 0; i < node->n; i++)
		ok = parse_device(ctx, m, node->items[i]) && ok;
	return ok;
}

static bool parse_paths(struct uk_ctx *ctx, const struct manifest *m, struct ynode *node,
			const char *what, struct manifest_path **out, size_t *nout)
{
	struct ynode **items;
	size_t n, i;

	if (!ydoc_scalar_list(ctx, node, what, &items, &n))
		return false;
	for (i = 0; i < n; i++) {
		struct manifest_path *p = CTX_PUSH(ctx, *out, *nout);

		p->text = items[i]->str;
		p->pos = items[i]->pos;
		if (!path_inside(ctx, m, p->text, p->pos, ctx_printf(ctx, "%s entry", what)))
			return false;
	}
	return true;
}

static bool option_value(struct uk_ctx *ctx, struct ynode *v, struct manifest_option *o)
{
	bool b;
	const char *p;

	if (!ydoc_scalar(ctx, v, "an option's value"))
		return false;
	if (v->plain && ydoc_bool_word(v->str, &b)) {
		o->value = b ? "y" : "n";
		return true;
	}
	/* Numbers go through as written; anything else is a Kconfig string. */
	p = v->str;
	if (v->plain && (*p == '-' || isdigit((unsigned char)*p))) {
		char *end;

		errno = 0;
		(void)strtoll(p, &end, 0);
		if (!*end && !errno) {
			o->value = p;
			return true;
		}
	}
	{
		size_t n = strlen(p), i, j = 0;
		char *q = ctx_alloc(ctx, 2 * n + 3);

		q[j++] = '"';
		for (i = 0; i < n; i++) {
			if (p[i] == '"' || p[i] == '\\')
				q[j++] = '\\';
			if (p[i] == '\n') {
				diag_error(ctx, v->pos, "an option's value must fit on one line");
				return false;
			}
			q[j++] = p[i];
		}
		q[j++] = '"';
		o->value = q;
	}
	return true;
}

static bool parse_options(struct uk_ctx *ctx, struct manifest *m, struct ynode *node)
{
	size_t i;

	if (!ydoc_expect(ctx, node, YNODE_MAP, "options"))
		return false;
	for (i = 0; i < node->n; i++) {
		struct ynode *k = node->pairs[i].key;
		struct manifest_option *o = CTX_PUSH(ctx, m->options, m->noptions);

		o->symbol = k->str;
		o->pos = k->pos;
		if (!strncmp(k->str, "CONFIG_", 7)) {
			diag_error(ctx, k->pos, "option %s is written without the CONFIG_ prefix",
				   diag_quote(ctx, k->str));
			if (is_identifier(k->str + 7, true))
				diag_note(ctx, "hint", "write %s", k->str + 7);
			return false;
		}
		if (!is_identifier(k->str, true)) {
			diag_error(ctx, k->pos,
				   "option %s must be a Kconfig symbol in upper case, "
				   "such as LIBC_PRINTF_FLOAT",
				   diag_quote(ctx, k->str));
			return false;
		}
		if (!option_value(ctx, node->pairs[i].val, o))
			return false;
	}
	return true;
}

static bool field_name(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	if (!(m->name = ydoc_scalar(ctx, v, "name")))
		return false;
	if (is_identifier(m->name, false))
		return true;
	diag_error(ctx, v->pos,
		   "name %s must start with a letter and use only "
		   "lower-case letters, digits, '-' and '_'",
		   diag_quote(ctx, m->name));
	return false;
}

static bool field_version(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	struct version ver;

	if (!(m->version = ydoc_scalar(ctx, v, "version")))
		return false;
	if (version_parse(m->version, &ver))
		return true;
	diag_error(ctx, v->pos, "version %s must be a number such as 1.0.2",
		   diag_quote(ctx, m->version));
	return false;
}

static bool field_target(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	m->target_pos = v->pos;
	return (m->target = ydoc_scalar(ctx, v, "target")) != NULL;
}

static bool field_requires(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	return ydoc_requirements(ctx, v, &m->requires, &m->nrequires);
}

static bool field_sources(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	return parse_paths(ctx, m, v, "sources", &m->sources, &m->nsources);
}

static bool field_include(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	return parse_paths(ctx, m, v, "include", &m->include, &m->ninclude);
}

static bool field_cflags(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	struct ynode **items;
	size_t n, i;

	if (!ydoc_scalar_list(ctx, v, "cflags", &items, &n))
		return false;
	for (i = 0; i < n; i++)
		*CTX_PUSH(ctx, m->cflags, m->ncflags) = items[i]->str;
	return true;
}

static bool field_memory(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	if (!ydoc_scalar(ctx, v, "memory"))
		return false;
	if (!manifest_parse_size(v->str, &m->memory_bytes)) {
		diag_error(ctx, v->pos, "memory %s must be a size such as 64M or 1G",
			   diag_quote(ctx, v->str));
		return false;
	}
	if (m->memory_bytes < (4ull << 20) || m->memory_bytes > (64ull << 30)) {
		diag_error(ctx, v->pos, "memory %s must be from 4M to 64G",
			   diag_quote(ctx, v->str));
		return false;
	}
	return true;
}

static bool field_cmdline(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	return (m->cmdline = ydoc_scalar(ctx, v, "cmdline")) != NULL;
}

static bool field_assets(struct uk_ctx *ctx, struct manifest *m, struct ynode *v)
{
	if (!(m->assets = ydoc_scalar(ctx, v, "assets")))
		return false;
	m->assets_pos = v->pos;
	if (!path_inside(ctx, m, m->assets, v->pos, "assets directory"))
		return false;
	if (fs_is_dir(fs_join(ctx, m->dir, m->assets)))
		return true;
	diag_error(ctx, v->pos, "assets directory %s does not exist", diag_quote(ctx, m->assets));
	return false;
}

/* The keys of uk.yaml in the order docs/manifest.md lists them. */
static const struct manifest_field {
	const char *key;
	bool (*parse)(struct uk_ctx *ctx, struct manifest *m, struct ynode *v);
} manifest_fields[] = {
    {"name", field_name},	  {"version", field_version}, {"target", field_target},
    {"requires", field_requires}, {"prefer", parse_prefer},   {"devices", parse_devices},
    {"sources", field_sources},	  {"include", field_include}, {"cflags", field_cflags},
    {"options", parse_options},	  {"memory", field_memory},   {"cmdline", field_cmdline},
    {"assets", field_assets},
};

#define NFIELDS (sizeof(manifest_fields) / sizeof(manifest_fields[0]))

/* Checks every key of root, then reads each known one in the order
 * written; every error is reported before returning false. */
static bool manifest_read_fields(struct uk_ctx *ctx, struct manifest *m, struct ynode *root)
{
	const char *keys[NFIELDS + 1] = {NULL};
	bool ok;
	size_t i, j;

	for (i = 0; i < NFIELDS; i++)
		keys[i] = manifest_fields[i].key;
	ok = ydoc_check_keys(ctx, root, keys, "the manifest");
	for (i = 0; i < root->n; i++)
		for (j = 0; j < NFIELDS; j++)
			if (!strcmp(root->pairs[i].key->str, manifest_fields[j].key) &&
			    !manifest_fields[j].parse(ctx, m, root->pairs[i].val))
				ok = false;
	return ok;
}

/* NETDEV_MAX_DEVICES as the build will set it: options:, else uk.config,
 * else libs/netdev/Kconfig's default. */
static long net_max_devices(struct uk_ctx *ctx, const struct manifest *m, const char **from)
{
	char *saved = NULL;
	const char *line;
	size_t i, len;

	for (i = 0; i < m->noptions; i++) {
		if (!strcmp(m->options[i].symbol, "NETDEV_MAX_DEVICES")) {
			*from = "set in options:";
			return strtol(m->options[i].value, NULL, 0);
		}
	}
	if (fs_read_bounded(ctx, fs_join(ctx, m->dir, "uk.config"), YDOC_MAX_BYTES, &saved, &len))
		saved = NULL;
	line = saved ? strstr(saved, "CONFIG_NETDEV_MAX_DEVICES=") : NULL;
	if (line && (line == saved || line[-1] == '\n')) {
		*from = "set in uk.config";
		return strtol(line + strlen("CONFIG_NETDEV_MAX_DEVICES="), NULL, 0);
	}
	*from = "its default";
	return MANIFEST_NET_DEVICES_DEFAULT;
}

/* The drivers (tap, netfront) register at most NETDEV_MAX_DEVICES devices;
 * one more would only fail when the image starts. */
static bool net_device_count(struct uk_ctx *ctx, const struct manifest *m)
{
	const char *from;
	long max = net_max_devices(ctx, m, &from), count = 0;
	size_t i;

	for (i = 0; i < m->ndevices; i++) {
		if (m->devices[i].kind != DEVICE_NET || ++count <= max)
			continue;
		diag_error(ctx, m->devices[i].pos,
			   "net device '%s' is one too many: NETDEV_MAX_DEVICES is %ld (%s)",
			   m->devices[i].name, max, from);
		if (max < MANIFEST_NET_DEVICES_MAX)
			diag_note(ctx, "hint",
				  "raise it with options: { NETDEV_MAX_DEVICES: %ld } (at most %d)",
				  max + 1, MANIFEST_NET_DEVICES_MAX);
		else
			diag_note(ctx, "hint", "an image has at most %d net devices",
				  MANIFEST_NET_DEVICES_MAX);
		return false;
	}
	return true;
}

struct manifest *manifest_load(struct uk_ctx *ctx, const char *path)
{
	struct manifest *m = ctx_alloc(ctx, sizeof(*m));
	struct ynode *root = ydoc_load(ctx, path);
	char *dir;

	if (!root)
		return NULL;
	m->path = path;
	dir = fs_realpath(ctx, fs_dirname(ctx, path));
	m->dir = dir ? dir : fs_dirname(ctx, path);
	m->memory_bytes = MANIFEST_DEFAULT_MEMORY;
	if (!ydoc_expect(ctx, root, YNODE_MAP, "the manifest"))
		return NULL;
	if (!manifest_read_fields(ctx, m, root) || !net_device_count(ctx, m))
		return NULL;
	if (!m->name) {
		diag_error(ctx, (struct srcpos){path, 1, 1}, "the manifest has no name");
		diag_note(ctx, "hint", "add a line such as: name: hello");
		return NULL;
	}
	if (!m->version)
		m->version = "0.1.0";
	if (!m->target) {
		m->target = MANIFEST_DEFAULT_TARGET;
		m->target_pos = (struct srcpos){path, 1, 1};
	}
	if (!m->nsources) {
		struct manifest_path *p = CTX_PUSH(ctx, m->sources, m->nsources);

		p->text = "src/*.c";
		p->pos = (struct srcpos){path, 1, 1};
	}
	return m;
}
