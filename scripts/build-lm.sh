#!/usr/bin/env bash
# Rebuilds data/lm-en.bin, the context model embedded in unspin: the CMU Sphinx US English
# trigram model (72k words, 2.05M bigrams, 1.67M trigrams; BSD-2-Clause, Carnegie Mellon
# University) from Debian's package pocketsphinx-en-us, compiled to unspin's compact form by
# examples/build_lm.rs (src/lang/lm/sphinx.rs reads the package's binary trie format).
#
# Needs: apt-get (Debian's registry), dpkg-deb, sha256sum, cargo. Usage: scripts/build-lm.sh
# tests/it/lm_current.rs checks that the committed file is what this script builds.
set -euo pipefail

VER="0.8+5prealpha+1-15"
SHA256="6bf9ef84f7dd96f497ff29a725e2a15500e9b8f73869f6854293aab7310ee28c"
root="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$root/data/lm-en.bin}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -qq "pocketsphinx-en-us=$VER" 2>/dev/null)
deb="$tmp/pocketsphinx-en-us_${VER}_all.deb"
echo "$SHA256  $deb" | sha256sum -c --quiet -
dpkg-deb -x "$deb" "$tmp/x"
cd "$root"
cargo run --quiet --release --example build_lm -- \
  "$tmp/x/usr/share/pocketsphinx/model/en-us/en-us.lm.bin" "$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)" >&2
