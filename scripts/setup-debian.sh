#!/usr/bin/env bash
# Installs what uk needs to build images and run its tests on Debian 12, all
# from Debian's own packages. Run as root (or with sudo available).
set -euo pipefail
packages=(
	clang lld llvm            # compiler, linker (LTO), llvm-objcopy/llvm-nm
	cmake ninja-build pkg-config make
	kconfig-frontends-nox     # kconfig-conf, kconfig-mconf
	tmux                      # drives kconfig-mconf in the menuconfig test
	libyaml-dev               # manifests
	zlib1g-dev                # gzip variants of baked assets
	libcmocka-dev             # unit tests
	clang-format shellcheck   # the lint test (scripts/lint.sh): C layout, shell warnings
	libxen-dev libfdt-dev     # Xen ABI headers, device trees (Xen platforms)
	qemu-system-x86           # boots images, and the Xen test rig (platform/xen/rig)
	qemu-system-arm           # the arm64 rig (qemu-system-aarch64)
	device-tree-compiler      # the arm64 rig edits QEMU's device tree (fdtput)
	cpio xz-utils binutils    # the rig builds dom0's initramfs, unpacks its kernel
	libclang-rt-14-dev        # libFuzzer and the sanitizer runtimes for the fuzz targets
	iproute2 iputils-ping socat procps dnsmasq-base   # network tests: namespaces, real Linux peers (dnsmasq: the DHCP server; -base: no system service)
	nginx-light               # the http client's e2e test (test/e2e/http-client.sh): a real server
	curl                      # HTTP tests: the client every behaviour of the http module is checked with
	python3                   # network tests' raw clients (tcp-many.py, the http tests' http_wire.py)
	chromium                  # test/e2e/xen-http-forward.sh: the http-static site in a real browser (headless)
)
sudo=
[ "$(id -u)" -eq 0 ] || sudo=sudo
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "setup: installing ${missing[*]}"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all packages present"
