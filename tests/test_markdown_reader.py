"""Markdown clippings: front matter in the spellings people use; title from the first heading."""

from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.pipeline import parse
from ingest.readers import markdown
from ingest.sources import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def _parse(name: str):  # type: ignore[no-untyped-def]
    path = FIXTURES / name
    return parse(RawDocument(path.read_bytes(), str(path)))


@pytest.mark.parametrize("name,title,authors,published,tags,url,headings", [
    ("hugo-toml.md", "Rate cuts and the housing market", ["Lena Park"],
     "2025-09-18T14:30:00+00:00", ["economy", "housing"], None,
     [(1, "Rate cuts and the housing market"), (2, "Mortgage rates")]),
    ("obsidian-clipping.md", "Why the EU fined a cloud provider", ["Ana Souza", "Marc Dubois"],
     "2025-03-03T10:00:00+00:00", ["competition", "cloud", "eu-law"],
     "https://example.eu/news/cloud-fine",
     [(1, "Why the EU fined a cloud provider"), (2, "The ruling")]),
    ("no-front-matter.md", "Notes on the chip shortage", [], None, [], None,
     [(1, "Notes on the chip shortage"), (2, "Suppliers")]),
])
def test_front_matter_fields_and_outline(name: str, title: str, authors: list[str],
                                         published: str | None, tags: list[str],
                                         url: str | None, headings: list[tuple[int, str]]) -> None:
    article = _parse(name)
    meta = article.metadata
    assert (meta.title, meta.authors, meta.published, meta.tags, meta.url) == (
        title, authors, published, tags, url)
    assert article.format == "markdown"
    assert [(s.level, s.heading) for s in article.sections] == headings


def test_front_matter_is_not_part_of_the_body() -> None:
    article = _parse("hugo-toml.md")
    assert "+++" not in article.body_markdown
    assert article.body_markdown.startswith("# Rate cuts and the housing market\n")


def test_provenance_names_the_front_matter_key() -> None:
    provenance = _parse("obsidian-clipping.md").metadata.provenance
    assert provenance["published"] == "front matter: pubDate"


def test_broken_front_matter_is_an_error_naming_the_file() -> None:
    with pytest.raises(IngestError, match=r"bad.md: front matter is not valid YAML"):
        markdown.read("---\ntitle: [unclosed\n---\nBody\n", "bad.md")


def test_clean_markdown_passes_through_unchanged() -> None:
    source = (FIXTURES / "no-front-matter.md").read_text(encoding="utf-8")
    assert _parse("no-front-matter.md").body_markdown == source
