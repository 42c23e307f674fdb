#!/usr/bin/env bash
# Leave-one-out over spun/original pairs: for each pair, `unspin learn` learns a table from all
# the *other* pairs (plus seed 003's pair), and `unspin eval` repairs the held-out pair with the
# built-in dictionaries plus that table (and, with UNPAIRED=DIR, what `unspin learn --unpaired`
# proposes from the spun texts without originals in DIR). The total is the honest figure: what unspin does on a
# spun article none of whose spins it learned from.
#
# Usage: bench/loo.sh [PAIRS_DIR] [-- extra unspin options]   (default ../shared/dev/pairs)
# VERBOSE=1 also lists every edit of each held-out pair (correct or wrong, with its rule);
# VERBOSE=all also every spin it missed. BY_RULE=1 adds up the held-out edits of each rule
# (correct, wrong, wrong in clean words): each entry's own leave-one-out record.
# Needs a release build (cargo build --release).
source "$(dirname "$0")/lib/pairs.sh"
# UNPAIRED=DIR: also learn from spun texts without originals (e.g. ../shared/dev/spun-only).
unpaired="${UNPAIRED:-}"

names=$(cd "$pairs" && ls *.spun.txt | sed 's/\.spun\.txt$//')
# The built-in dictionaries less the table learned from every pair (the held-out one included).
curated=() files=()
for f in "$root"/dictionaries/en/*.yaml; do
  [[ "$(basename "$f")" == learned.yaml ]] && continue
  curated+=(--dict "$f") files+=("$f")
done
for held in $names; do
  rm -rf "$tmp/others" && mkdir "$tmp/others"
  for n in $names; do
    # Another spin of the same original (04 and 05) is held out with it.
    cmp -s "$pairs/$n.original.txt" "$pairs/$held.original.txt" && continue
    ln -s "$pairs/$n.spun.txt" "$pairs/$n.original.txt" "$tmp/others/"
  done
  ln -s "$root/fixtures/pairs/seed003.spun.txt" "$root/fixtures/pairs/seed003.original.txt" "$tmp/others/"
  # The same procedure as scripts/learn-table.sh, on the other pairs only.
  "$unspin" --no-builtin "${curated[@]}" learn "$tmp/others" --against "${files[@]}" \
    --reject "$root/dictionaries/en/learned-rejects.txt" --suspects-only ${LEARN_OPTIONS:-} \
    -o "$tmp/learned.yaml" 2>/dev/null
  tables=(--no-builtin "${curated[@]}" --dict "$tmp/learned.yaml")
  if [[ -n "$unpaired" ]]; then
    "$unspin" learn --unpaired "$unpaired" --against "$tmp/learned.yaml" "${files[@]}" -o "$tmp/unpaired.yaml" 2>/dev/null
    tables+=(--dict "$tmp/unpaired.yaml")
  fi
  mkdir -p "$tmp/held" && rm -f "$tmp/held/"*
  ln -s "$pairs/$held.spun.txt" "$pairs/$held.original.txt" "$tmp/held/"
  "$unspin" eval --json "${tables[@]}" "$@" "$tmp/held" > "$tmp/$held.json"
  # The held-out original, repaired as if it were spun: every word changed is damage.
  "$unspin" eval --json "${tables[@]}" "$@" --original "$pairs/$held.original.txt" \
    --spun "$pairs/$held.original.txt" > "$tmp/$held.clean.json"
  for side in spun original; do
    "$unspin" --json "${tables[@]}" "$@" "$pairs/$held.$side.txt" | grep '"type":"file"' \
      > "$tmp/$held.$side.file.json" || true
  done
  if [[ -n "${VERBOSE:-}" ]]; then
    "$unspin" eval -v "${tables[@]}" "$@" "$tmp/held" | { [[ "$VERBOSE" == all ]] && cat || grep -v "^  missed"; } >&2 || true
  fi
done
python3 - "$tmp" "$pairs" $names <<'PY'
import json, os, sys
tmp, pairs, names = sys.argv[1], sys.argv[2], sys.argv[3:]
tot = {"distance_before": 0, "distance_after": 0, "edits": 0, "correct": 0, "wrong": 0,
       "wrong_in_clean": 0}
damage = words = 0
detected = {"spun": 0, "original": 0}
for n in names:
    t = json.load(open(f"{tmp}/{n}.json"))["total"]
    for k in tot:
        tot[k] += t[k]
    clean = json.load(open(f"{tmp}/{n}.clean.json"))["total"]
    damage += clean["distance_after"]
    words += len(open(f"{pairs}/{n}.original.txt").read().split())
    gate = {}
    for side in detected:
        lines = open(f"{tmp}/{n}.{side}.file.json").read().splitlines()
        rec = json.loads(lines[0]) if lines else {}
        spin = rec.get("spin") or {}
        gate[side] = f"{'SPUN' if rec.get('spun') else 'clean'} ({spin.get('percent', 0):.1f}%, {spin.get('table', 0)} entries)"
        detected[side] += bool(rec.get("spun"))
    print(f"{n}: distance {t['distance_before']} -> {t['distance_after']}; {t['edits']} edits, "
          f"{t['wrong']} wrong; spun side {gate['spun']}, original {gate['original']}, "
          f"{clean['distance_after']} words of it changed")
removed = 100 * (tot["distance_before"] - tot["distance_after"]) / max(tot["distance_before"], 1)
wrong = 100 * tot["wrong"] / max(tot["edits"], 1)
print(f"leave-one-out ({len(names)} pairs): distance {tot['distance_before']} -> {tot['distance_after']} "
      f"({removed:.1f}% removed); {tot['edits']} edits, {tot['wrong']} wrong ({wrong:.1f}%; "
      f"{tot['wrong_in_clean']} in clean words)")
print(f"detected as spun: {detected['spun']} of {len(names)} spun sides, {detected['original']} of "
      f"{len(names)} originals; originals: {damage} words changed in {words} "
      f"({10000 * damage / max(words, 1):.1f} per 10,000)")
if os.environ.get("BY_RULE"):
    rules = {}
    for n in names:
        for p in json.load(open(f"{tmp}/{n}.json"))["pairs"]:
            for e in p["edits_judged"]:
                r = rules.setdefault(e["rule"], [0, 0, 0, 0])
                r[0] += 1
                r[1 if e["correct"] else 2] += 1
                r[3] += e.get("in_clean", False)
    print(f"\n{'edits':>5} {'correct':>7} {'wrong':>5} {'in clean':>8}  rule")
    for rule, (n, c, w, k) in sorted(rules.items(), key=lambda x: (-x[1][3], -x[1][2], -x[1][0], x[0])):
        print(f"{n:>5} {c:>7} {w:>5} {k:>8}  {rule}")
PY
