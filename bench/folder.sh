#!/usr/bin/env bash
# Benchmark (not a test): unspin over a generated folder of 10,000 files, at -j 1 and -j 2.
# The folder is deterministic: text and HTML pages built from fixtures/seeds (spun and clean),
# in 100 nested folders. Prints files/s and MB/s for a read-only pass (--check) and for an
# in-place pass (-w, atomic writes with fsync, on a fresh copy each time, synced before the
# clock starts), best of 3 runs. Writes are bound by fsync latency; figures on a shared machine
# vary a lot, so run it on a quiet one.
#
# Usage: bench/folder.sh [FILES]     (FILES defaults to 10000; the folder goes to bench/out/)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-10000}
out=bench/out
tree=$out/folder-$files
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/unspin

if [ ! -d "$tree" ]; then
    mkdir -p "$tree"
    # One awk process writes every file: seed i % 5, every third page HTML with the seed's
    # phrases also in attributes, a script, a style and a comment (which must stay as written).
    awk -v n="$files" -v dir="$tree" '
        FNR == 1 { s++ }
        { seed[s] = seed[s] $0 "\n"; lines[s, ++count[s]] = $0 }
        END {
            for (i = 0; i < n; i++) {
                k = i % s + 1
                d = sprintf("%s/d%02d/e%d", dir, i % 25, i % 4)
                if (!(d in made)) { system("mkdir -p " d); made[d] = 1 }
                if (i % 3 == 0) {
                    f = sprintf("%s/page%05d.html", d, i)
                    printf "<!DOCTYPE html>\n<html><head><title>Page %d</title>\n", i > f
                    printf "<style>p { margin: 0 }</style>\n<script>var t = \"%s\";</script></head>\n<body><!-- %s -->\n", lines[k, 3], lines[k, 3] > f
                    for (j = 1; j <= count[k]; j++)
                        if (lines[k, j] != "") printf "<p title=\"%s\">%s</p>\n", substr(lines[k, j], 1, 40), lines[k, j] > f
                    printf "</body></html>\n" > f
                } else {
                    f = sprintf("%s/text%05d.txt", d, i)
                    printf "%s", seed[k] > f
                }
                close(f)
            }
        }' fixtures/seeds/*.txt
fi

count=$(find "$tree" -type f | wc -l)
bytes=$(find "$tree" -type f -printf '%s\n' | awk '{ t += $1 } END { print t }')
echo "folder: $tree, $count files, $((bytes / 1024)) KiB; $(nproc) cores"

# Best wall time of 3 runs of "$@" (seconds); $prepare runs before each, untimed.
best() {
    local best=""
    for _ in 1 2 3; do
        if [ -n "${prepare:-}" ]; then eval "$prepare"; fi
        local t0 t1
        t0=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
        t1=$(date +%s.%N)
        best=$(awk -v a="$t0" -v b="$t1" -v c="$best" 'BEGIN { t = b - a; if (c == "" || t < c) c = t; print c }')
    done
    echo "$best"
}

report() { # mode jobs seconds
    awk -v m="$1" -v j="$2" -v t="$3" -v f="$count" -v b="$bytes" \
        'BEGIN { printf "%-6s -j %s: %6.3f s  %8.0f files/s  %6.1f MB/s\n", m, j, t, f / t, b / t / 1e6 }'
}

declare -A took
for jobs in 1 2; do
    took[check$jobs]=$(prepare="" best "$bin" --check -j "$jobs" "$tree")
    report check "$jobs" "${took[check$jobs]}"
done
for jobs in 1 2; do
    took[write$jobs]=$(prepare="rm -rf $out/copy && cp -r $tree $out/copy && sync" best "$bin" -w -j "$jobs" "$out/copy")
    report write "$jobs" "${took[write$jobs]}"
done
rm -rf "$out/copy"
awk -v a="${took[check1]}" -v b="${took[check2]}" -v c="${took[write1]}" -v d="${took[write2]}" \
    'BEGIN { printf "speed-up -j 2 over -j 1: check %.2fx, write %.2fx\n", a / b, c / d }'
