/* Parsing a DHCP message: the fixed header, then the options, every length
 * checked against what is left before it is used. */
#include <string.h>

#include "dhcp.h"

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int dhcp_mask_prefix(uint32_t mask)
{
	int n = 0;

	while (n < 32 && (mask & (0x80000000u >> n)))
		n++;
	/* every bit after the first 0 must be 0 too */
	if (n < 32 && (mask << n) != 0)
		return -1;
	return n;
}

/* A fixed 4-byte option: false if its length is not 4. */
static bool get4(const uint8_t *v, size_t len, bool *has, uint32_t *out)
{
	if (len != 4)
		return false;
	*has = true;
	*out = be32(v);
	return true;
}

static bool option(struct dhcp_msg *m, uint8_t code, const uint8_t *v, size_t len)
{
	size_t i;

	switch (code) {
	case DHCP_OPT_MSG_TYPE:
		if (len != 1)
			return false;
		m->type = v[0];
		return true;
	case DHCP_OPT_SUBNET_MASK:
		return get4(v, len, &m->has_mask, &m->mask);
	case DHCP_OPT_SERVER_ID:
		return get4(v, len, &m->has_server, &m->server);
	case DHCP_OPT_LEASE_TIME:
		return get4(v, len, &m->has_lease, &m->lease);
	case DHCP_OPT_T1:
		return get4(v, len, &m->has_t1, &m->t1);
	case DHCP_OPT_T2:
		return get4(v, len, &m->has_t2, &m->t2);
	case DHCP_OPT_ROUTER:
		if (len < 4 || len % 4)
			return false;
		m->has_router = true;
		m->router = be32(v);
		return true;
	case DHCP_OPT_DNS:
		if (len < 4 || len % 4)
			return false;
		m->dns_count = 0;
		for (i = 0; i + 4 <= len && m->dns_count < DHCP_MAX_DNS; i += 4)
			m->dns[m->dns_count++] = be32(v + i);
		return true;
	default:
		return true; /* not ours to understand */
	}
}

bool dhcp_parse(const uint8_t *p, size_t len, uint8_t want_op, struct dhcp_msg *m,
		enum dhcp_drop *why)
{
	size_t i;

	memset(m, 0, sizeof(*m));
	if (len < DHCP_OFF_OPTIONS) {
		*why = DHCP_DROP_TRUNCATED;
		return false;
	}
	m->op = p[DHCP_OFF_OP];
	if (want_op && m->op != want_op) {
		*why = DHCP_DROP_BAD_OP;
		return false;
	}
	if (p[DHCP_OFF_HTYPE] != 1 || p[DHCP_OFF_HLEN] != NETDEV_MAC_LEN) {
		*why = DHCP_DROP_BAD_HTYPE;
		return false;
	}
	if (be32(p + DHCP_OFF_MAGIC) != DHCP_MAGIC) {
		*why = DHCP_DROP_BAD_MAGIC;
		return false;
	}
	m->xid = be32(p + DHCP_OFF_XID);
	m->ciaddr = be32(p + DHCP_OFF_CIADDR);
	m->yiaddr = be32(p + DHCP_OFF_YIADDR);
	m->siaddr = be32(p + DHCP_OFF_SIADDR);
	m->chaddr = p + DHCP_OFF_CHADDR;
	/* the end of the buffer ends the options as the end option would */
	for (i = DHCP_OFF_OPTIONS; i < len;) {
		uint8_t code = p[i], olen;

		if (code == DHCP_OPT_PAD) {
			i++;
			continue;
		}
		if (code == DHCP_OPT_END)
			break;
		if (len - i < 2 || (size_t)p[i + 1] > len - i - 2) {
			*why = DHCP_DROP_BAD_OPTIONS;
			return false;
		}
		olen = p[i + 1];
		if (!option(m, code, p + i + 2, olen)) {
			*why = DHCP_DROP_BAD_OPTIONS;
			return false;
		}
		i += 2 + (size_t)olen;
	}
	if (!m->type) {
		*why = DHCP_DROP_NO_TYPE;
		return false;
	}
	return true;
}
