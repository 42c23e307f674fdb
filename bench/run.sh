#!/usr/bin/env bash
# The end-to-end speed comparison of issue 7, in one run: unspin against a minimal aho-corasick
# program with the same semantics (bench/baseline), flashtext (in a virtualenv made here) and
# perl, on generated data (bench/gen.py), with output checks, throughput, peak RSS, start-up
# time and ratios. Everything is generated deterministically into bench/out/.
#
#   bench/run.sh                 the full run (100 MB corpora; a few minutes)
#   SIZE_MB=10 bench/run.sh      a quicker run
#
# Wall-clock figures on a shared 2-core machine are noisy; the ratios are measured in the same
# run and are what the targets are about.
set -euo pipefail
cd "$(dirname "$0")"
OUT=$PWD/out
SIZE_MB=${SIZE_MB:-100}
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
UNSPIN=$(cd .. && pwd)/target/release/unspin
BASELINE=$OUT/target/release/baseline
if [ ! -x "$OUT/venv/bin/python" ]; then
  python3 -m venv "$OUT/venv" && "$OUT/venv/bin/pip" install --quiet flashtext==2.7
fi
FLASHTEXT="$OUT/venv/bin/python flashtext_repair.py"
for n in 1000 10000 100000; do
  "$UNSPIN" dict compile --no-builtin --dict "$OUT/dict-$n.yaml" -o "$OUT/dict-$n.unspin" 2>/dev/null
done

# run LABEL CMD...: runs CMD (stdout to $OUT/run.out), sets WALL (s) and RSS (MiB).
run() {
  /usr/bin/time -o "$OUT/time" -f "%e %M" "$@" > "$OUT/run.out" 2>/dev/null
  read -r WALL RSS_KB < "$OUT/time"
  RSS=$((RSS_KB / 1024))
}
mbs() { python3 -c "print(f'{$1 / 1048576 / max($2, 0.001):.1f}')"; }
ratio() { python3 -c "print(f'{$1 / max($2, 0.001):.1f}x')"; }
size() { stat -c %s "$1"; }

printf '\n## Generated spun corpus (%s MB, 3%% of word positions spun)\n\n' "$SIZE_MB"
printf '| entries | output check (1 MiB sample) | unspin MB/s | baseline MB/s | flashtext MB/s | perl MB/s | unspin/baseline | unspin/flashtext | unspin RSS MiB |\n'
printf '|---|---|---|---|---|---|---|---|---|\n'
for n in 1000 10000 100000; do
  corpus=$OUT/spun-$n.txt
  head -c 1048576 "$corpus" | sed '$d' > "$OUT/sample.txt"
  "$UNSPIN" --no-builtin --dict "$OUT/dict-$n.unspin" "$OUT/sample.txt" > "$OUT/s.unspin" 2>/dev/null
  "$BASELINE" "$OUT/dict-$n.tsv" "$OUT/sample.txt" > "$OUT/s.baseline"
  $FLASHTEXT "$OUT/dict-$n.tsv" "$OUT/sample.txt" > "$OUT/s.flashtext"
  head -c 20000 "$OUT/sample.txt" | sed '$d' > "$OUT/tiny.txt"
  perl perl_repair.pl "$OUT/dict-$n.tsv" "$OUT/tiny.txt" > "$OUT/s.perl"
  "$UNSPIN" --no-builtin --dict "$OUT/dict-$n.unspin" "$OUT/tiny.txt" > "$OUT/s.unspin-tiny" 2>/dev/null
  check=same
  cmp -s "$OUT/s.unspin" "$OUT/s.baseline" || check="DIFFERS from baseline"
  cmp -s "$OUT/s.unspin" "$OUT/s.flashtext" || check="$check; DIFFERS from flashtext"
  cmp -s "$OUT/s.unspin-tiny" "$OUT/s.perl" || check="$check; DIFFERS from perl"
  cmp -s "$OUT/s.unspin" "$OUT/sample.txt" && check="NO EDITS"

  run "$UNSPIN" --max-size 4G --no-builtin --dict "$OUT/dict-$n.unspin" "$corpus"; u=$WALL; urss=$RSS
  run "$BASELINE" "$OUT/dict-$n.tsv" "$corpus"; b=$WALL
  head -c $((FLASHTEXT_MB * 1048576)) "$corpus" | sed '$d' > "$OUT/ft.txt"
  run $FLASHTEXT "$OUT/dict-$n.tsv" "$OUT/ft.txt"; f=$WALL
  perl_bytes=$((n == 1000 ? 1048576 : (n == 10000 ? 100000 : 20000)))
  head -c $perl_bytes "$corpus" | sed '$d' > "$OUT/pl.txt"
  run perl perl_repair.pl "$OUT/dict-$n.tsv" "$OUT/pl.txt"; p=$WALL
  S=$(size "$corpus")
  um=$(mbs "$S" "$u"); bm=$(mbs "$S" "$b"); fm=$(mbs "$(size "$OUT/ft.txt")" "$f"); pm=$(mbs "$(size "$OUT/pl.txt")" "$p")
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$check" "$um" "$bm" "$fm" "$pm" \
    "$(ratio "$um" "$bm")" "$(ratio "$um" "$fm")" "$urss"
done

printf '\n## Real English text, built-in dictionary, one thread\n\n'
run "$UNSPIN" --max-size 4G "$OUT/real.txt"
printf 'unspin: %s MB/s (%s MB of State of the Union addresses, repeated), peak RSS %s MiB\n' \
  "$(mbs "$(size "$OUT/real.txt")" "$WALL")" "$SIZE_MB" "$RSS"
run cat "$OUT/real.txt"
printf 'cat (the I/O floor): %s MB/s\n' "$(mbs "$(size "$OUT/real.txt")" "$WALL")"

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

printf '\n## Memory: 1 GB on standard input\n\n'
gb() { for _ in $(seq $((1024 / SIZE_MB + 1))); do cat "$OUT/spun-1000.txt"; done | head -c 1073741824; }
/usr/bin/time -o "$OUT/time" -f "%e %M" "$UNSPIN" --no-builtin --dict "$OUT/dict-1000.unspin" < <(gb) > /dev/null 2>&1
read -r WALL RSS_KB < "$OUT/time"
printf 'unspin, 1 GiB through stdin: peak RSS %s MiB, %s s\n' "$((RSS_KB / 1024))" "$WALL"

if [ -x ./folder.sh ]; then
  printf '\n## Folder of 10,000 files\n\n'
  ./folder.sh
fi
