#!/usr/bin/env bash
# Enables Debian's `contrib` and `non-free` components for bookworm, so that apt can install the
# voices and real speech the training toolkit uses (MBROLA, RHVoice, Pico, UQM, see README.md).
# Writes one deb822 file, /etc/apt/sources.list.d/wakestream-contrib-non-free.sources, on the same
# mirrors as the machine's existing Debian sources (deb.debian.org when none is found). Idempotent;
# run as root, then `apt-get update`. Called by .ci/run.
set -euo pipefail

target=${WAKESTREAM_NONFREE_SOURCES:-/etc/apt/sources.list.d/wakestream-contrib-non-free.sources}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

# The first URI of the machine's Debian archive (not its security archive): deb822 files first,
# then one-line sources.list entries.
mirror() {
    local uri=""
    shopt -s nullglob
    for f in /etc/apt/sources.list.d/*.sources; do
        [ "$f" = "$target" ] && continue
        uri=$(awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) print $i }' "$f" \
              | grep -E '/debian/?$' | head -n1 || true)
        [ -n "$uri" ] && break
    done
    if [ -z "$uri" ]; then
        uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
              | awk '$1=="deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' \
              | grep -E '/debian/?$' | head -n1 || true)
    fi
    echo "${uri:-http://deb.debian.org/debian}"
}

security_mirror() {
    local uri
    uri=$( { awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources 2>/dev/null
             awk '$1=="deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' \
                 /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null; } \
           | grep -E '/debian-security/?$' | head -n1 || true)
    echo "${uri:-http://deb.debian.org/debian-security}"
}

main_uri=$(mirror)
security_uri=$(security_mirror)
signed_by=""
[ -f "$keyring" ] && signed_by="Signed-By: $keyring"

content="# Written by wakestream scripts/enable-debian-nonfree.sh: Debian contrib and non-free
# (MBROLA, RHVoice, Pico voices and UQM speech for the training toolkit).
Types: deb
URIs: $main_uri
Suites: bookworm bookworm-updates
Components: contrib non-free
$signed_by

Types: deb
URIs: $security_uri
Suites: bookworm-security
Components: contrib non-free
$signed_by
"
if [ -f "$target" ] && [ "$(cat "$target")" = "$(printf '%s' "$content")" ]; then
    echo "contrib non-free already enabled ($target)"
    exit 0
fi
printf '%s' "$content" > "$target"
echo "enabled contrib non-free for bookworm on $main_uri ($target)"
