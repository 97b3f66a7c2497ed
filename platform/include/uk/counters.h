/* A module's counters described as data: each field of its stats struct
 * by name, so that apps and tests print and compare them in one loop
 * instead of field by field. Self-contained C99; no state, nothing to link. */
#ifndef UK_COUNTERS_H
#define UK_COUNTERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One field of a stats struct: a count, a level (a gauge: entries in a
 * cache, bytes in use), or an array of counts with a name for each. */
struct uk_counter_desc {
	const char *name;	  /* "rx_packets"; an array's prefix, "drop" */
	size_t offset;		  /* in the stats struct */
	size_t size;		  /* of one value: 4 or 8 bytes */
	size_t count;		  /* 1, or the array's length */
	bool gauge;		  /* a level: a difference of two makes no sense */
	const char *const *names; /* an array's element names ("too_short"), else NULL */
};

/* A module's table: its name, the size of its stats struct, and its
 * fields in the struct's order. Values print as module.name=N, and an
 * array's as module.prefix.element=N ("arp.drop.too_short=0"). */
struct uk_counter_table {
	const char *module;
	size_t size;
	const struct uk_counter_desc *descs;
	size_t n;
};

#define UK_COUNTER_SIZEOF(type, field) sizeof(((type *)0)->field)

/* The entries of a table: a count, a gauge, and an array named by names[]. */
#define UK_COUNTER(type, field)                                                                    \
	{                                                                                          \
#field, offsetof(type, field), UK_COUNTER_SIZEOF(type, field), 1, false, NULL      \
	}
#define UK_COUNTER_GAUGE(type, field)                                                              \
	{                                                                                          \
#field, offsetof(type, field), UK_COUNTER_SIZEOF(type, field), 1, true, NULL       \
	}
#define UK_COUNTER_ARRAY(type, field, prefix, names)                                               \
	{                                                                                          \
		prefix, offsetof(type, field), UK_COUNTER_SIZEOF(type, field[0]),                  \
		    UK_COUNTER_SIZEOF(type, field) / UK_COUNTER_SIZEOF(type, field[0]), false,     \
		    names                                                                          \
	}

/* The table of module's struct type from an array of entries. */
#define UK_COUNTER_TABLE(module, type, descs)                                                      \
	{                                                                                          \
		module, sizeof(type), descs, sizeof(descs) / sizeof((descs)[0])                    \
	}

/* Value i (0 unless an array) of d in the stats struct at stats. */
static inline uint64_t uk_counter_get(const struct uk_counter_desc *d, const void *stats, size_t i)
{
	const void *p = (const char *)stats + d->offset + i * d->size;

	return d->size == 4 ? *(const uint32_t *)p : *(const uint64_t *)p;
}

static inline void uk_counter_set(const struct uk_counter_desc *d, void *stats, size_t i,
				  uint64_t v)
{
	void *p = (char *)stats + d->offset + i * d->size;

	if (d->size == 4)
		*(uint32_t *)p = (uint32_t)v;
	else
		*(uint64_t *)p = v;
}

/* What uk_counters_each calls for each value; element is NULL but in arrays. */
typedef void uk_counter_fn(void *arg, const char *module, const char *name, const char *element,
			   uint64_t value);

/* Calls fn for each value of the stats struct at stats, in table order. */
static inline void uk_counters_each(const struct uk_counter_table *t, const void *stats,
				    uk_counter_fn *fn, void *arg)
{
	const struct uk_counter_desc *d;
	size_t i;

	for (d = t->descs; d < t->descs + t->n; d++)
		for (i = 0; i < d->count; i++)
			fn(arg, t->module, d->name, d->names ? d->names[i] : NULL,
			   uk_counter_get(d, stats, i));
}

/* True if the table covers its struct byte for byte, in order: a field
 * added to the struct but not to the table fails it (for tests). */
static inline bool uk_counter_table_complete(const struct uk_counter_table *t)
{
	const struct uk_counter_desc *d;
	size_t at = 0;

	for (d = t->descs; d < t->descs + t->n; d++) {
		if (d->offset != at || (d->size != 4 && d->size != 8))
			return false;
		at += d->size * d->count;
	}
	return at == t->size;
}

#endif
