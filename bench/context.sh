#!/usr/bin/env bash
# What the context model costs: unspin --check over clean prose (the State of the Union
# fixture) and over spun prose (seed 003 and the spun-only excerpts), each repeated to about
# SIZE_MB, with the model on (the default) and off (--context never). Prints MB/s and the
# seconds per MB the model adds. Needs a release build. Usage: SIZE_MB=20 bench/context.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
unspin="${UNSPIN:-$root/target/release/unspin}"
size_mb="${SIZE_MB:-10}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Whole documents, repeated as separate files so that each is read as a document.
make() { # NAME FILES...
  local name=$1; shift
  mkdir -p "$tmp/$name"
  local total=0 i=0
  while (( total < size_mb * 1000000 )); do
    for f in "$@"; do
      cp "$f" "$tmp/$name/$i-$(basename "$f")"
      total=$(( total + $(stat -c %s "$f") )); i=$(( i + 1 ))
    done
  done
  echo "$total"
}
clean_bytes=$(make clean "$root"/fixtures/clean/sotu/*.txt)
spun_bytes=$(make spun "$root"/fixtures/seeds/003_*.txt "$root"/../shared/dev/spun-only/*.txt)

run() { # DIR BYTES OPTIONS...
  local dir=$1 bytes=$2; shift 2
  local start end
  start=$(date +%s.%N)
  "$unspin" --check -j 1 "$@" "$dir" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "import sys; b,s,e=map(float,sys.argv[1:]); print(f'{b/1e6/(e-s):8.2f} MB/s  ({e-s:.2f} s)')" "$bytes" "$start" "$end"
}
printf '%-34s %s\n' "clean prose, model on:" "$(run "$tmp/clean" "$clean_bytes")"
printf '%-34s %s\n' "clean prose, --context never:" "$(run "$tmp/clean" "$clean_bytes" --context never)"
printf '%-34s %s\n' "spun prose, model on:" "$(run "$tmp/spun" "$spun_bytes")"
printf '%-34s %s\n' "spun prose, --context never:" "$(run "$tmp/spun" "$spun_bytes" --context never)"
