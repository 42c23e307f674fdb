#!/usr/bin/env bash
# The Python package's CI: a virtual environment, the build tool and test packages, a release
# wheel built with maturin and installed, then pytest over python/tests.
#
#   bash python/ci.sh            # everything, the Spark, datasets and datatrove recipes too
#   bash python/ci.sh --light    # the package's own tests only (the recipes' tests skip)
#
# Environment: UNSPIN_PY_VENV (default python/.venv; reused when it exists), PYTHON (default
# python3), CARGO_TARGET_DIR (as cargo reads it). UNSPIN_BIN, or an unspin binary built by the
# root's cargo (target/debug or target/release), turns on the test that compares the Python
# edits with the command's JSON.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
light=0
for arg in "$@"; do
    case "$arg" in
        --light) light=1 ;;
        *) echo "python/ci.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done
venv="${UNSPIN_PY_VENV:-$here/.venv}"
step() { printf '== %s (%ds)\n' "$1" "$SECONDS"; }

step "virtual environment $venv"
[ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
py="$venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check -r requirements-ci.txt
if [ "$light" = 0 ]; then
    step "recipe packages"
    "$py" -m pip install --quiet --disable-pip-version-check -r requirements-recipes.txt
fi

step "wheel (maturin build --release)"
dist="$(mktemp -d)"
trap 'rm -rf "$dist"' EXIT
"$venv/bin/maturin" build --release --quiet --interpreter "$py" --out "$dist"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$dist"/*.whl

if [ -z "${UNSPIN_BIN:-}" ]; then
    target="${CARGO_TARGET_DIR:-$here/../target}"
    for b in "$target/debug/unspin" "$target/release/unspin"; do
        if [ -x "$b" ]; then export UNSPIN_BIN="$b"; break; fi
    done
fi

step "pytest"
# Run from tests/ so that `import unspin` is the installed wheel, not the source folder.
cd "$here/tests"
"$py" -m pytest -p no:cacheprovider -q -rs .
step "done"
