"""A person's view: `newskb serve` in headless Chromium, on the claims facets and a canned query.

Chromium is Debian's `chromium` package (`.ci/run` installs it). Without it the test is skipped
with the reason, except under CI, where a missing browser is a failure.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--disable-quic", "--hide-scrollbars"]

if BROWSER is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI needs Debian's chromium package: .ci/run installs it")
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("serve") / "kb.db"


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    subprocess.run([sys.executable, "-m", "ingest", "import", str(SAMPLES), "--db", str(db), "-q"],
                   check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "ingest", "serve", "--db", str(db),
                                "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(f"{base}/-/versions.json")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"newskb serve did not answer at {url} within {seconds}s")


def _chromium(profile: Path, *args: str) -> str:
    result = subprocess.run([BROWSER, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                            capture_output=True, text=True, timeout=120, check=True)
    return result.stdout


def _first_claim(db: Path) -> tuple[str, str, str]:
    """A claim on the first page of the claims table, its article title and its kind."""
    row = sqlite3.connect(db).execute(
        "SELECT claims.text, articles.title, claims.kind FROM claims JOIN articles "
        "ON articles.id = claims.article_id WHERE articles.title IS NOT NULL "
        "ORDER BY claims.id LIMIT 1").fetchone()
    assert row is not None, "the samples yield no claims"
    return row


def test_claims_facet_page_shows_titles_facet_counts_and_claims(server: str, db: Path,
                                                                tmp_path: Path) -> None:
    url = f"{server}/kb/claims?_facet=kind&_facet=hedged"
    dom = _chromium(tmp_path / "profile", "--dump-dom", url)
    screenshot = tmp_path / "claims-facets.png"
    _chromium(tmp_path / "profile", f"--screenshot={screenshot}", "--window-size=1400,1100", url)
    assert screenshot.stat().st_size > 10_000
    assert "<h1" in dom and "Claims" in dom
    assert 'class="facet-info' in dom and "facet-info-name" in dom
    text, title, kind = _first_claim(db)
    assert html.escape(title, quote=False) in dom  # the article foreign key shows its title
    assert html.escape(text[:60], quote=False) in dom
    assert re.search(rf">{kind}</a> \d+</li>", dom), "a facet value with its count"
    print(f"screenshot: {screenshot}")


def test_canned_query_lists_claims_about_an_entity_from_several_articles(server: str,
                                                                         tmp_path: Path) -> None:
    url = f"{server}/kb/claims_about?entity=Anthropic"
    dom = _chromium(tmp_path / "profile", "--dump-dom", url)
    assert "Claims about an entity" in dom
    assert "Claims about an entity" in dom
    rows = dom.count("<tr>") - 1
    assert rows >= 2, "claims about Anthropic from the samples"
