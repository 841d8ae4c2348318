"""The newskb command, run with CliRunner against a temporary database each time."""

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import SAMPLES

Newskb = Callable[..., Result]
ARTICLE = "# Heat pumps outsell boilers\n\nHeat pump sales rose 30% in 2025.\n"


def test_import_prints_each_outcome_and_a_summary(newskb: Newskb, tmp_path: Path) -> None:
    article = tmp_path / "heat.md"
    article.write_text(ARTICLE, encoding="utf-8")
    first = newskb("import", str(article))
    assert first.exit_code == 0, first.output
    assert f"imported   {article}  →  Heat pumps outsell boilers" in first.output
    assert first.output.strip().endswith("1 imported, 0 replaced, 0 unchanged, 0 failed")
    again = newskb("import", str(article))
    assert "0 imported, 0 replaced, 1 unchanged, 0 failed" in again.output
    article.write_text(ARTICLE.replace("30%", "31%"), encoding="utf-8")
    assert "0 imported, 1 replaced, 0 unchanged, 0 failed" in newskb("import", str(article)).output


def test_bad_files_fail_one_line_each_while_the_rest_import(newskb: Newskb,
                                                            tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "noise.txt").write_bytes(b"abc\x00\xff\xfe\x00")
    (tmp_path / "no-articles").mkdir()
    result = newskb("import", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "scan.txt"),
                    str(tmp_path / "noise.txt"), str(tmp_path / "missing.md"),
                    str(tmp_path / "no-articles"))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'scan.txt'}: binary file (PDF document)",
        f"{tmp_path / 'noise.txt'}: binary file (NUL byte at offset 3)",
        f"{tmp_path / 'missing.md'}: no such file or directory",
        f"{tmp_path / 'no-articles'}: directory holds no articles "
        "(.html, .md, .txt, .jsonl, .warc)",
    ]
    assert "1 imported, 0 replaced, 0 unchanged, 5 failed" in result.stdout
    count = newskb("query", "SELECT COUNT(*) AS n FROM articles", "--format", "json")
    assert json.loads(count.stdout) == [{"n": 1}]


def test_undecodable_text_is_refused_with_its_reason(newskb: Newskb, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfeA\x00" + "caf\u00e9".encode("utf-16-le") + b"\x00\xd8")
    result = newskb("import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}: undecodable text")


def test_stdin_is_read_with_dash(newskb: Newskb) -> None:
    result = newskb("import", "-", "--format", "markdown", input=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    assert "imported   -  →  Heat pumps outsell boilers" in result.output


@pytest.mark.parametrize("format,expected", [
    ("json", '[\n  {\n    "format": "markdown",\n    "n": 1\n  }\n]\n'),
    ("csv", "format,n\nmarkdown,1\n"),
    ("table", "format      n\n--------  ---\nmarkdown    1\n"),
])
def test_query_prints_rows_in_each_format(newskb: Newskb, tmp_path: Path, format: str,
                                          expected: str) -> None:
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    newskb("import", str(tmp_path / "a.md"))
    result = newskb("query", "SELECT format, COUNT(*) AS n FROM articles GROUP BY format",
                    "--format", format)
    assert result.stdout == expected


def test_query_with_bad_sql_fails_with_the_reason(newskb: Newskb) -> None:
    result = newskb("query", "SELECT nope FROM articles")
    assert result.exit_code == 1
    assert result.stderr == "query failed: no such column: nope\n"


def test_search_show_and_stats_over_the_samples(newskb: Newskb) -> None:
    assert newskb("import", str(SAMPLES), "-q").exit_code == 0
    hits = json.loads(newskb("search", "Trainium", "--format", "json").stdout)
    assert hits and all("[Trainium]" in hit["snippet"] for hit in hits)
    shown = newskb("show", str(hits[0]["article_id"]))
    assert shown.exit_code == 0
    assert "Outline" in shown.stdout
    stats = dict(line.rsplit(None, 1) for line in newskb("stats").stdout.splitlines())
    assert stats["articles"] == str(len(list(SAMPLES.iterdir())))


def test_show_of_a_missing_article_fails(newskb: Newskb) -> None:
    result = newskb("show", "42")
    assert (result.exit_code, result.stderr) == (1, "no article with id 42\n")


def test_every_command_has_help_text(newskb: Newskb) -> None:
    from typer.testing import CliRunner

    from ingest.cli import app

    for command in ("import", "query", "search", "show", "claims", "stats", "serve"):
        result = CliRunner().invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert "--db" in result.output


def _folder_of_articles(root: Path, n: int, broken: int = 0) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"{i:03}.md").write_text(ARTICLE.replace("30%", f"{i}%"), encoding="utf-8")
    for i in range(broken):
        (root / f"broken-{i}.txt").write_bytes(b"")
    return root


def test_import_draws_a_progress_bar_with_rate_and_failures_on_a_terminal(
        newskb: Newskb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from ingest import cli

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=150, color_system=None)
    monkeypatch.setattr(cli, "_progress_console", lambda: terminal)
    folder = _folder_of_articles(tmp_path / "many", 24, broken=1)
    result = newskb("import", str(folder))
    assert result.exit_code == 1  # one file failed
    drawn = screen.getvalue()
    assert "Importing" in drawn
    assert "25/25 docs" in drawn
    assert "docs/s" in drawn
    assert "1 failed" in drawn
    assert "24 imported, 0 replaced, 0 unchanged, 1 failed" in result.stdout


def test_no_progress_bar_with_quiet_or_when_stderr_is_not_a_terminal(
        newskb: Newskb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest import cli

    folder = _folder_of_articles(tmp_path / "many", 30)
    result = newskb("import", str(folder))  # CliRunner's stderr is not a terminal
    assert result.exit_code == 0
    assert result.stderr == ""
    asked: list[bool] = []
    monkeypatch.setattr(cli, "_progress_console", lambda: asked.append(True))
    quiet = newskb("import", str(folder), "-q")
    assert (quiet.stdout, quiet.stderr) == ("0 imported, 0 replaced, 30 unchanged, 0 failed\n",
                                            "")
    assert asked == []
