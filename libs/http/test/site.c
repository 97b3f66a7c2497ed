/* The assets table of http's tests: what `uk build` would generate for a
 * small site (sorted by path), with a gzip variant for the stylesheet and
 * a file bigger than tcp's send buffer. */
#include <assets/assets.h>

#include "site.h"

static const uint8_t index_html[] = "<!doctype html><title>home</title>\n";
static const uint8_t docs_index[] = "<p>docs</p>\n";
static const uint8_t space_txt[] = "spaced\n";
static const uint8_t not_found[] = "<p>no such page</p>\n";
static const uint8_t css[] = "body { color: black; }\n";
static const uint8_t css_gz[] = "GZIP-BYTES";
uint8_t site_big[SITE_BIG_LEN];

const struct assets_file uk_assets_table[] = {
    {"/404.html", not_found, sizeof(not_found) - 1, NULL, 0, "text/html; charset=utf-8",
     "\"n404\""},
    {"/big.bin", site_big, sizeof(site_big), NULL, 0, "application/octet-stream", "\"big1\""},
    {"/docs/a b.txt", space_txt, sizeof(space_txt) - 1, NULL, 0, "text/plain; charset=utf-8",
     "\"sp1\""},
    {"/docs/index.html", docs_index, sizeof(docs_index) - 1, NULL, 0, "text/html; charset=utf-8",
     "\"doc1\""},
    {"/index.html", index_html, sizeof(index_html) - 1, NULL, 0, "text/html; charset=utf-8",
     "\"idx1\""},
    {"/style.css", css, sizeof(css) - 1, css_gz, sizeof(css_gz) - 1, "text/css; charset=utf-8",
     "\"css1\""},
};
const size_t uk_assets_table_count = sizeof(uk_assets_table) / sizeof(uk_assets_table[0]);
