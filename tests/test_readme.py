"""Every `$ newskb ...` example in the README runs on data/samples/ and prints what it shows.

Console blocks are run in order against one fresh database holding the samples, so the README's
worked example cannot go stale. A block whose first line is `$ newskb import` starts the database.
"""

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from tests.conftest import ROOT

CONSOLE_BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in CONSOLE_BLOCK.findall(readme):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.M):
            command, _, output = chunk.partition("\n")
            if command.startswith("$ newskb "):
                examples.append((command.removeprefix("$ newskb "), output))
    return examples


def _argv(command: str, db: Path) -> list[str]:
    args = shlex.split(command)
    if "--db" in args:
        args[args.index("--db") + 1] = str(db)
    else:
        args += ["--db", str(db)]
    return args


@pytest.fixture(scope="module")
def readme_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("readme") / "kb.db"


@pytest.mark.parametrize("command,expected", _examples(), ids=[c for c, _ in _examples()])
def test_readme_example_prints_what_the_readme_shows(command: str, expected: str,
                                                     readme_db: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    if command.startswith("serve"):
        pytest.skip("serving is covered by tests/test_browse.py")
    result = CliRunner().invoke(app, _argv(command, readme_db))
    assert result.exit_code == 0, result.output
    shown = [line.rstrip() for line in expected.rstrip("\n").splitlines()]
    assert [line.rstrip() for line in result.stdout.rstrip("\n").splitlines()] == shown


def test_readme_has_examples_of_every_command() -> None:
    used = {command.split()[0] for command, _ in _examples()}
    assert used >= {"import", "query", "search", "show", "claims", "stats"}
