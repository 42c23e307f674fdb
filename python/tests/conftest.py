import sys
from pathlib import Path

import pytest

import unspin

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
SPUN = SEEDS / "003_3d775348fe8cc8f0.txt"
CLEAN = sorted(p for p in SEEDS.glob("*.txt") if p != SPUN)

# The recipes are scripts, not part of the package: tests import them from python/examples.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))


def read(path: Path) -> str:
    # newline="" keeps the text byte for byte (no newline translation).
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.fixture(scope="session")
def engine() -> unspin.Engine:
    return unspin.Engine()


@pytest.fixture(scope="session")
def spun() -> str:
    return read(SPUN)


@pytest.fixture(scope="session")
def clean() -> list[str]:
    assert CLEAN, f"no clean seeds in {SEEDS}"
    return [read(p) for p in CLEAN]
