/* reg and interrupts properties, read the way the device-tree spec says. */
#include <fdt/fdt.h>

static uint64_t cells(const fdt32_t *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = v << 32 | fdt32_to_cpu(p[i]);
	return v;
}

bool fdt_uk_reg(const void *fdt, int node, int i, uint64_t *addr, uint64_t *size)
{
	int parent = fdt_parent_offset(fdt, node), ac, sc, len;
	const fdt32_t *reg;

	if (parent < 0)
		return false;
	ac = fdt_address_cells(fdt, parent);
	sc = fdt_size_cells(fdt, parent);
	reg = fdt_getprop(fdt, node, "reg", &len);
	if (!reg || ac < 1 || ac > 2 || sc < 0 || sc > 2 ||
	    len < (i + 1) * (ac + sc) * (int)sizeof(fdt32_t))
		return false;
	reg += i * (ac + sc);
	*addr = cells(reg, ac);
	*size = cells(reg + ac, sc);
	return true;
}

int fdt_uk_interrupt(const void *fdt, int node, int i)
{
	int len;
	const fdt32_t *irq = fdt_getprop(fdt, node, "interrupts", &len);
	uint32_t type, num;

	if (!irq || len < (i + 1) * 3 * (int)sizeof(fdt32_t))
		return -1;
	type = fdt32_to_cpu(irq[i * 3]);
	num = fdt32_to_cpu(irq[i * 3 + 1]);
	return (int)(type == 1 ? 16 + num : 32 + num);
}

int fdt_uk_find_compatible(const void *fdt, const char *const *compatible)
{
	const char *const *c;

	for (c = compatible; *c; c++) {
		int node = fdt_node_offset_by_compatible(fdt, -1, *c);

		if (node >= 0)
			return node;
	}
	return -1;
}
