#!/usr/bin/env bash
# Regenerates dictionaries/en/learned.yaml, the spinner's table grown from evidence: every
# spun/original pair we have (../shared/dev/pairs and seed 003's pair in fixtures/pairs),
# learned by `unspin learn`. Candidates are kept when the spun phrase stood for the same
# original at most of its occurrences (--min-consistency), and every entry is a suspect: the
# context model repairs it only in a document it judges spun, where it prefers the repair.
# Keys the curated dictionaries (the other files of dictionaries/en) already have are left to
# them, and the swaps a curator rejected (dictionaries/en/learned-rejects.txt) are left out.
# Usage: [OUT=FILE] [UNSPIN=BIN] scripts/learn-table.sh [PAIRS_DIR...]   (default: the release
# build). tests/it/learn.rs fails when the committed table is not what this script writes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
unspin="${UNSPIN:-$root/target/release/unspin}"
learned="$root/dictionaries/en/learned.yaml"
out="${OUT:-$learned}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=("$root/../shared/dev/pairs" "$root/fixtures/pairs")
for d in "${dirs[@]}"; do
  for f in "$d"/*.spun.txt; do
    ln -s "$(cd "$d" && pwd)/$(basename "$f")" "$(cd "$d" && pwd)/$(basename "$f" .spun.txt).original.txt" "$tmp/"
  done
done
curated=()
for f in "$root"/dictionaries/en/*.yaml; do
  [[ "$f" == "$learned" ]] || curated+=("$f")
done
"$unspin" --no-builtin $(printf -- '--dict %s ' "${curated[@]}") learn "$tmp" \
  --against "${curated[@]}" --reject "$root/dictionaries/en/learned-rejects.txt" \
  --suspects-only -o "$out.new"
mv "$out.new" "$out"
