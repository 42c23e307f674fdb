#!/usr/bin/env bash
# Installs the packages the shipped data is built from, so that the staleness tests can rebuild
# it (CI runs this; it needs root and Debian's registry). Idempotent and quiet.
set -euo pipefail
if ! dpkg -s pocketsphinx-en-us >/dev/null 2>&1; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pocketsphinx-en-us >/dev/null
fi
