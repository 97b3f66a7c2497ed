#!/usr/bin/env bash
# Builds uk with ASan and UBSan and runs every test (ctest): CLI and module
# unit tests, bad manifests, the end-to-end builds of sample apps, and the
# lint of the sources (scripts/lint.sh: clang-format, shellcheck).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${UK_TEST_BUILD:-build-test}
cmake -S . -B "$build" -G Ninja -DUK_SANITIZE=ON >/dev/null
cmake --build "$build"
cd "$build"
ctest --output-on-failure -j"$(nproc)" "$@"
