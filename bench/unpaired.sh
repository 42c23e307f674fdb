#!/usr/bin/env bash
# How often `unspin learn --unpaired` names the right original: it is run on the spun sides of
# spun/original pairs alone, and each proposal is scored against what `unspin learn` finds by
# aligning the same pairs: right when the pairs show the spun word standing for the proposed
# original (its main replacement or one of its `or:`), wrong when they show it standing for
# something else, unknown when the aligned pairs never show it spun. It also counts the
# proposals from a folder of spun text without originals (UNPAIRED, default
# ../shared/dev/spun-only), which only a curator can score.
#
# Usage: bench/unpaired.sh [PAIRS_DIR] [-- extra learn options]   (needs a release build, and
# python3 with PyYAML)
source "$(dirname "$0")/lib/pairs.sh"
mkdir "$tmp/spun"
for f in "$pairs"/*.spun.txt; do ln -s "$f" "$tmp/spun/$(basename "$f" .spun.txt).txt"; done
"$unspin" learn "$pairs" --min-consistency 0 -o "$tmp/paired.yaml" 2>/dev/null
"$unspin" learn --unpaired "$tmp/spun" --min-docs 1 "$@" -o "$tmp/unpaired.yaml" 2>&1 | sed 's/^/pairs: /'
"$unspin" learn --unpaired "${UNPAIRED:-$root/../shared/dev/spun-only}" "$@" -o "$tmp/only.yaml" 2>&1 | sed 's/^/spun-only: /'
python3 - "$tmp" <<'PY'
import sys, yaml
tmp = sys.argv[1]
def table(path):
    out = {}
    for key, e in (yaml.safe_load(open(path))["entries"] or {}).items():
        e = {"to": e} if isinstance(e, str) else e
        out[key.lower()] = {e["to"].lower(), *(o.lower() for o in e.get("or", []))}
    return out
paired, proposed = table(f"{tmp}/paired.yaml"), table(f"{tmp}/unpaired.yaml")
right = [k for k, to in proposed.items() if k in paired and to & paired[k]]
wrong = [k for k, to in proposed.items() if k in paired and not to & paired[k]]
print(f"scored on the pairs: {len(proposed)} proposals, {len(right)} right, {len(wrong)} name "
      f"another original than the pairs show, {len(proposed) - len(right) - len(wrong)} not spun in the pairs")
print("right:", ", ".join(f"{k} -> {'/'.join(sorted(proposed[k]))}" for k in sorted(right)))
print("wrong:", ", ".join(f"{k} -> {'/'.join(sorted(proposed[k]))} (pairs: {'/'.join(sorted(paired[k]))})" for k in sorted(wrong)))
PY
