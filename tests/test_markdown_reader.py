"""Markdown clippings: metadata wherever the producing tool writes it (front matter, pandoc and
MultiMarkdown header lines, Notion properties, bylines, mastheads), the body without template
syntax and chrome, and the outline a reader sees."""

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.models import Article
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


# Blind round: ten files from real producers, expectations fixed before the reader first ran
# on them (tests/fixtures/markdown/blind/README.md). One test per check kind and file, as the
# round's checker counts them; a check still failing is listed here with its reason.
BLIND = FIXTURES / "blind"
BLIND_NAMES = sorted(p.name.removesuffix(".expected.json") for p in BLIND.glob("*.expected.json"))
IMPORTED = datetime(2026, 11, 30, tzinfo=UTC)  # the import date the round was run with
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _blind_cases(check: str) -> list:  # type: ignore[type-arg]
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason))
            if (reason := KNOWN_MISSES.get((check, name))) else name for name in BLIND_NAMES]


@cache
def _blind(name: str) -> tuple[Article, dict]:  # type: ignore[type-arg]
    path = BLIND / f"{name}.md"
    article = parse(RawDocument(path.read_bytes(), str(path)), now=IMPORTED)
    return article, json.loads((BLIND / f"{name}.expected.json").read_text("utf-8"))


def test_the_blind_round_is_all_there() -> None:
    assert len(BLIND_NAMES) == 10
    assert all((BLIND / f"{name}.md").exists() for name in BLIND_NAMES)


@pytest.mark.parametrize("name", _blind_cases("metadata"))
def test_blind_metadata(name: str) -> None:
    article, want = _blind(name)
    meta = article.metadata
    fields = ("title", "authors", "published", "url", "site")
    assert {f: getattr(meta, f) for f in fields} == {f: want[f] for f in fields}
    assert sorted(meta.tags) == sorted(want["tags"])  # the order between two keys is not stated
    if "language" in want:
        assert meta.language == want["language"]


@pytest.mark.parametrize("name", _blind_cases("headings"))
def test_blind_headings(name: str) -> None:
    article, want = _blind(name)
    assert [[s.level, s.heading] for s in article.sections if s.level] == want["headings"]


@pytest.mark.parametrize("name", _blind_cases("tables"))
def test_blind_tables(name: str) -> None:
    article, want = _blind(name)
    assert [t.rows for t in article.tables] == want["tables"]
    if "captions" in want:
        assert [t.caption for t in article.tables] == want["captions"]


@pytest.mark.parametrize("name", _blind_cases("code"))
def test_blind_code(name: str) -> None:
    article, want = _blind(name)
    assert [{"language": c.language, "code": c.code} for c in article.code_blocks] == want["code"]


@pytest.mark.parametrize("name", _blind_cases("present"))
def test_blind_text_is_kept(name: str) -> None:
    article, want = _blind(name)
    assert [s for s in want["present"] if s not in article.body_markdown] == []


@pytest.mark.parametrize("name", _blind_cases("absent"))
def test_blind_metadata_lines_markup_and_chrome_leave_the_body(name: str) -> None:
    article, want = _blind(name)
    assert [s for s in want["absent"] if s in article.body_markdown] == []


def _read(text: str) -> Article:
    return parse(RawDocument(text.encode(), "clip.md"), format="markdown")


def _outline(article: Article) -> list[tuple[int, str]]:
    return [(s.level, s.heading) for s in article.sections if s.level]


def test_multimarkdown_metadata_lines_are_metadata_not_text() -> None:
    article = _read("Title: Hitze in Köln\nAuthor: Katrin Vogel, Jonas Albrecht\n"
                    "Date: 15. Juni 2026\nKeywords: Hitze, Kommunen\nLanguage: de\n\nText.\n")
    meta = article.metadata
    assert (meta.title, meta.authors, meta.published, meta.tags, meta.language) == (
        "Hitze in Köln", ["Katrin Vogel", "Jonas Albrecht"], "2026-06-15",
        ["Hitze", "Kommunen"], "de")
    assert article.body_markdown == "# Hitze in Köln\n\nText.\n"


def test_a_paragraph_opening_with_a_label_is_text() -> None:
    for text in ("Note: this matters.\n\nBody.\n", "# Interview\n\nQ: What?\nA: That.\n"):
        assert _read(text).body_markdown == text


def test_pandoc_title_block_splits_authors_on_semicolons() -> None:
    article = _read("% Po basin groundwater\n% Marchetti, Giulia; Bruni, Alessandro\n"
                    "% 12 January 2026\n\n# Summary {#summary}\n\nText.\n")
    meta = article.metadata
    assert (meta.title, meta.authors, meta.published) == (
        "Po basin groundwater", ["Marchetti, Giulia", "Bruni, Alessandro"], "2026-01-12")
    assert _outline(article) == [(1, "Po basin groundwater"), (2, "Summary")]
    assert "%" not in article.body_markdown and "{#summary}" not in article.body_markdown


def test_notion_properties_under_the_title_with_created_not_published() -> None:
    article = _read("# Nurses\n\nAuthor: Ana Ortiz\nCreated: March 4, 2026 9:12 AM\n"
                    "Status: Read\nURL: https://example.org/nurses\n\nText.\n")
    meta = article.metadata
    assert (meta.authors, meta.published, meta.url) == (
        ["Ana Ortiz"], None, "https://example.org/nurses")
    assert article.body_markdown == "# Nurses\n\nText.\n"


def test_front_matter_names_dates_and_tags_as_the_conventions_want() -> None:
    meta = _read('---\ntitle: Rail | Wire\nauthor: ["[[Ana Souza]]", "By Bo Chen"]\n'
                 "date: 2026-03-04 09:15:00 +0100\ncreated: 2026-03-09\n"
                 "categories: rail night-trains\ntags: [clippings, Europe]\n---\nText.\n").metadata
    assert (meta.title, meta.site, meta.authors, meta.published) == (
        "Rail", "Wire", ["Ana Souza", "Bo Chen"], "2026-03-04T09:15:00+01:00")
    assert sorted(meta.tags) == ["Europe", "night-trains", "rail"]
    assert _read("---\ncreated: 2026-03-09\n---\nText.\n").metadata.published is None


@pytest.mark.parametrize("title,url,cut,site", [
    ("Trams go live - Transit Wire", "https://www.transitwire.example/a", "Trams go live",
     "Transit Wire"),
    ("Apple - the comeback story", None, "Apple - the comeback story", None),
    ("Trams go live - Transit Wire", None, "Trams go live - Transit Wire", None),
])
def test_a_dash_suffix_is_cut_only_when_the_address_names_the_site(
        title: str, url: str | None, cut: str, site: str | None) -> None:
    source = f"source: {url}\n" if url else "layout: post\n"
    article = _read(f"---\n{source}---\n# {title}\n\nText.\n")
    assert (article.metadata.title, article.metadata.site) == (cut, site)
    assert article.body_markdown.startswith(f"# {cut}\n")


def test_headings_lose_permalinks_and_attributes_and_the_excerpt_box_goes() -> None:
    article = _read("# T\n\n> ## Excerpt\n> The summary.\n\n---\nLead.\n\n"
                    "## [](#feed)The feed\n\nA.\n\n## Who uses it [#](#who) {#who .x}\n\nB.\n")
    assert _outline(article) == [(1, "T"), (2, "The feed"), (2, "Who uses it")]
    assert article.body_markdown == "# T\n\nLead.\n\n## The feed\n\nA.\n\n## Who uses it\n\nB.\n"


@pytest.mark.parametrize("text", [
    "---\ntitle: T\n---\n### A\n\nx\n\n#### B\n\ny\n",  # title from metadata
    "# T\n\n### A\n\nx\n\n#### B\n\ny\n",               # the page skips `##`
])
def test_the_shallowest_section_is_level_two(text: str) -> None:
    assert _outline(_read(text)) == [(1, "T"), (2, "A"), (3, "B")]


def test_a_series_of_bold_lines_is_an_outline_and_a_bold_sentence_is_not() -> None:
    article = _read("# T\n\nLead.\n\n**What the filings show**\n\nText.\n\n"
                    "**This matters because of the rule.**\n\n**Who decides**\n\nMore.\n")
    assert _outline(article) == [(1, "T"), (2, "What the filings show"), (2, "Who decides")]
    with_sections = "# T\n\n## A\n\n**Bold one**\n\ntext\n\n**Bold two**\n\ntext\n"
    assert _read(with_sections).body_markdown == with_sections


def test_template_syntax_goes_and_the_text_inside_it_stays() -> None:
    article = _read("---\ntitle: T\n---\nLead.\n\n<!--more-->\n\n* TOC\n{:toc}\n\n"
                    '{% include figure.html src="a.png" %}\n\nA paragraph.\n{: .note}\n\n'
                    "{{< newsletter-signup >}}\n\n{{% notice %}}\nInside a shortcode.\n"
                    "{{% /notice %}}\n\n::: {.callout-note}\nInside a div.\n:::\n\nEnd.\n")
    assert article.body_markdown == ("# T\n\nLead.\n\nA paragraph.\n\nInside a shortcode.\n\n"
                                     "Inside a div.\n\nEnd.\n")


def test_code_keeps_what_looks_like_template_syntax() -> None:
    text = ("# T\n\nUse `{% raw %}` here.\n\n```liquid\n{% include x.html %}\n<!-- c -->\n"
            ":::\n```\n\n    {{< indented >}}\n")
    assert _read(text).body_markdown == text


def test_jekyll_highlight_is_a_fenced_code_block() -> None:
    article = _read("# T\n\n{% highlight ruby linenos %}\nputs 1\n```\n{% endhighlight %}\n")
    assert [(c.language, c.code) for c in article.code_blocks] == [("ruby", "puts 1\n```")]
    assert "highlight" not in article.body_markdown


def test_fence_attributes_leave_the_body_and_name_the_language() -> None:
    article = _read("# T\n\n~~~ {#lst .python .numberLines}\nx = 1\n~~~\n\n"
                    "```go {linenos=table}\npackage main\n```\n\n"
                    "```ts title=\"a.ts\" {2}\nlet a\n```\n")
    assert [c.language for c in article.code_blocks] == ["python", "go", "typescript"]
    assert "~~~python\n" in article.body_markdown and "```ts\n" in article.body_markdown
    assert "linenos" not in article.body_markdown and "title=" not in article.body_markdown


def test_a_byline_in_the_head_is_metadata() -> None:
    article = _read("# Rates rise\n\n*Standfirst here.*\n\nBy Dana Whitcombe · Oct 21, 2026\n\n"
                    "Text.\n")
    assert (article.metadata.authors, article.metadata.published) == (
        ["Dana Whitcombe"], "2026-10-21")
    assert article.body_markdown == "# Rates rise\n\n*Standfirst here.*\n\nText.\n"


def test_a_sentence_opening_with_by_is_text() -> None:
    text = "# T\n\nBy the way, this is text.\n\nBy Design\n\nMore.\n"
    assert _read(text).body_markdown == text
    assert _read(text).metadata.authors == []


def test_a_newsletter_masthead_states_site_date_and_address() -> None:
    article = _read("THE DISPATCH\nWeekly news · Issue 42 · 12 February 2026\n"
                    "[View this email in your browser](https://dispatch.example/42)\n\n"
                    "Fares rise\n==========\n\nText.\n\n* * *\n\n"
                    "You're receiving this because you subscribed.\n"
                    "[Unsubscribe](https://dispatch.example/u) · [Update preferences](https://dispatch.example/p)\n\n"
                    "© 2026 The Dispatch, 4 Quay Street\n")
    meta = article.metadata
    assert (meta.title, meta.site, meta.published, meta.url) == (
        "Fares rise", "The Dispatch", "2026-02-12", "https://dispatch.example/42")
    assert article.body_markdown == "Fares rise\n==========\n\nText.\n"


def test_a_kicker_over_the_headline_is_no_masthead_and_the_title_is_not_doubled() -> None:
    article = _read("EXCLUSIVE\n\n# Big headline here\n\nText.\n")
    assert (article.metadata.site, _outline(article)) == (None, [(1, "Big headline here")])
    assert article.body_markdown == "# Big headline here\n\nEXCLUSIVE\n\nText.\n"


def test_platform_buttons_and_footers_go_but_sentences_about_them_stay() -> None:
    article = _read("# T\n\nText.\n\n[Share](https://x.example/s)\n\n"
                    "Copyright law changed in 2024, the court said.\n\n"
                    "Thanks for reading! Subscribe for free to receive new posts.\n\n"
                    "[Subscribe now](https://x.example/sub) · [Leave a comment](https://x.example/c)\n")
    assert article.body_markdown == (
        "# T\n\nText.\n\nCopyright law changed in 2024, the court said.\n")
