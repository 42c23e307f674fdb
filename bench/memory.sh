#!/usr/bin/env bash
# Peak memory of the modes that hold a file whole, against the file's size: unspin on one file
# of SIZE_MB megabytes (default 20) of (a) spun prose (seed 003 and the spun-only excerpts),
# (b) the pathological `mental property ` repeated, where nearly every phrase is repaired, (c)
# `yr-` repeated in words of 99 bytes, each part a key and repaired (what is read around a key
# must stay bounded: reading the whole word at each one cost its square, 9 minutes for a
# megabyte of one unbroken word before it was bounded; such a word, longer than 512 bytes, is
# now no prose at all), (d) `“` repeated, a text without a word (looking for the words around
# nothing walked the whole text at every window: 14 MB took 23 s before), and (e) clean prose (the State of the Union fixture), each generated deterministically into
# bench/out/, with the context model on (the default) and off (--context never). Prints peak RSS
# (GNU time's %M) and its ratio to the file's size; the target is a ratio under 4.
#
# Needs a release build, GNU time and python3. Usage: bench/memory.sh; SIZE_MB=200 bench/memory.sh;
# MODES="print -w --diff --json --check --diff=words -v --format=github --format=sarif" for more.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
unspin="${UNSPIN:-$root/target/release/unspin}"
size_mb="${SIZE_MB:-20}"
modes="${MODES:-print -w --diff --json --check}"
out="$root/bench/out/memory"
mkdir -p "$out"
bytes=$(( size_mb * 1000000 ))

# FILE SOURCES...: the sources, in the order given, repeated to at least $bytes bytes.
repeat() {
  local file=$1; shift
  [ -f "$file" ] && [ "$(stat -c %s "$file")" -ge "$bytes" ] && return
  cat "$@" > "$out/round"
  local n=$(( bytes / $(stat -c %s "$out/round") + 1 ))
  for _ in $(seq "$n"); do cat "$out/round"; done > "$file"
  rm "$out/round"
}
spun="$out/spun-${size_mb}mb.txt"
clean="$out/clean-${size_mb}mb.txt"
pathological="$out/mental-property-${size_mb}mb.txt"
unbroken="$out/yr-words-${size_mb}mb.txt"
wordless="$out/quotes-${size_mb}mb.txt"
repeat "$spun" "$root"/fixtures/seeds/003_*.txt "$root"/../shared/dev/spun-only/*.txt
repeat "$clean" "$root"/fixtures/clean/sotu/*.txt
[ -f "$pathological" ] && [ "$(stat -c %s "$pathological")" -ge "$bytes" ] ||
  python3 -c "import sys; sys.stdout.write('mental property ' * ($bytes // 16 + 1))" > "$pathological"
[ -f "$unbroken" ] && [ "$(stat -c %s "$unbroken")" -ge "$bytes" ] ||
  python3 -c "import sys; sys.stdout.write(('yr-' * 33 + ' ') * ($bytes // 100 + 1))" > "$unbroken"
[ -f "$wordless" ] && [ "$(stat -c %s "$wordless")" -ge "$bytes" ] ||
  python3 -c "import sys; sys.stdout.write('\u201c' * ($bytes // 3 + 1))" > "$wordless"

printf '%-26s %-10s %-15s %10s %8s %7s\n' input context mode "peak RSS" ratio seconds
for input in "$spun" "$pathological" "$unbroken" "$wordless" "$clean"; do
  size=$(stat -c %s "$input")
  for context in auto never; do
    for mode in $modes; do
      file="$input"
      args=(--max-size 4G --context "$context")
      case "$mode" in
        print) ;;
        -w) cp "$input" "$out/written.txt"; file="$out/written.txt"; args+=(-w) ;;
        *) args+=("$mode") ;;
      esac
      /usr/bin/time -o "$out/time" -f '%M %e' "$unspin" "${args[@]}" "$file" >/dev/null 2>&1 || true
      read -r kb seconds < <(tail -n 1 "$out/time")
      python3 -c "import sys; n,c,m,kb,size,s=sys.argv[1:]; \
print(f'{n:<26} {c:<10} {m:<15} {int(kb)/1024:7.1f} MB {int(kb)*1024/int(size):7.2f}x {float(s):7.2f}')" \
        "$(basename "$input")" "$context" "$mode" "$kb" "$size" "$seconds"
    done
  done
done
rm -f "$out/written.txt" "$out/time"
