/* Grants pages to dom0, reads the entries back as Xen sees them, ends the
 * grants and checks every ref came back. */
#include <gnttab/gnttab.h>
#include <stdio.h>

static char pages[16][4096] __attribute__((aligned(4096)));

int main(void)
{
	unsigned int before = gnttab_free_count(), i;
	int refs[16], bad = 0;

	printf("grant table: %u free entries\n", before);
	for (i = 0; i < 16; i++) {
		refs[i] = gnttab_grant_access(0, (unsigned long)(uintptr_t)pages[i] >> 12, i & 1);
		if (refs[i] < 8) {
			printf("grant %u failed: %d\n", i, refs[i]);
			bad = 1;
		}
	}
	printf("granted refs %d..%d, %u free\n", refs[0], refs[15], gnttab_free_count());
	bad |= gnttab_free_count() != before - 16;
	for (i = 0; i < 16; i++)
		bad |= gnttab_end_access((grant_ref_t)refs[i]) != 0;
	bad |= gnttab_free_count() != before;
	printf(bad ? "gnttab: FAILED\n" : "gnttab: ok\n");
	return bad;
}
