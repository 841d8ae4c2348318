"""Scaling out: a Dask LocalCluster and `newskb merge` give the same rows as a plain import."""

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from ingest import store
from ingest.cli import app

TABLES = ["articles", "authors", "tags", "sections", "paragraphs", "tables", "table_cells",
          "code_blocks", "links", "claims", "entities", "claim_entities", "quantities",
          "claim_dates"]


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _corpus(root: Path, n: int) -> Path:
    root.mkdir()
    for i in range(n):
        (root / f"{i:03}.md").write_text(
            f"---\ntitle: Report {i}\ntags: [t{i % 3}]\n---\n\nAcme sold {i} units in 2025.\n\n"
            f"## Detail\n\n| a | b |\n|---|---|\n| {i} | x |\n", encoding="utf-8")
    return root


def _rows(db_path: Path) -> dict[str, list]:
    db = store.connect(db_path)
    rows = {t: db.execute(f"SELECT * FROM [{t}] ORDER BY 1, 2").fetchall() for t in TABLES}
    rows = {t: [tuple(v for v in r) for r in rs] for t, rs in rows.items()}
    rows["articles"] = [r[:13] + r[14:] for r in rows["articles"]]  # imported_at differs
    rows["search"] = db.execute("SELECT rowid FROM sections_fts WHERE sections_fts MATCH "
                                "'units' ORDER BY rowid").fetchall()
    return rows


def test_dask_local_cluster_import_equals_a_plain_import(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 80)
    plain, dask = tmp_path / "plain.db", tmp_path / "dask.db"
    assert _run("import", str(corpus), "--db", str(plain), "--jobs", "1", "-q").exit_code == 0
    result = _run("import", str(corpus), "--db", str(dask), "--engine", "dask", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "80 imported, 0 replaced, 0 unchanged, 0 failed"
    assert _rows(plain) == _rows(dask)
    assert not any((tmp_path / ".dask-shards").glob("*.db"))
    again = _run("import", str(corpus), "--db", str(dask), "--engine", "dask", "-q")
    assert again.stdout.strip() == "0 imported, 0 replaced, 80 unchanged, 0 failed"


def test_merge_combines_shards_into_one_searchable_database(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 10)
    files = sorted(corpus.iterdir())
    whole, merged = tmp_path / "whole.db", tmp_path / "merged.db"
    _run("import", str(corpus), "--db", str(whole), "-q")
    _run("import", *map(str, files[:5]), "--db", str(tmp_path / "a.db"), "-q")
    _run("import", *map(str, files[5:]), "--db", str(tmp_path / "b.db"), "-q")
    result = _run("merge", str(tmp_path / "a.db"), str(tmp_path / "b.db"), "--db", str(merged))
    assert result.exit_code == 0, result.output
    assert _rows(whole) == _rows(merged)
    hits = json.loads(_run("search", "units", "--db", str(merged), "--format", "json").stdout)
    assert len(hits) == 10


def test_merge_of_a_missing_shard_fails_that_shard_only(tmp_path: Path) -> None:
    result = _run("merge", str(tmp_path / "nope.db"), "--db", str(tmp_path / "kb.db"))
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'nope.db'}: no such shard database\n"


def test_scale_bench_copies_are_distinct_articles(tmp_path: Path) -> None:
    """The bench's replicated corpus must import as new articles, not replace its originals."""
    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    import scale_bench

    if not scale_bench.CORPUS.is_dir():
        pytest.skip("the HTML benchmark corpus is not on this machine")
    pages = scale_bench._pages()[:6]
    urls = scale_bench._page_urls(pages)
    folder = tmp_path / "copies"
    folder.mkdir()
    for n in range(2):
        for i, (page, url) in enumerate(zip(pages, urls, strict=True)):
            (folder / f"{n}-{i}.html").write_bytes(scale_bench._copy(page, url, n))
    result = _run("import", str(folder), "--db", str(tmp_path / "kb.db"), "-q")
    counts = {word: int(n) for n, word in (part.split() for part in
                                            result.stdout.strip().split(", "))}
    assert counts["replaced"] == counts["unchanged"] == 0
    assert counts["imported"] + counts["failed"] == len(pages) * 2
