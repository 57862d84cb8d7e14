#!/usr/bin/env bash
# Makes a minimal Debian bookworm root filesystem with debootstrap and writes it as a tarball for
# `docker import`. Used where no image registry is reachable; needs root and a Debian mirror.
# Usage: make-rootfs.sh OUTPUT.tar [MIRROR]
set -euo pipefail
output=$1
mirror=${2:-http://deb.debian.org/debian}

rootfs=$(mktemp -d)
trap 'rm -rf "$rootfs"' EXIT
# minbase: apt and dpkg, no init system; ca-certificates for HTTPS from inside the images
debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$mirror" >&2
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
# documentation, manuals and the package lists only add size to every image
rm -rf "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* \
       "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
tar -C "$rootfs" --numeric-owner -cf "$output.partial" .
mv "$output.partial" "$output"
