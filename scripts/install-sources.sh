#!/usr/bin/env bash
# Puts the pinned sources of data/thesaurus-en.txt and data/inflections-en.txt into a cache
# folder, where scripts/build-lexicon.sh and tests/it/lexicon_current.rs find them: the Debian
# package wordnet-base (WordNet 3.0) and the PyPI wheel of lemminflect. Idempotent and quiet:
# a file already there with the pinned SHA-256 is not fetched again. As root, it also installs
# Debian's pocketsphinx-en-us, the source of data/lm-en.bin (tests/it/lm_current.rs reads it).
# It also installs, from PyPI into the python3 that runs the tests, the tools two tests run:
# pre-commit (tests/it/pre_commit.rs) and jsonschema (the SARIF check in tests/it/formats.rs).
#
# Needs: apt-get (a Debian bookworm package list), pip, sha256sum.
# Usage: scripts/install-sources.sh   (prints the cache folder)
set -euo pipefail

WORDNET_VER="1:3.0-37"
WORDNET_DEB="wordnet-base_1%3a3.0-37_all.deb"
WORDNET_SHA256="61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752"
LEMMINFLECT_VER="0.2.3"
LEMMINFLECT_WHL="lemminflect-0.2.3-py3-none-any.whl"
LEMMINFLECT_SHA256="1cf470efa783733ca5654cc1a6ee1de774e59031e61bf6210467625e84a8cf1c"
TEST_TOOLS=("pre-commit==4.7.0" "jsonschema==4.26.0")
CACHE="${UNSPIN_SOURCES:-${XDG_CACHE_HOME:-$HOME/.cache}/unspin-sources}"

# `--print` only says where the cache is and what it should hold (build-lexicon.sh reads it).
if [[ "${1:-}" == "--print" ]]; then
    declare -p WORDNET_VER WORDNET_DEB WORDNET_SHA256 LEMMINFLECT_VER LEMMINFLECT_WHL \
        LEMMINFLECT_SHA256 CACHE | sed 's/^declare -- //'
    exit 0
fi

ok() { [[ -f "$CACHE/$1" ]] && echo "$2  $CACHE/$1" | sha256sum -c --quiet - >/dev/null 2>&1; }

# Root also installs the model's package (and so refreshes the package lists first).
if [[ $EUID -eq 0 ]] && ! dpkg -s pocketsphinx-en-us >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pocketsphinx-en-us >/dev/null
fi
mkdir -p "$CACHE"
if ! ok "$WORDNET_DEB" "$WORDNET_SHA256"; then
    # apt-get download writes into the current folder; "as root" warnings are noise here.
    (cd "$CACHE" && apt-get download -qq "wordnet-base=$WORDNET_VER" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
    ok "$WORDNET_DEB" "$WORDNET_SHA256" || { echo "install-sources: $WORDNET_DEB missing or altered" >&2; exit 1; }
fi
if ! ok "$LEMMINFLECT_WHL" "$LEMMINFLECT_SHA256"; then
    pip download --quiet --no-deps --only-binary :all: -d "$CACHE" "lemminflect==$LEMMINFLECT_VER"
    ok "$LEMMINFLECT_WHL" "$LEMMINFLECT_SHA256" || { echo "install-sources: $LEMMINFLECT_WHL altered" >&2; exit 1; }
fi
# Already installed at these versions, pip neither downloads nor changes anything.
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore "${TEST_TOOLS[@]}"
echo "$CACHE"
