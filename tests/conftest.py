from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ingest.cli import app

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "data" / "samples"
FIXTURES = Path(__file__).parent / "fixtures"
BUNDLED_SEED = SAMPLES / "ichiban-anthropic-amazon.txt"
# The user's own file when the shared corpus sits beside the checkout; the bundled copy (the
# same bytes, checked in tests/test_samples.py) in a checkout anywhere else.
USERS_SEED = ROOT.parent / "shared" / "corpus" / "seed" / "000_49405ddd8d144df6.txt"
SEED = USERS_SEED if USERS_SEED.exists() else BUNDLED_SEED


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def newskb(db_path: Path) -> Callable[..., Result]:
    """Run a newskb command against this test's own database."""
    runner = CliRunner()

    def run(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(app, [*args, "--db", str(db_path)], input=input)

    return run
