#!/usr/bin/env bash
# What the built-in dictionaries do to clean English beyond the corpora the tests read: the
# definitions and example sentences of WordNet 3.0 (about 1.5 million words, from the Debian
# package wordnet-base that scripts/install-sources.sh caches), cut into documents of 300
# lines, and the State of the Union addresses of bench/out/sotu when bench/run.sh has fetched
# them. Each is repaired as unspin repairs by default (every edit is a false one: the target is
# under 0.5 words changed per 10,000) and with --suspects always, which repairs suspects as if
# every document were spun: the risk a misjudged document would run. Every default edit is
# listed; with VERBOSE=1 the forced ones too.
#
# Usage: bench/clean.sh   (needs a release build, dpkg-deb and python3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
unspin="${UNSPIN:-$root/target/release/unspin}"
eval "$("$root/scripts/install-sources.sh" --print)"
[[ -f "$CACHE/$WORDNET_DEB" ]] || "$root/scripts/install-sources.sh" >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$CACHE/$WORDNET_DEB" "$tmp/deb"
mkdir "$tmp/wordnet"
python3 - "$tmp/deb/usr/share/wordnet" "$tmp/wordnet" <<'PY'
import sys
src, out = sys.argv[1], sys.argv[2]
lines = []
for part in ("noun", "verb", "adj", "adv"):
    for line in open(f"{src}/data.{part}", encoding="latin-1"):
        # A synset's line ends with "| gloss; \"example\"; ..."; the licence header starts with spaces.
        if not line.startswith("  ") and "|" in line:
            lines.append(line.split("|", 1)[1].strip().replace('"', ""))
for k in range(0, len(lines), 300):
    open(f"{out}/{k // 300:04}.txt", "w").write("\n".join(lines[k:k + 300]) + "\n")
PY
corpora=("$tmp/wordnet")
[[ -d "$root/bench/out/sotu" ]] && corpora+=("$root/bench/out/sotu")
for corpus in "${corpora[@]}"; do
  name=$([[ "$corpus" == "$tmp/wordnet" ]] && echo "WordNet glosses" || echo "${corpus#"$root"/}")
  words=$(cat "$corpus"/* | wc -w)
  for mode in default always; do
    opts=()
    [[ "$mode" == always ]] && opts=(--suspects always)
    edits=$("$unspin" --check -v "${opts[@]}" "$corpus" 2>&1 | grep -E '^[^ ]+:[0-9]+:[0-9]+: ' || true)
    n=$(grep -c . <<<"$edits" || true)
    printf '%-16s %9d words  %-24s %5d edits  %6.2f per 10,000 words\n' "$name" "$words" \
      "$([[ $mode == default ]] && echo default || echo '--suspects always')" "$n" \
      "$(python3 -c "print($n * 10000 / $words)")"
    if [[ $mode == default || -n "${VERBOSE:-}" ]]; then
      sed "s|$tmp/wordnet/||; s|$root/||; s/^/    /" <<<"$edits" | cut -c1-160 | grep -v '^    $' || true
    fi
  done
done
