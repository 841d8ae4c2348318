"""The README demo's samples, imported through the CLI and checked with SQL (issue 4's checks)."""

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import BUNDLED_SEED, SAMPLES, SEED, USERS_SEED

Newskb = Callable[..., Result]


@pytest.fixture
def sql(newskb: Newskb) -> Callable[[str], list[dict]]:
    result = newskb("import", str(SAMPLES), str(SEED), "-q")
    assert result.exit_code == 0, result.output

    def run(query: str) -> list[dict]:
        out = newskb("query", query, "--format", "json")
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)

    return run


def _article(sql: Callable[[str], list[dict]], source_name: str) -> dict:
    (row,) = sql(f"SELECT * FROM articles WHERE source LIKE '%{source_name}'")
    return row


def _headings(sql: Callable[[str], list[dict]], article_id: int) -> list[tuple[int, str]]:
    rows = sql(f"SELECT level, heading FROM sections WHERE article_id = {article_id} "
               "AND level > 0 ORDER BY position")
    return [(r["level"], r["heading"]) for r in rows]


def _tables(sql: Callable[[str], list[dict]], article_id: int) -> list[tuple[str | None, list]]:
    found = []
    for table in sql(f"SELECT id, caption, n_rows, n_cols FROM tables "
                     f"WHERE article_id = {article_id} ORDER BY position"):
        cells = sql(f"SELECT row, col, text FROM table_cells WHERE table_id = {table['id']} "
                    "ORDER BY row, col")
        grid = [[c["text"] for c in cells if c["row"] == r] for r in range(table["n_rows"])]
        assert all(len(row) == table["n_cols"] for row in grid)
        found.append((table["caption"], grid))
    return found


def _code(sql: Callable[[str], list[dict]], article_id: int) -> list[tuple[str | None, str]]:
    rows = sql(f"SELECT language, code FROM code_blocks WHERE article_id = {article_id} "
               "ORDER BY position")
    return [(r["language"], r["code"]) for r in rows]


def _tags(sql: Callable[[str], list[dict]], article_id: int) -> list[str]:
    return [r["tag"] for r in sql(f"SELECT tag FROM tags WHERE article_id = {article_id} "
                                  "ORDER BY rowid")]


def test_the_users_seed_is_the_bundled_sample_so_it_is_stored_once(
        sql: Callable[[str], list[dict]]) -> None:
    rows = sql("SELECT source FROM articles WHERE source LIKE '%000_49405ddd8d144df6.txt'")
    assert rows == []
    assert len(sql("SELECT id FROM articles")) == len(list(SAMPLES.iterdir()))


def test_seed_metadata(sql: Callable[[str], list[dict]]) -> None:
    seed = _article(sql, "ichiban-anthropic-amazon.txt")
    assert seed["title"] == ("Anthropic's $5B Amazon Investment and $100B Cloud Pledge: "
                             "The New AI Infrastructure Reality")
    assert (seed["author"], seed["published"], seed["format"]) == (
        "Ichiban Team", "2026-04-21", "text")
    assert _tags(sql, seed["id"]) == ["ai", "infrastructure", "anthropic", "amazon",
                                      "cloud-computing"]


def test_seed_outline(sql: Callable[[str], list[dict]]) -> None:
    seed = _article(sql, "ichiban-anthropic-amazon.txt")
    assert [h for _, h in _headings(sql, seed["id"])] == [
        "Anthropic's $5B Amazon Investment and $100B Cloud Pledge: The New AI Infrastructure "
        "Reality", "Introduction", "What happened", "Why it matters", "Technical implications",
        "Custom Silicon Co-Design", "Exascale Distributed Networking",
        "Deep AWS Bedrock Integration", "What's next", "Conclusion"]


def test_seed_glued_table_is_split_exactly(sql: Callable[[str], list[dict]]) -> None:
    seed = _article(sql, "ichiban-anthropic-amazon.txt")
    assert _tables(sql, seed["id"]) == [(None, [
        ["Infrastructure Domain", "Challenge at $100B Scale", "Anticipated AWS Solution Focus"],
        ["Compute", "Maximizing cluster utilization without hardware failures halting jobs.",
         "Trainium UltraClusters, advanced fault-tolerant scheduling."],
        ["Networking", "Petabit-scale, microsecond-latency interconnects between nodes.",
         "Elastic Fabric Adapter (EFA) v2, custom Top-of-Rack switches."],
        ["Storage", "Checkpointing exabytes of model state reliably in seconds.",
         "Distributed FSx for Lustre, S3 Express One Zone integrations."],
        ["Power/Thermal", "Managing gigawatt-level data center power consumption.",
         "Liquid cooling at scale, dedicated sustainable AI regions."],
    ])]


def test_seed_code_is_python_and_byte_identical(sql: Callable[[str], list[dict]]) -> None:
    seed = _article(sql, "ichiban-anthropic-amazon.txt")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    first = lines.index("import boto3")
    last = next(i for i, line in enumerate(lines) if "print(chunk['completion']" in line)
    assert _code(sql, seed["id"]) == [("python", "\n".join(lines[first:last + 1]))]


def test_seed_page_chrome_is_gone(sql: Callable[[str], list[dict]]) -> None:
    body = _article(sql, "ichiban-anthropic-amazon.txt")["body_markdown"]
    assert "Back to Blog" not in body
    assert "\nHero\n" not in body
    assert "2026by" not in body


def test_html_sample(sql: Callable[[str], list[dict]]) -> None:
    page = _article(sql, "bedrock-capacity-report.html")
    assert (page["title"], page["author"], page["site"], page["format"], page["language"]) == (
        "AWS doubles Bedrock capacity as Anthropic demand surges",
        "Maria Lindqvist, Tom Okafor", "Cloud Ledger", "html", "en")
    assert page["published"].startswith("2026-05-12")
    assert page["url"] == "https://cloudledger.example/2026/05/aws-bedrock-capacity"
    assert {"cloud", "anthropic"} <= set(_tags(sql, page["id"]))
    assert _headings(sql, page["id"]) == [
        (1, "AWS doubles Bedrock capacity as Anthropic demand surges"),
        (2, "The numbers"), (2, "What developers see")]
    assert _tables(sql, page["id"]) == [("Bedrock usage by quarter", [
        ["Quarter", "Tokens served", "Tokens served", "Regions"],
        ["Q4 2025", "1.6T", "+12%", "14"],
        ["Q1 2026", "3.4T", "+112%", "14"]])]
    assert _code(sql, page["id"]) == [
        ("bash", "aws bedrock list-provisioned-model-throughputs --region us-east-1 && echo done")]
    body = page["body_markdown"]
    for chrome in ("Share on X", "cookies", "Related stories", "newsletter", "not article",
                   "All rights reserved", "Subscribe"):
        assert chrome not in body
    assert "Bedrock served 4.2 trillion tokens in April" in body
    assert "Priya Raman" in body


def test_markdown_sample(sql: Callable[[str], list[dict]]) -> None:
    md = _article(sql, "chip-export-rules.md")
    assert (md["title"], md["author"], md["published"], md["site"]) == (
        "New chip export rules: what changes for AI labs", "Dana Whitfield, Sam Ortiz",
        "2026-03-04", "PolicyWire")
    assert _tags(sql, md["id"]) == ["policy", "semiconductors", "export-controls"]
    assert [h for _, h in _headings(sql, md["id"])][1:] == [
        "Who is affected", "Checking a shipment", "What comes next"]
    ((caption, grid),) = _tables(sql, md["id"])
    assert caption is None
    assert grid[0] == ["Tier", "Countries", "Annual cap (H100-equivalents)"]
    assert grid[2] == ["2", "120", "50,000"]
    assert [lang for lang, _ in _code(sql, md["id"])] == ["sql"]


def test_second_text_dump_sample(sql: Callable[[str], list[dict]]) -> None:
    dump = _article(sql, "cloud-earnings-roundup.txt")
    assert (dump["title"], dump["author"], dump["published"]) == (
        "Cloud earnings roundup: Microsoft, Google and Amazon race to add AI capacity",
        "Jane Doe", "2026-02-06")
    assert _tags(sql, dump["id"]) == ["cloud", "earnings", "ai-infrastructure"]
    assert [h for _, h in _headings(sql, dump["id"])][1:] == [
        "Capital spending", "Checking the numbers yourself", "What analysts say"]
    assert _tables(sql, dump["id"]) == [(None, [
        ["Provider", "Cloud revenue", "Growth"], ["Microsoft Azure", "not disclosed", "39%"],
        ["Google Cloud", "$15.2B", "34%"], ["AWS", "$33.1B", "20%"]])]
    ((language, code),) = _code(sql, dump["id"])
    assert language == "bash"
    assert code.startswith("$ curl -s https://efts.example/filings/amzn-10q.json")
    body = dump["body_markdown"]
    for chrome in ("Skip to content", "Home > Markets", "6 min read", "Share on X", "Subscribe"):
        assert chrome not in body


def test_importing_the_samples_twice_changes_nothing(newskb: Newskb, db_path: Path) -> None:
    newskb("import", str(SAMPLES), "-q")
    before = list(sqlite3.connect(db_path).iterdump())
    second = newskb("import", str(SAMPLES))
    assert f"0 imported, 0 replaced, {len(list(SAMPLES.iterdir()))} unchanged, 0 failed" \
        in second.stdout
    assert list(sqlite3.connect(db_path).iterdump()) == before


@pytest.mark.skipif(not USERS_SEED.exists(), reason="the shared corpus is not beside this checkout")
def test_the_bundled_seed_is_the_users_file_byte_for_byte() -> None:
    assert BUNDLED_SEED.read_bytes() == USERS_SEED.read_bytes()
