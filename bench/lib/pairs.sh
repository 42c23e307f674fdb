# Sourced by the scripts that read spun/original pairs (loo.sh, unpaired.sh), with their
# arguments `[PAIRS_DIR] [-- extra options]`: sets `root` (the repo), `pairs` (the folder,
# default ../shared/dev/pairs), `unspin` (the release build, or $UNSPIN) and `tmp` (a folder
# removed on exit), and leaves the extra options as the positional parameters.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ $# -gt 0 && "$1" != "--" ]]; then
  pairs="$(cd "$1" && pwd)"
  shift
else
  pairs="$(cd "$root/../shared/dev/pairs" && pwd)"
fi
if [[ "${1:-}" == "--" ]]; then shift; fi
unspin="${UNSPIN:-$root/target/release/unspin}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
