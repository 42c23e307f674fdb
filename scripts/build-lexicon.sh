#!/usr/bin/env bash
# Regenerates data/thesaurus-en.txt (from WordNet 3.0, Debian wordnet-base) and
# data/inflections-en.txt (from PyPI lemminflect), both filtered by data/wordfreq-en.txt, with
# scripts/build-lexicon.py. Same sources, same bytes: tests/it/lexicon_current.rs checks that the
# committed files are what this script writes.
#
# The pinned sources come from scripts/install-sources.sh's cache, fetched first if missing.
# OFFLINE=1: never fetch; exit 3 if the sources are not cached. LEXICON_OUT: where to write
# (default: data/). Needs: python3, dpkg-deb, sha256sum (and apt-get and pip to fetch).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
LEXICON_OUT="${LEXICON_OUT:-$root/data}"
eval "$("$root/scripts/install-sources.sh" --print)"

cached() {
    echo "$WORDNET_SHA256  $CACHE/$WORDNET_DEB" | sha256sum -c --quiet - >/dev/null 2>&1 &&
        echo "$LEMMINFLECT_SHA256  $CACHE/$LEMMINFLECT_WHL" | sha256sum -c --quiet - >/dev/null 2>&1
}
if ! cached; then
    if [[ "${OFFLINE:-}" == 1 ]]; then
        echo "build-lexicon: sources not cached in $CACHE (run scripts/install-sources.sh)" >&2
        exit 3
    fi
    "$root/scripts/install-sources.sh" >/dev/null
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$CACHE/$WORDNET_DEB" "$tmp/wordnet"
python3 "$root/scripts/build-lexicon.py" "$tmp/wordnet/usr/share/wordnet" \
    "$CACHE/$LEMMINFLECT_WHL" "$root/data/wordfreq-en.txt" "$LEXICON_OUT" \
    "$WORDNET_VER" "$LEMMINFLECT_VER"
