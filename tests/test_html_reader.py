"""Saved web pages: the article found, its metadata read, its structure kept, nothing unsafe.

Each page in `tests/fixtures/html/` has a `NAME.expected.json` beside it holding what a careful
reader of that page would store: metadata, outline, table grids, code blocks, sentences that must
be in `body_markdown` (`present`) and page chrome or unsafe strings that must not (`absent`).
`provenance` there maps a field to the source families its provenance may start with.
"""

from __future__ import annotations

import html
import json
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from ingest.errors import IngestError
from ingest.models import Article
from ingest.pipeline import parse
from ingest.sources import RawDocument

FIXTURES = Path(__file__).parent / "fixtures" / "html"
NOW = datetime(2026, 11, 30, tzinfo=UTC)
PAGES = sorted(p.name.removesuffix(".expected.json") for p in FIXTURES.glob("*.expected.json"))
CHARSET_PAGES = ["charset-utf8-declared-latin1", "charset-windows1252-undeclared",
                 "interview-glacier-scientist"]

FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[`~]*[ \t]*$", re.M | re.S)
MOJIBAKE = re.compile(r"â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|\ufffd")
ENTITY = re.compile(r"&(#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
UNSAFE_SCHEME = re.compile(r"(?:java|vb)script:|data:", re.I)
EVENT_HANDLER = re.compile(r"\bon[a-z]+\s*=", re.I)
RAW_MARKUP = ("<script", "</script", "<style", "<iframe", "<object", "<embed", "<form", "<svg",
              "<div", "</div>", "<!--", "<noscript", "<template")
METADATA_FIELDS = ("title", "authors", "published", "site", "url", "language", "tags")
GRID_STORY = """
    <p>The regulator approved a £2.1bn upgrade to the northern grid on Monday, clearing the way
    for 14 new substations and 400 kilometres of overhead line between Teesside and Carlisle.</p>
    <p>National Grid said the work would let another 6 gigawatts of wind and solar connect by
    2030, and that households would pay about £4 a year more on their bills to fund it.</p>
    <p>Consumer groups had asked for the cost to be spread over a longer period, but the
    regulator said faster building would cut the constraint payments that bill payers fund.</p>
"""


@cache
def _article(name: str) -> Article:
    path = FIXTURES / f"{name}.html"
    return parse(RawDocument(path.read_bytes(), str(path)), now=NOW)


@cache
def _expected(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def _page(markup: str, name: str = "page.html") -> Article:
    return parse(RawDocument(markup.encode("utf-8"), name), now=NOW)


def _instant(value: str | None) -> str | None:
    """`Z` and `+00:00` are the same instant; either spelling is a right value."""
    return re.sub(r"Z$", "+00:00", value) if value else value


def _prose(markdown: str) -> str:
    """The body without its fenced code blocks (code may show markup as text)."""
    return FENCED.sub("", markdown)


def _unsafe(url_or_text: str) -> bool:
    """True when a scheme browsers would run hides in the text, however it is disguised."""
    decoded = html.unescape(html.unescape(url_or_text))
    squeezed = re.sub(r"[\x00-\x20\x7f-\x9f]+", "", decoded)
    return bool(UNSAFE_SCHEME.search(squeezed))


def _stored_text(article: Article) -> list[str]:
    meta = article.metadata
    texts = [article.body_markdown, meta.title or "", meta.site or "", *meta.authors, *meta.tags]
    texts += [s.heading for s in article.sections]
    for table in article.tables:
        texts += [table.caption or "", *(cell for row in table.rows for cell in row)]
    texts += [block.code for block in article.code_blocks]
    return texts


# One page at a time: metadata, outline, tables, code, text kept, chrome dropped.

@pytest.mark.parametrize("name", PAGES)
def test_metadata_matches_what_the_page_states(name: str) -> None:
    article, expected = _article(name), _expected(name)
    meta = article.metadata
    found = {"title": meta.title, "authors": meta.authors, "published": _instant(meta.published),
             "site": meta.site, "url": meta.url, "language": meta.language,
             "tags": sorted(meta.tags)}
    wanted = {field: expected[field] for field in found}
    wanted["published"] = _instant(wanted["published"])
    wanted["tags"] = sorted(wanted["tags"])
    assert (article.format, found) == ("html", wanted)


@pytest.mark.parametrize("name", PAGES)
def test_outline_keeps_real_heading_levels(name: str) -> None:
    outline = [[s.level, s.heading] for s in _article(name).sections if s.level > 0]
    assert outline == _expected(name)["headings"]


@pytest.mark.parametrize("name", PAGES)
def test_tables_are_full_grids_with_their_captions(name: str) -> None:
    tables = [{"caption": t.caption, "rows": t.rows} for t in _article(name).tables]
    assert tables == _expected(name)["tables"]


@pytest.mark.parametrize("name", PAGES)
def test_code_blocks_keep_language_and_exact_text(name: str) -> None:
    code = [[block.language, block.code] for block in _article(name).code_blocks]
    assert code == _expected(name)["code"]


@pytest.mark.parametrize("name", PAGES)
def test_article_text_is_kept_from_first_to_last_paragraph(name: str) -> None:
    body = _article(name).body_markdown
    missing = [sentence for sentence in _expected(name)["present"] if sentence not in body]
    assert missing == []


@pytest.mark.parametrize("name", PAGES)
def test_page_chrome_is_left_out(name: str) -> None:
    body = _article(name).body_markdown
    leaked = [chrome for chrome in _expected(name)["absent"] if chrome in body]
    assert leaked == []


@pytest.mark.parametrize("name", PAGES)
def test_body_opens_with_the_title_as_its_only_level_one_heading(name: str) -> None:
    body = _article(name).body_markdown
    title = _expected(name)["title"]
    assert body.startswith(f"# {title}\n")
    assert re.findall(r"^# .*$", _prose(body), re.M) == [f"# {title}"]


@pytest.mark.parametrize("name", PAGES)
def test_heading_lines_carry_no_permalink_marks(name: str) -> None:
    """`#` anchors, `¶`, zero-width spaces and "Direct link" labels are not heading text."""
    headings = [line for line in _prose(_article(name).body_markdown).splitlines()
                if line.startswith("#")]
    assert headings
    noisy = [line for line in headings
             if re.search(r"[¶§🔗\u200b-\u200f\u2060\ufeff]|\s#+\s*$|Direct link", line)]
    assert noisy == []


@pytest.mark.parametrize("name", PAGES)
def test_provenance_names_where_each_field_came_from(name: str) -> None:
    meta = _article(name).metadata
    provenance = meta.provenance
    with_value = [field for field in METADATA_FIELDS if getattr(meta, field)]
    assert with_value
    assert [field for field in with_value if not provenance.get(field)] == []
    for field, families in _expected(name)["provenance"].items():
        assert provenance.get(field, "").lower().startswith(tuple(families)), (field, provenance)


@pytest.mark.parametrize("name", PAGES)
def test_no_mojibake_in_any_stored_text(name: str) -> None:
    garbled = [text for text in _stored_text(_article(name)) if MOJIBAKE.search(text)]
    assert garbled == []


@pytest.mark.parametrize("name", PAGES)
def test_metadata_has_no_html_entities(name: str) -> None:
    meta = _article(name).metadata
    fields = [meta.title or "", meta.site or "", *meta.authors, *meta.tags]
    assert [text for text in fields if ENTITY.search(text)] == []


@pytest.mark.parametrize("name", PAGES)
def test_no_markup_or_script_outside_code_blocks(name: str) -> None:
    prose = _prose(_article(name).body_markdown).lower()
    assert [tag for tag in RAW_MARKUP if tag in prose] == []
    assert EVENT_HANDLER.findall(prose) == []


@pytest.mark.parametrize("name", PAGES)
def test_unsafe_link_schemes_never_reach_the_body_or_the_links(name: str) -> None:
    article = _article(name)
    assert not _unsafe(article.body_markdown)
    assert [link.url for link in article.links if _unsafe(link.url)] == []


# Encodings.

@pytest.mark.parametrize("name", CHARSET_PAGES)
def test_pages_under_a_wrong_or_missing_charset_read_as_written(name: str) -> None:
    article = _article(name)
    texts = _stored_text(article)
    assert [text for text in texts if MOJIBAKE.search(text)] == []
    assert "’" in article.body_markdown
    assert "’" in (article.metadata.title or "")


def test_language_is_told_from_the_text_when_the_page_does_not_declare_it() -> None:
    assert _article("charset-windows1252-undeclared").metadata.language == "fr"


# Script tricks and unsafe content.

def test_script_and_style_contents_are_raw_text_and_never_leak() -> None:
    """`</div>`, `<!--` and even `<!--<script>` inside a script stay inside it (HTML5)."""
    body = _article("script-tricks-sanitiser").body_markdown
    assert re.findall(r"LEAKED[-\w]*", body) == []
    # The paragraphs on either side of the scripts are still there, in order.
    first = body.index("Every day, people paste about 1.3 million fragments")
    second = body.index("Most of it is harmless formatting.")
    third = body.index("Our sanitiser keeps structure and text")
    assert first < second < third


def test_disguised_script_links_are_neutralised_but_their_text_is_kept() -> None:
    article = _article("script-tricks-sanitiser")
    labels = ["mixed-case scheme", "tab entity inside the scheme", "raw tab inside the scheme",
              "newline inside the scheme", "decimal entity for the first letter",
              "every letter as a hex entity", "named entity for the colon",
              "leading control character", "leading spaces", "legacy Visual Basic scheme",
              "base64 document", "upper-case inline document"]
    assert [label for label in labels if label not in article.body_markdown] == []
    assert [link.url for link in article.links if link.text in labels] == []
    assert "alert(" not in article.body_markdown
    assert "msgbox(" not in article.body_markdown


def test_safe_links_survive_sanitising() -> None:
    urls = {link.url for link in _article("script-tricks-sanitiser").links}
    assert {"https://owasp.org/www-community/attacks/xss/",
            "https://quillstack.example/security"} <= urls


def test_an_escaped_script_sample_is_kept_as_code_text() -> None:
    article = _article("script-tricks-sanitiser")
    (sample,) = [block for block in article.code_blocks if block.language == "html"]
    assert sample.code.startswith('<script src="https://cdn.quillstack.example/embed.js" async>')
    assert "&lt;" not in sample.code
    (python,) = [block for block in article.code_blocks if block.language == "python"]
    assert python.code.endswith('assert escape("<script>") == "&lt;script&gt;"')


@pytest.mark.parametrize("attack", [
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="java&#x09;script:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="javascript&colon;alert(1)">click</a>',
    '<a href="&#x01;javascript:alert(1)">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<img src="x.png" alt="chart" onerror="alert(1)">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
])
def test_nothing_executable_reaches_the_body(attack: str) -> None:
    page = _page(f"""<!DOCTYPE html><html lang="en"><head><title>Grid upgrade approved</title>
        </head><body><article><h1>Grid upgrade approved</h1>{GRID_STORY}
        <p>The decision runs to 240 pages, and the summary is {attack} on its website.</p>
        <p>Work on the first substations starts in April next year.</p>
        </article></body></html>""")
    body = page.body_markdown
    assert "The regulator approved a £2.1bn upgrade" in body
    assert "The decision runs to 240 pages, and the summary is" in body
    assert "Work on the first substations starts in April next year." in body
    assert "alert(1)" not in body and "msgbox(1)" not in body
    assert not _unsafe(body)
    assert EVENT_HANDLER.findall(body) == []
    assert [link.url for link in page.links if _unsafe(link.url)] == []


# Short, hostile and empty pages.

SHORT_STORY = [
    "The regulator approved a £2.1bn upgrade to the northern grid on Monday.",
    "The decision runs to 240 pages and sets out the costs.",
    "Work on the first substations starts in April next year.",
    "National Grid said 14 substations would be built by 2030.",
    "Households will pay about £4 a year more to fund the work.",
    "Consumer groups said the cost should be spread over a longer period.",
]


@pytest.mark.parametrize("paragraphs", [3, 6])
def test_a_short_article_is_kept_whole_and_its_title_is_not_repeated(paragraphs: int) -> None:
    sentences = SHORT_STORY[:paragraphs]
    page = _page('<!DOCTYPE html><html lang="en"><head><title>Grid upgrade approved</title>'
                 "</head><body><article><h1>Grid upgrade approved</h1>"
                 + "".join(f"<p>{sentence}</p>" for sentence in sentences)
                 + "</article></body></html>")
    assert page.body_markdown == "# Grid upgrade approved\n\n" + "\n\n".join(sentences) + "\n"


def test_twenty_thousand_nested_divs_import_without_recursion_error() -> None:
    depth = 20_000
    page = _page("<!DOCTYPE html><html lang=\"en\"><head><title>Deep page</title></head><body>"
                 f"<article><h1>Deep page</h1>{GRID_STORY}"
                 + "<div>" * depth + "<p>The deepest paragraph is article text too.</p>"
                 + "</div>" * depth + "</article></body></html>", "deep.html")
    assert page.metadata.title == "Deep page"
    assert "The regulator approved a £2.1bn upgrade" in page.body_markdown
    assert "The deepest paragraph is article text too." in page.body_markdown


@pytest.mark.parametrize("markup", [
    # A single-page app saved before its script ran: a shell and no text.
    '<!DOCTYPE html><html lang="en"><head><title>Loading…</title>'
    '<script src="/static/app.js"></script></head><body><div id="root"></div>'
    "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>",
    "<!DOCTYPE html><html><head><title>Untitled</title></head><body>  </body></html>",
])
def test_page_without_article_text_is_an_error_naming_the_file(markup: str) -> None:
    with pytest.raises(IngestError, match=r"^shell\.html: no article text"):
        _page(markup, "shell.html")


# Metadata rules.

@pytest.mark.parametrize("separator", [" | ", " - ", " — "])
def test_title_loses_its_site_suffix(separator: str) -> None:
    headline = "Year-on-year freight rates fall 8% as port strike ends"
    page = _page(f"""<!DOCTYPE html><html lang="en"><head>
        <title>{headline}{separator}Harbour Gazette</title>
        <meta property="og:title" content="{headline}{separator}Harbour Gazette">
        <meta property="og:site_name" content="Harbour Gazette">
        </head><body><main><article>
        <p>Container freight rates on the Asia to northern Europe route fell 8% this week.</p>
        <p>Dockworkers in Rotterdam returned to work on Tuesday after a 12-day strike.</p>
        </article></main></body></html>""")
    assert (page.metadata.title, page.metadata.site) == (headline, "Harbour Gazette")
    assert page.body_markdown.startswith(f"# {headline}\n")


def test_json_ld_authors_are_resolved_through_id_references_in_order() -> None:
    meta = _article("news-bank-takeover-jsonld").metadata
    assert meta.authors == ["Ana Ferreira", "Kwame Mensah"]
    assert meta.provenance["authors"].lower().startswith("json-ld")


def test_photo_credits_are_not_authors() -> None:
    authors = (_article("news-bank-takeover-jsonld").metadata.authors
               + _article("interview-glacier-scientist").metadata.authors)
    assert not {"Jonas Weber", "Jonas Weber/Reuters", "Lars Eriksen"} & set(authors)


def test_the_interviewer_is_the_author_not_the_interviewee() -> None:
    meta = _article("interview-glacier-scientist").metadata
    assert meta.authors == ["Priya Natarajan"]
    assert meta.provenance["authors"].lower().startswith("byline")


def test_an_author_given_as_a_url_or_handle_is_not_a_name() -> None:
    authors = _article("og-dc-bus-fare-cap").metadata.authors
    assert authors == ["Marta Kowalczyk"]
    assert [a for a in authors if re.search(r"https?:|/|@", a)] == []


def test_modified_and_script_dates_are_not_the_published_date() -> None:
    """The page shows an `Updated` time first and a script holds a 2027 date; neither wins."""
    meta = _article("og-dc-bus-fare-cap").metadata
    assert _instant(meta.published) == "2026-09-14T07:45:00+01:00"
    assert meta.provenance["published"].lower().startswith("time")


def test_a_docs_page_last_updated_date_is_not_a_publication_date() -> None:
    meta = _article("docusaurus-rate-limits").metadata
    assert (meta.published, meta.authors) == (None, [])


@pytest.mark.parametrize("json_ld,authors", [
    ("", []),  # `author` = the site's name: the publication, not a person
    ('<script type="application/ld+json">{"@type": "BlogPosting", "author": {"@type": '
     '"Person", "name": "Harbour Gazette"}}</script>', ["Harbour Gazette"]),  # typed a Person
])
def test_the_site_named_as_author_is_not_a_person_unless_typed_one(json_ld: str,
                                                                    authors: list[str]) -> None:
    page = _page(f"""<!DOCTYPE html><html lang="en"><head><title>Grid upgrade approved</title>
        <meta property="og:site_name" content="Harbour Gazette">
        <meta name="author" content="Harbour Gazette">{json_ld}</head><body><article>
        <h1>Grid upgrade approved</h1>{GRID_STORY}</article></body></html>""")
    assert page.metadata.authors == authors


def test_a_social_title_that_differs_from_the_page_headline_is_kept() -> None:
    """The page's own `<h1>` replaces the title only when the title merely decorates it."""
    page = _page(f"""<!DOCTYPE html><html lang="en"><head><title>Grid plan | Harbour Gazette</title>
        <meta property="og:title" content="Bills to rise £4 under £2.1bn grid plan"></head>
        <body><article><h1>Regulator approves northern grid upgrade</h1>{GRID_STORY}
        </article></body></html>""")
    assert page.metadata.title == "Bills to rise £4 under £2.1bn grid plan"


# Structure.

def test_nested_lists_keep_their_depth() -> None:
    article = _article("nested-lists-fruit-fly-ageing")
    lines = article.body_markdown.splitlines()

    def indent(text: str) -> int:
        (line,) = [line for line in lines if text in line]
        return len(line) - len(line.lstrip())

    outer = indent("Flies carrying two copies of the variant")
    middle = indent("Males gained slightly more than females.")
    inner = indent("standard cornmeal food,")
    assert outer < middle < inner
    items = {block.text for block in article.blocks if block.kind == "list_item"}
    assert {"Males gained slightly more than females.", "standard cornmeal food,",
            "Blocking the same pathway in the whole body shortened life instead."} <= items


@pytest.mark.parametrize("name,quote,attribution", [
    ("nested-lists-fruit-fly-ageing", "We kept expecting the effect to vanish",
     "Amara Okonkwo, University of Leeds"),
    ("wordpress-smart-meter-rules", "Consumers should be able to see exactly who holds",
     "Ofgem consultation response, March 2026"),
    ("news-bank-takeover-jsonld", "This is a bet that the Baltics keep growing",
     "Mikael Strand, banking analyst at Carnegie"),
])
def test_block_quotes_keep_their_attribution(name: str, quote: str, attribution: str) -> None:
    quotes = " ".join(b.text for b in _article(name).blocks if b.kind == "quote")
    assert quote in quotes
    assert attribution in quotes


def test_a_short_opening_paragraph_is_kept_as_the_first_paragraph() -> None:
    paragraphs = [b.text for b in _article("nested-lists-fruit-fly-ageing").blocks
                  if b.kind == "paragraph"]
    assert paragraphs[0] == "It started with a fruit fly."
    assert paragraphs[1].startswith("In 2019, a graduate student in Leeds")


DEK = "Households will pay about £4 a year more to fund 14 substations and 400 km of line."


@pytest.mark.parametrize(("header", "description"), [
    (f'<header><h1>Grid upgrade approved</h1><p class="article-dek">{DEK}</p>'
     '<p class="byline">By Ada Moss</p></header>', ""),
    (f'<div class="hed"><h1>Grid upgrade approved</h1></div><h2 data-qa="subheadline">{DEK}</h2>',
     ""),
    # not named, but the page's description (cut short, mid-word) opens with its words
    (f"<header><h1>Grid upgrade approved</h1><p>{DEK}</p></header>", f"{DEK[:60]}…"),
])
def test_the_standfirst_in_the_header_opens_the_body(header: str, description: str) -> None:
    page = _page(f"""<!DOCTYPE html><html lang="en"><head><title>Grid upgrade approved</title>
        <meta name="description" content="{description}"></head>
        <body><article>{header}<div class="story-body">{GRID_STORY}</div></article>
        </body></html>""")
    paragraphs = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert paragraphs[0] == DEK
    assert paragraphs[1].startswith("The regulator approved")


@pytest.mark.parametrize("line", [
    '<p class="summary">By Ada Moss and Tom Reid, energy correspondents, in Carlisle today</p>',
    '<p class="summary"><time datetime="2026-03-02">Published 2 March 2026, updated 3 March at '
    'noon</time></p>',
    f'<p>{DEK}</p>',  # not named a summary, not the description: promotion as often as not
])
def test_a_byline_date_or_unnamed_line_under_the_headline_is_not_a_standfirst(line: str) -> None:
    page = _page(f"""<!DOCTYPE html><html lang="en"><head><title>Grid upgrade approved</title>
        <meta name="author" content="Ada Moss"></head><body><article><header>
        <h1>Grid upgrade approved</h1>{line}</header><div class="story-body">{GRID_STORY}</div>
        </article></body></html>""")
    assert page.blocks[0].text.startswith("The regulator approved")


def test_on_this_page_table_of_contents_and_heading_anchors_are_not_links() -> None:
    for name in ("docusaurus-rate-limits", "hugo-gilt-selloff-pensions"):
        anchors = [link for link in _article(name).links if link.url.startswith("#")]
        assert anchors == [], name
