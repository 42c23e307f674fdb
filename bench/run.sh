#!/usr/bin/env bash
# The end-to-end speed comparison of issues 7 and 15, in one run: unspin against the anchor (a
# straightforward aho-corasick program with the same semantics, bench/baseline), flashtext (in
# a virtualenv made here) and perl, on generated data (bench/gen.py), with output checks,
# throughput, peak RSS, start-up time and ratios. Everything is generated deterministically
# into bench/out/.
#
#   bench/run.sh                 the full run (100 MB corpora; a few minutes)
#   SIZE_MB=10 bench/run.sh      a quicker run
#   ROUNDS=5                     rounds of the side-by-side timings (default 5)
#
# Ratios come from bench/versus.py: the commands run in turn, round after round, so that the
# load of a shared machine falls on each alike, and the medians of their CPU times (user +
# system) are compared. unspin runs with its context model off (`--context never`) against
# the anchor, which has none: the dictionary layer on both sides. Its output must then be the
# anchor's, except where unspin deliberately differs: the article before a repair follows the
# replacement ("a xqpuruzo" -> "an xqpuruzo" is not the anchor's).
set -euo pipefail
cd "$(dirname "$0")"
OUT=$PWD/out
SIZE_MB=${SIZE_MB:-100}
ROUNDS=${ROUNDS:-5}
FLASHTEXT_MB=${FLASHTEXT_MB:-$((SIZE_MB < 20 ? SIZE_MB : 20))}
mkdir -p "$OUT"
export SOTU_DIR=$OUT/sotu

say() { printf '%s\n' "$*" >&2; }

# --- data -------------------------------------------------------------------------------------
[ -d "$SOTU_DIR" ] || OUT_DIR=$OUT ./fetch-sotu.sh >&2
[ -f "$OUT/dict-100000.tsv" ] || python3 gen.py dicts "$OUT"
for n in 1000 10000 100000; do
  f=$OUT/spun-$n.txt
  if [ ! -f "$f" ] || [ "$(stat -c %s "$f")" -lt $((SIZE_MB * 1024 * 1024 * 9 / 10)) ] \
     || [ "$(stat -c %s "$f")" -gt $((SIZE_MB * 1024 * 1024 * 11 / 10)) ]; then
    say "generating spun-$n.txt ($SIZE_MB MB)"; python3 gen.py spun "$OUT" "$SIZE_MB" "$n"
  fi
done
python3 gen.py real "$OUT" "$SIZE_MB"

# --- tools ------------------------------------------------------------------------------------
say "building unspin and the baseline (release)"
(cd .. && cargo build --release --quiet)
(cd baseline && CARGO_TARGET_DIR=$OUT/target cargo build --release --quiet)
UNSPIN=${CARGO_TARGET_DIR:-$(cd .. && pwd)/target}/release/unspin
BASELINE=$OUT/target/release/baseline
if [ ! -x "$OUT/venv/bin/python" ]; then
  python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" install --quiet flashtext==2.7
fi
FLASHTEXT="$OUT/venv/bin/python flashtext_repair.py"
for n in 1000 10000 100000; do
  "$UNSPIN" dict compile --no-builtin --dict "$OUT/dict-$n.yaml" -o "$OUT/dict-$n.unspin" 2>/dev/null
done

# run CMD...: runs CMD once (stdout to $OUT/run.out), sets WALL (s) and RSS (MiB).
run() {
  /usr/bin/time -o "$OUT/time" -f "%e %M" "$@" > "$OUT/run.out" 2>/dev/null
  read -r WALL RSS_KB < "$OUT/time"
  RSS=$((RSS_KB / 1024))
}
mbs() { python3 -c "print(f'{$1 / 1048576 / max($2, 0.001):.1f}')"; }
size() { stat -c %s "$1"; }
# cpu LABEL: the median CPU seconds versus.py printed for LABEL.
cpu() { awk -v l="$1" '$1 == l { for (i = 1; i <= NF; i++) if ($i == "cpu") { print $(i + 1); exit } }' "$OUT/versus"; }
ratio() { python3 -c "print(f'{$1 / max($2, 0.001):.2f}x')"; }

# same A B: "same", or how A differs from B when only articles before repairs differ.
same() {
  python3 - "$1" "$2" <<'PY'
import sys
a, b = (open(p, encoding="utf-8").read().splitlines() for p in sys.argv[1:])
articles, other = 0, 0
for x, y in zip(a, b):
    if x == y:
        continue
    wx, wy = x.split(" "), y.split(" ")
    diff = [(u, v) for u, v in zip(wx, wy) if u != v]
    if len(wx) == len(wy) and all({u.lower(), v.lower()} == {"a", "an"} for u, v in diff):
        articles += len(diff)
    else:
        other += 1
other += abs(len(a) - len(b))
if other:
    print(f"DIFFERS ({other} lines)")
elif articles:
    print(f"same but {articles} a/an (deliberate)")
else:
    print("same")
PY
}

printf '\n## Generated spun corpus (%s MB, 3%% of word positions spun)\n\n' "$SIZE_MB"
printf 'CPU time, medians of %s interleaved rounds; unspin with --context never (the model column: on).\n\n' "$ROUNDS"
printf '| entries | output vs anchor (1 MiB sample) | unspin MB/s | anchor MB/s | unspin/anchor | unspin, model on, MB/s | flashtext MB/s | perl MB/s | unspin RSS MiB |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for n in 1000 10000 100000; do
  corpus=$OUT/spun-$n.txt
  head -c 1048576 "$corpus" | sed '$d' > "$OUT/sample.txt"
  "$UNSPIN" --context never --no-builtin --dict "$OUT/dict-$n.unspin" "$OUT/sample.txt" > "$OUT/s.unspin" 2>/dev/null
  "$BASELINE" "$OUT/dict-$n.tsv" "$OUT/sample.txt" > "$OUT/s.baseline"
  check=$(same "$OUT/s.unspin" "$OUT/s.baseline")
  $FLASHTEXT "$OUT/dict-$n.tsv" "$OUT/sample.txt" > "$OUT/s.flashtext"
  cmp -s "$OUT/s.flashtext" "$OUT/s.baseline" || check="$check; flashtext DIFFERS from the anchor"
  cmp -s "$OUT/s.unspin" "$OUT/sample.txt" && check="NO EDITS"

  ./versus.py "$ROUNDS" \
    "anchor=$BASELINE $OUT/dict-$n.tsv $corpus" \
    "unspin=$UNSPIN --context never --max-size 4G --no-builtin --dict $OUT/dict-$n.unspin $corpus" \
    > "$OUT/versus"
  S=$(size "$corpus")
  um=$(mbs "$S" "$(cpu unspin)"); bm=$(mbs "$S" "$(cpu anchor)")
  run "$UNSPIN" --max-size 4G --no-builtin --dict "$OUT/dict-$n.unspin" "$corpus"; mm=$(mbs "$S" "$WALL")
  run "$UNSPIN" --context never --max-size 4G --no-builtin --dict "$OUT/dict-$n.unspin" "$corpus"; urss=$RSS
  head -c $((FLASHTEXT_MB * 1048576)) "$corpus" | sed '$d' > "$OUT/ft.txt"
  run $FLASHTEXT "$OUT/dict-$n.tsv" "$OUT/ft.txt"; fm=$(mbs "$(size "$OUT/ft.txt")" "$WALL")
  perl_bytes=$((n == 1000 ? 1048576 : (n == 10000 ? 100000 : 20000)))
  head -c $perl_bytes "$corpus" | sed '$d' > "$OUT/pl.txt"
  run perl perl_repair.pl "$OUT/dict-$n.tsv" "$OUT/pl.txt"; pm=$(mbs "$(size "$OUT/pl.txt")" "$WALL")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$check" "$um" "$bm" \
    "$(ratio "$(cpu anchor)" "$(cpu unspin)")" "$mm" "$fm" "$pm" "$urss"
done

printf '\n## Real English text (%s MB of State of the Union addresses, repeated, one document)\n\n' "$SIZE_MB"
./versus.py "$ROUNDS" \
  "anchor=$BASELINE $OUT/dict-1000.tsv $OUT/real.txt" \
  "unspin=$UNSPIN --max-size 4G $OUT/real.txt" \
  "unspin-never=$UNSPIN --context never --max-size 4G $OUT/real.txt" \
  "cat=cat $OUT/real.txt" > "$OUT/versus"
S=$(size "$OUT/real.txt")
printf 'anchor (1k-entry dictionary): %s MB/s\n' "$(mbs "$S" "$(cpu anchor)")"
printf 'unspin, built-in dictionary and context model: %s MB/s, %s the anchor'"'"'s speed\n' \
  "$(mbs "$S" "$(cpu unspin)")" "$(ratio "$(cpu anchor)" "$(cpu unspin)")"
printf 'unspin, built-in dictionary, --context never: %s MB/s, %s the anchor'"'"'s speed\n' \
  "$(mbs "$S" "$(cpu unspin-never)")" "$(ratio "$(cpu anchor)" "$(cpu unspin-never)")"
printf 'cat (the I/O floor): %s MB/s\n' "$(mbs "$S" "$(cpu cat)")"

printf '\n## Start-up (best of 20 runs, wall clock)\n\n'
best() {
  python3 - "$OUT/one-line.txt" "$@" <<'PY'
import subprocess, sys, time
stdin, cmd = sys.argv[1], sys.argv[2:]
best = float("inf")
for _ in range(20):
    with open(stdin, "rb") as f:
        t = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
print(f"{best * 1000:.1f} ms")
PY
}
: > "$OUT/empty.txt"
cp "$OUT/empty.txt" "$OUT/one-line.txt"
printf 'built-in dictionary, empty input: %s\n' "$(best "$UNSPIN")"
echo "mental property" > "$OUT/one-line.txt"
printf 'built-in dictionary, one line: %s\n' "$(best "$UNSPIN")"
printf '100k-entry compiled dictionary, one line (ready to match): %s\n' \
  "$(best "$UNSPIN" --no-builtin --dict "$OUT/dict-100000.unspin")"
printf '100k-entry YAML dictionary, one line: %s\n' \
  "$(best "$UNSPIN" --no-builtin --dict "$OUT/dict-100000.yaml")"

printf '\n## Memory: 1 GiB on standard input\n\n'
gb() { for _ in $(seq $((1024 / SIZE_MB + 1))); do cat "$OUT/spun-1000.txt"; done | head -c 1073741824; }
for context in auto never; do
  /usr/bin/time -o "$OUT/time" -f "%e %M" "$UNSPIN" --context "$context" --no-builtin \
    --dict "$OUT/dict-1000.unspin" < <(gb) > /dev/null 2>&1
  read -r WALL RSS_KB < "$OUT/time"
  printf 'unspin --context %s, 1 GiB through stdin: peak RSS %s MiB, %s s\n' \
    "$context" "$((RSS_KB / 1024))" "$WALL"
done

if [ -x ./folder.sh ]; then
  printf '\n## Folder of 10,000 files\n\n'
  ./folder.sh
fi
