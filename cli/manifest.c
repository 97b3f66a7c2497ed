/* uk.yaml: the app's name, target, requirements, devices, sources and
 * options. Every problem is reported with its file:line:column. */
#include "manifest.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsutil.h"
#include "ydoc.h"

static const char *const manifest_keys[] = {"name",    "version", "target",  "requires", "prefer",
					    "devices", "sources", "include", "cflags",	 "options",
					    "memory",  "cmdline", "assets",  NULL};

static const char *const device_keys[] = {"name", "kind",   "mac",  "ipv4",	"gateway",
					  "tap",  "bridge", "file", "readonly", NULL};

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

static bool parse_net_ipv4(struct uk_ctx *ctx, struct manifest_device *d, struct ynode *v)
{
	const char *rest;
	unsigned long prefix;
	char *end;

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
		diag_error(ctx, v->pos, "the prefix length of '%s' must be from 1 to 32", v->str);
		return false;
	}
	d->prefix = (uint8_t)prefix;
	d->has_ipv4 = true;
	return true;
}

static bool same_subnet(const uint8_t a[4], const uint8_t b[4], unsigned prefix)
{
	uint32_t x = (uint32_t)a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3];
	uint32_t y = (uint32_t)b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3];
	uint32_t mask = prefix == 32 ? 0xffffffffu : ~(0xffffffffu >> prefix);

	return (x & mask) == (y & mask);
}

/* Which keys belong to which kind of device. */
static bool key_fits_kind(const char *key, enum manifest_device_kind kind)
{
	static const char *const net_only[] = {"mac", "ipv4", "gateway", "tap", "bridge", NULL};
	static const char *const block_only[] = {"file", "readonly", NULL};
	const char *const *k;

	for (k = kind == DEVICE_NET ? block_only : net_only; *k; k++)
		if (!strcmp(*k, key))
			return false;
	return true;
}

static bool parse_device(struct uk_ctx *ctx, struct manifest *m, struct ynode *node)
{
	struct manifest_device *d;
	struct ynode *v;
	size_t i;

	if (!ydoc_expect(ctx, node, YNODE_MAP, "a device"))
		return false;
	if (!ydoc_check_keys(ctx, node, device_keys, "a device"))
		return false;
	d = CTX_PUSH(ctx, m->devices, m->ndevices);
	d->pos = node->pos;
	if (!(v = ydoc_get(node, "name"))) {
		diag_error(ctx, node->pos, "a device needs a name");
		diag_note(ctx, "hint",
			  "for example: - { name: net0, kind: net, ipv4: 10.0.0.2/24 }");
		return false;
	}
	if (!(d->name = ydoc_scalar(ctx, v, "a device's name")))
		return false;
	if (!is_identifier(d->name, false)) {
		diag_error(ctx, v->pos, "device name '%s' must be a lower-case word such as net0",
			   d->name);
		return false;
	}
	for (i = 0; i + 1 < m->ndevices; i++) {
		if (!strcmp(m->devices[i].name, d->name)) {
			diag_error(ctx, v->pos, "device name '%s' is used twice", d->name);
			diag_note(ctx, "note", "first used at line %d", m->devices[i].pos.line);
			return false;
		}
	}
	if (!(v = ydoc_get(node, "kind"))) {
		diag_error(ctx, node->pos, "device '%s' needs a kind: net or block", d->name);
		return false;
	}
	if (!ydoc_scalar(ctx, v, "a device's kind"))
		return false;
	if (!strcmp(v->str, "net"))
		d->kind = DEVICE_NET;
	else if (!strcmp(v->str, "block"))
		d->kind = DEVICE_BLOCK;
	else {
		diag_error(ctx, v->pos, "unknown device kind '%s'", v->str);
		diag_note(ctx, "hint", "the kinds are net and block");
		return false;
	}
	for (i = 0; i < node->n; i++) {
		const struct ynode *k = node->pairs[i].key;

		if (!key_fits_kind(k->str, d->kind)) {
			diag_error(ctx, k->pos, "'%s' does not apply to a %s device", k->str,
				   d->kind == DEVICE_NET ? "net" : "block");
			return false;
		}
		if (strcmp(k->str, "readonly") && !ydoc_scalar(ctx, node->pairs[i].val, k->str))
			return false;
	}
	if ((v = ydoc_get(node, "mac"))) {
		if (!parse_mac(v->str, d->mac)) {
			diag_error(ctx, v->pos,
				   "mac must be six hex pairs such as 00:16:3e:00:00:01");
			return false;
		}
		if (d->mac[0] & 1) {
			diag_error(ctx, v->pos, "mac %s is a multicast address", v->str);
			diag_note(ctx, "hint", "the lowest bit of the first byte must be 0");
			return false;
		}
		d->has_mac = true;
	}
	if ((v = ydoc_get(node, "ipv4")) && !parse_net_ipv4(ctx, d, v))
		return false;
	if ((v = ydoc_get(node, "gateway"))) {
		const char *rest;

		if (!parse_ipv4(v->str, d->gateway, &rest) || *rest) {
			diag_error(ctx, v->pos, "gateway must be an IPv4 address such as 10.0.0.1");
			return false;
		}
		if (!d->has_ipv4) {
			diag_error(ctx, v->pos,
				   "a gateway needs a static ipv4 address on the device");
			return false;
		}
		if (!same_subnet(d->ipv4, d->gateway, d->prefix)) {
			diag_error(ctx, v->pos, "gateway %s is outside the device's subnet /%u",
				   v->str, d->prefix);
			return false;
		}
		d->has_gateway = true;
	}
	if (d->kind == DEVICE_NET && !d->has_ipv4 && !d->dhcp) {
		diag_error(ctx, node->pos, "net device '%s' needs an ipv4 address or 'ipv4: dhcp'",
			   d->name);
		return false;
	}
	if ((v = ydoc_get(node, "tap")))
		d->tap = v->str;
	if ((v = ydoc_get(node, "bridge")))
		d->bridge = v->str;
	if ((v = ydoc_get(node, "readonly")) && !ydoc_bool(ctx, v, "readonly", &d->readonly))
		return false;
	if ((v = ydoc_get(node, "file")))
		d->file = v->str;
	if (d->kind == DEVICE_BLOCK && !d->file) {
		diag_error(ctx, node->pos, "block device '%s' needs a file: its backing image",
			   d->name);
		return false;
	}
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

static bool parse_paths(struct uk_ctx *ctx, struct ynode *node, const char *what,
			struct manifest_path **out, size_t *nout)
{
	struct ynode **items;
	size_t n, i;

	if (!ydoc_scalar_list(ctx, node, what, &items, &n))
		return false;
	for (i = 0; i < n; i++) {
		struct manifest_path *p = CTX_PUSH(ctx, *out, *nout);

		p->text = items[i]->str;
		p->pos = items[i]->pos;
		if (p->text[0] == '/' || strstr(p->text, "..")) {
			diag_error(ctx, p->pos,
				   "%s entry '%s' must be a path inside the app directory", what,
				   p->text);
			return false;
		}
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
			diag_error(ctx, k->pos, "option '%s' is written without the CONFIG_ prefix",
				   k->str);
			diag_note(ctx, "hint", "write %s", k->str + 7);
			return false;
		}
		if (!is_identifier(k->str, true)) {
			diag_error(ctx, k->pos,
				   "option '%s' must be a Kconfig symbol in upper case, "
				   "such as LIBC_PRINTF_FLOAT",
				   k->str);
			return false;
		}
		if (!option_value(ctx, node->pairs[i].val, o))
			return false;
	}
	return true;
}

static bool parse_field(struct uk_ctx *ctx, struct manifest *m, const char *key, struct ynode *v)
{
	if (!strcmp(key, "name")) {
		if (!(m->name = ydoc_scalar(ctx, v, "name")))
			return false;
		if (!is_identifier(m->name, false)) {
			diag_error(ctx, v->pos,
				   "name '%s' must start with a letter and use only "
				   "lower-case letters, digits, '-' and '_'",
				   m->name);
			return false;
		}
	} else if (!strcmp(key, "version")) {
		struct version ver;

		if (!(m->version = ydoc_scalar(ctx, v, "version")))
			return false;
		if (!version_parse(m->version, &ver)) {
			diag_error(ctx, v->pos, "version '%s' must be a number such as 1.0.2",
				   m->version);
			return false;
		}
	} else if (!strcmp(key, "target")) {
		if (!(m->target = ydoc_scalar(ctx, v, "target")))
			return false;
		m->target_pos = v->pos;
	} else if (!strcmp(key, "requires")) {
		return ydoc_requirements(ctx, v, &m->requires, &m->nrequires);
	} else if (!strcmp(key, "prefer")) {
		return parse_prefer(ctx, m, v);
	} else if (!strcmp(key, "devices")) {
		return parse_devices(ctx, m, v);
	} else if (!strcmp(key, "sources")) {
		return parse_paths(ctx, v, "sources", &m->sources, &m->nsources);
	} else if (!strcmp(key, "include")) {
		return parse_paths(ctx, v, "include", &m->include, &m->ninclude);
	} else if (!strcmp(key, "cflags")) {
		struct ynode **items;
		size_t n, i;

		if (!ydoc_scalar_list(ctx, v, "cflags", &items, &n))
			return false;
		for (i = 0; i < n; i++)
			*CTX_PUSH(ctx, m->cflags, m->ncflags) = items[i]->str;
	} else if (!strcmp(key, "options")) {
		return parse_options(ctx, m, v);
	} else if (!strcmp(key, "memory")) {
		if (!ydoc_scalar(ctx, v, "memory"))
			return false;
		if (!manifest_parse_size(v->str, &m->memory_bytes)) {
			diag_error(ctx, v->pos, "memory '%s' must be a size such as 64M or 1G",
				   v->str);
			return false;
		}
		if (m->memory_bytes < (4ull << 20) || m->memory_bytes > (64ull << 30)) {
			diag_error(ctx, v->pos, "memory '%s' must be from 4M to 64G", v->str);
			return false;
		}
	} else if (!strcmp(key, "cmdline")) {
		return (m->cmdline = ydoc_scalar(ctx, v, "cmdline")) != NULL;
	} else if (!strcmp(key, "assets")) {
		if (!(m->assets = ydoc_scalar(ctx, v, "assets")))
			return false;
		if (!fs_is_dir(fs_join(ctx, m->dir, m->assets))) {
			diag_error(ctx, v->pos, "assets directory '%s' does not exist", m->assets);
			return false;
		}
	}
	return true;
}

struct manifest *manifest_load(struct uk_ctx *ctx, const char *path)
{
	struct manifest *m = ctx_alloc(ctx, sizeof(*m));
	struct ynode *root = ydoc_load(ctx, path);
	char *dir;
	size_t i;
	bool ok = true;

	if (!root)
		return NULL;
	m->path = path;
	dir = fs_realpath(ctx, fs_dirname(ctx, path));
	m->dir = dir ? dir : fs_dirname(ctx, path);
	m->memory_bytes = MANIFEST_DEFAULT_MEMORY;
	if (!ydoc_expect(ctx, root, YNODE_MAP, "the manifest"))
		return NULL;
	ok = ydoc_check_keys(ctx, root, manifest_keys, "the manifest");
	/* Unknown keys were reported above; parse_field passes over them. */
	for (i = 0; i < root->n; i++)
		if (!parse_field(ctx, m, root->pairs[i].key->str, root->pairs[i].val))
			ok = false;
	if (!ok)
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
