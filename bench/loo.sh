#!/usr/bin/env bash
# Leave-one-out over spun/original pairs: for each pair, `unspin learn` learns a table from all
# the *other* pairs (plus seed 003's pair), and `unspin eval` repairs the held-out pair with the
# built-in dictionaries plus that table. The total is the honest figure: what unspin does on a
# spun article none of whose spins it learned from.
#
# Usage: bench/loo.sh [PAIRS_DIR] [-- extra unspin options]   (default ../shared/dev/pairs)
# VERBOSE=1 also lists every edit of each held-out pair (correct or wrong, with its rule).
# Needs a release build (cargo build --release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pairs="$(cd "${1:-$root/../shared/dev/pairs}" && pwd)"
shift || true
[[ "${1:-}" == "--" ]] && shift
unspin="${UNSPIN:-$root/target/release/unspin}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

names=$(cd "$pairs" && ls *.spun.txt | sed 's/\.spun\.txt$//')
for held in $names; do
  rm -rf "$tmp/others" && mkdir "$tmp/others"
  for n in $names; do
    # Another spin of the same original (04 and 05) is held out with it.
    cmp -s "$pairs/$n.original.txt" "$pairs/$held.original.txt" && continue
    ln -s "$pairs/$n.spun.txt" "$pairs/$n.original.txt" "$tmp/others/"
  done
  ln -s "$root/fixtures/pairs/seed003.spun.txt" "$root/fixtures/pairs/seed003.original.txt" "$tmp/others/"
  "$unspin" learn "$tmp/others" -o "$tmp/learned.yaml" 2>/dev/null
  mkdir -p "$tmp/held" && rm -f "$tmp/held/"*
  ln -s "$pairs/$held.spun.txt" "$pairs/$held.original.txt" "$tmp/held/"
  "$unspin" eval --json --dict "$tmp/learned.yaml" "$@" "$tmp/held" > "$tmp/$held.json"
  if [[ -n "${VERBOSE:-}" ]]; then
    "$unspin" eval -v --dict "$tmp/learned.yaml" "$@" "$tmp/held" | grep -v "^  missed" >&2
  fi
done
python3 - "$tmp" $names <<'PY'
import json, sys
tmp, names = sys.argv[1], sys.argv[2:]
tot = {"distance_before": 0, "distance_after": 0, "edits": 0, "correct": 0, "wrong": 0}
for n in names:
    t = json.load(open(f"{tmp}/{n}.json"))["total"]
    for k in tot:
        tot[k] += t[k]
    print(f"{n}: distance {t['distance_before']} -> {t['distance_after']}; {t['edits']} edits, {t['wrong']} wrong")
removed = 100 * (tot["distance_before"] - tot["distance_after"]) / max(tot["distance_before"], 1)
wrong = 100 * tot["wrong"] / max(tot["edits"], 1)
print(f"leave-one-out ({len(names)} pairs): distance {tot['distance_before']} -> {tot['distance_after']} "
      f"({removed:.1f}% removed); {tot['edits']} edits, {tot['wrong']} wrong ({wrong:.1f}%)")
PY
