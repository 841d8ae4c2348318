"""Plain-text browser dumps: metadata, outline, tables, code and chrome, on real-looking pages.

Each `tests/fixtures/text/NAME.txt` has a `NAME.expected.json` holding what a careful editor
would store (CONVENTIONS.md): title, authors, published, tags, headings, table grids, code
blocks, strings that must be gone (chrome, bylines) and sentences that must survive. The unit
tests below pin one rule each.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.models import Article
from ingest.pipeline import parse
from ingest.readers import text
from ingest.readers.text_code_lang import language
from ingest.readers.text_meta import read_line, split_glued_tags
from ingest.readers.text_split import split_rows
from ingest.readers.text_tables import glued_rows, tab_rows
from ingest.sources import RawDocument
from tests.conftest import SEED

FIXTURES = Path(__file__).parent / "fixtures" / "text"
# heldout2/ to heldout8/ were written blind (see their READMEs); their known misses are marked,
# strictly, so a fix shows up as XPASS. heldout/ stays out: bench/text_score.py scores it only.
KNOWN_MISSES = {("tables", "heldout2/headphones-review"),
                ("metadata", "heldout3/medium-always-on-slack"),
                ("tables", "heldout5/meridian-v21-release"),
                ("chrome", "heldout5/meridian-v21-release"),
                ("tables", "heldout5/quillfmt-2-release"),
                ("chrome", "heldout5/quillfmt-2-release"),
                ("code", "heldout5/quillfmt-2-release"),
                # the byline's clock time is not kept; the `$` session is named bash (code_names)
                ("metadata", "heldout8/harbourledger-carrier-ranking"),
                ("code", "heldout8/ridgeback-arm-jerk-limit")}
BLIND = ("heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8")
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt")) + sorted(
    f"{d}/{p.stem}" for d in BLIND for p in (FIXTURES / d).glob("*.txt"))


def _cases(check: str) -> list:
    return [pytest.param(name, marks=pytest.mark.xfail(strict=True, reason="see its README"))
            if (check, name) in KNOWN_MISSES else name for name in NAMES]


def _article(path: Path) -> Article:
    return parse(RawDocument(path.read_bytes(), str(path)))


def _expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))


def test_there_are_enough_fixtures() -> None:
    assert len(NAMES) >= 34
    assert all((FIXTURES / f"{name}.expected.json").exists() for name in NAMES)


@pytest.mark.parametrize("name", _cases("metadata"))
def test_metadata_matches_the_byline_and_tag_lines(name: str) -> None:
    meta = _article(FIXTURES / f"{name}.txt").metadata
    want = _expected(name)
    assert (meta.title, meta.authors, meta.published, meta.tags) == (
        want["title"], want["authors"], want["published"], want["tags"])
    assert set(meta.provenance) >= {key for key in ("title", "authors", "published", "tags")
                                    if want[key]}


@pytest.mark.parametrize("name", _cases("outline"))
def test_outline_has_title_at_level_one_and_sections_below(name: str) -> None:
    article = _article(FIXTURES / f"{name}.txt")
    headings = [[s.level, s.heading] for s in article.sections if s.level]
    assert headings == _expected(name)["headings"]


@pytest.mark.parametrize("name", _cases("tables"))
def test_tables_are_full_grids(name: str) -> None:
    article = _article(FIXTURES / f"{name}.txt")
    assert [t.rows for t in article.tables] == _expected(name)["tables"]


@pytest.mark.parametrize("name", _cases("code"))
def test_code_is_fenced_with_its_language_and_kept_byte_for_byte(name: str) -> None:
    article = _article(FIXTURES / f"{name}.txt")
    want = [tuple(pair) for pair in _expected(name)["code"]]
    assert [(c.language, c.code) for c in article.code_blocks] == want
    source = (FIXTURES / f"{name}.txt").read_text("utf-8")
    assert all(f"\n{code}\n" in f"\n{source}" for _, code in want)


@pytest.mark.parametrize("name", _cases("chrome"))
def test_chrome_is_gone_and_article_text_stays(name: str) -> None:
    body = _article(FIXTURES / f"{name}.txt").body_markdown
    want = _expected(name)
    assert [s for s in want["absent"] if s in body] == []
    assert [s for s in want["present"] if s not in body] == []


def test_the_seed_dump_is_read_exactly() -> None:
    article = _article(SEED)
    assert article.metadata.authors == ["Ichiban Team"]
    assert article.metadata.published == "2026-04-21"
    assert [c.language for c in article.code_blocks] == ["python"]
    assert [len(t.rows[0]) for t in article.tables] == [3]


# --- Headings ---------------------------------------------------------------------------------

def test_same_marker_everywhere_makes_every_heading_a_section() -> None:
    page = "A headline for the page\n\n#First part\n\nText of it here.\n\n#Second part\n\nMore.\n"
    levels = [(s.level, s.heading) for s in _parsed(page).sections if s.level]
    assert levels == [(1, "A headline for the page"), (2, "First part"), (2, "Second part")]


def test_one_and_two_markers_become_sections_and_subsections() -> None:
    page = "Title line of the story\n\n#Part\n\nText here.\n\n##Detail\n\nMore text here.\n"
    levels = [(s.level, s.heading) for s in _parsed(page).sections if s.level]
    assert levels == [(1, "Title line of the story"), (2, "Part"), (3, "Detail")]


def test_unmarked_heading_needs_a_paragraph_under_it() -> None:
    page = ("A title for this page\n\nOpening paragraph that says something, at length.\n\n"
            "Short heading\n\nA paragraph under the heading, with a full stop.\n\n"
            "Not a heading either\n\nAnother lone line\n")
    headings = [s.heading for s in _parsed(page).sections if s.level]
    assert headings == ["A title for this page", "Short heading"]


def test_interview_speaker_lines_are_not_headings() -> None:
    page = ("A title for the page\n\nIntro text of the interview, at length.\n\n"
            "Q: Why now?\n\nA: Because demand fell by a third in six weeks, he said.\n")
    assert [s.heading for s in _parsed(page).sections if s.level] == ["A title for the page"]


def test_a_hash_heading_between_blank_lines_ends_the_code_above() -> None:
    page = ("A title for the page\n\nInstall it first, as usual:\n\npip install httpx\n\n"
            "### Writing the code\n\nThen write the client, with a timeout.\n")
    article = _parsed(page)
    assert [(c.language, c.code) for c in article.code_blocks] == [("bash", "pip install httpx")]
    assert [s.heading for s in article.sections if s.level][1:] == ["Writing the code"]


def test_a_comment_inside_unfenced_code_is_not_a_heading() -> None:
    page = ("A title for the page\n\nSome text before the code, as usual.\n\nimport os\n\n"
            "# Read the setting from the environment\nvalue = os.environ['HOME']\n\n"
            "The end of the story, in prose.\n")
    article = _parsed(page)
    assert [s.heading for s in article.sections if s.level] == ["A title for the page"]
    assert article.code_blocks[0].code.splitlines()[2].startswith("# Read the setting")


def test_a_menu_above_the_headline_is_not_the_article_start() -> None:
    page = ("Sport\nFootball\nCricket\nTennis\n\nRovers beat United in a late comeback at home\n\n"
            "The visitors led until the 80th minute, when everything changed for them.\n")
    article = _parsed(page)
    assert article.metadata.title == "Rovers beat United in a late comeback at home"
    assert "Cricket" not in article.body_markdown


def test_the_headline_above_a_longer_standfirst_and_byline_is_the_title() -> None:
    page = ("Opinion\nGuest Essay\n\nRovers beat United in a late comeback\n\n"
            "The visitors led until the 80th minute and then everything changed for them\n\n"
            "By Ann Lee\n\nThe match was the first of the season, played in heavy rain.\n")
    article = _parsed(page)
    assert article.metadata.title == "Rovers beat United in a late comeback"
    assert "everything changed for them" in article.body_markdown
    assert "Opinion" not in article.body_markdown and "Guest Essay" not in article.body_markdown


def test_a_kicker_in_the_headline_group_goes_with_it() -> None:
    page = ("Press release\nCity confirms new funding for flood defences\n\n"
            "The money will pay for repairs to existing defences across the region.\n")
    article = _parsed(page)
    assert article.metadata.title == "City confirms new funding for flood defences"
    assert "Press release" not in article.body_markdown


def test_permalink_signs_mark_headings_and_are_dropped() -> None:
    page = ("Configuring the cache¶\n\nThe cache reads one file when the process starts.\n\n"
            "Installation¶\n\nInstall it with the package manager, as usual.\n\n"
            "Why the pressure drops #\n\nA little loss over a year is normal, the guide says.\n")
    article = _parsed(page)
    assert [(s.level, s.heading) for s in article.sections if s.level] == [
        (1, "Configuring the cache"), (2, "Installation"), (2, "Why the pressure drops")]
    assert "¶" not in article.body_markdown and " #" not in article.body_markdown
    wrapped = _parsed("A title for the page here\n\nWe tracked it in issue #\n1234 all week, "
                      "he said.\n")
    assert [s.heading for s in wrapped.sections if s.level] == ["A title for the page here"]


def test_a_heading_above_a_short_lead_in_and_not_an_admonition_label() -> None:
    page = ("A title for the page here\n\nIntro text of the page, with a full stop.\n\n"
            "Setting Up\n\nInstall the package and check it:\n\n$ pip install httpx\n\n"
            "Note\n\nKeys you leave out take their defaults, as the docs say.\n")
    headings = [s.heading for s in _parsed(page).sections if s.level]
    assert headings == ["A title for the page here", "Setting Up"]


def test_a_long_line_right_under_the_headline_is_its_standfirst() -> None:
    page = ("The fire came down the canyon at night\n\n"
            "Residents describe the hours before the flames reached their streets\n\n"
            "The wind had been blowing for hours when the first glow appeared.\n")
    article = _parsed(page)
    assert [s.heading for s in article.sections if s.level] == [
        "The fire came down the canyon at night"]
    assert "Residents describe the hours" in article.body_markdown


# --- Tables -----------------------------------------------------------------------------------

def test_glued_table_splits_between_camel_case_cells() -> None:
    rows = ["ProductMakerLaunch price", "iPhone 16Apple$799", "Pixel 9Google$799",
            "Galaxy S24Samsung$799.99", "MacBook AirApple$1,099", "GitHub CopilotMicrosoft$10"]
    assert glued_rows(rows) == [
        ["Product", "Maker", "Launch price"], ["iPhone 16", "Apple", "$799"],
        ["Pixel 9", "Google", "$799"], ["Galaxy S24", "Samsung", "$799.99"],
        ["MacBook Air", "Apple", "$1,099"], ["GitHub Copilot", "Microsoft", "$10"]]


def test_glued_rows_with_no_clear_cut_stay_a_paragraph() -> None:
    rows = ["PorcelainRoomSilkGallery", "LacquerHall", "TextileWingSpiceRoom"]
    assert split_rows(rows) is None
    page = "A title for the page\n\nSome intro text, with a stop.\n\n" + "\n".join(rows) + "\n"
    body = _parsed(page).body_markdown
    assert "\n".join(rows) in body and "|" not in body


def test_hard_wrapped_prose_is_not_a_glued_table() -> None:
    rows = ["The company said its iPhone sales rose while GitHub usage", "grew among developers,"
            " and McKinsey expects", "YouTube to follow."]
    assert glued_rows(rows) is None


def test_glued_decimal_numbers_split_at_the_second_decimal_point() -> None:
    rows = ["CityDecemberJanuary", "Oslo-1.2-0.8", "Stockholm0.3-0.2", "Copenhagen3.12.8"]
    assert glued_rows(rows) == [["City", "December", "January"], ["Oslo", "-1.2", "-0.8"],
                                ["Stockholm", "0.3", "-0.2"], ["Copenhagen", "3.1", "2.8"]]


def test_digits_glued_to_digits_stay_a_paragraph_not_a_wrong_grid() -> None:
    rows = ["MetricQ2 2025Q2 2024", "Revenue$4.2B$3.1B", "Operating margin31%22%",
            "Vessels in service148139"]
    assert glued_rows(rows) is None


def test_an_index_name_ending_in_digits_is_cut_by_the_thousands_grouping() -> None:
    rows = ["MarketCloseWeek change", "S&P 5005,770.20-3.1%", "Nasdaq Composite18,196.22-3.5%",
            "FTSE 1008,679.88+1.1%", "Brent crude$70.36-3.9%"]
    assert glued_rows(rows) == [
        ["Market", "Close", "Week change"], ["S&P 500", "5,770.20", "-3.1%"],
        ["Nasdaq Composite", "18,196.22", "-3.5%"], ["FTSE 100", "8,679.88", "+1.1%"],
        ["Brent crude", "$70.36", "-3.9%"]]


def test_figures_with_units_split_from_the_next_figure() -> None:
    rows = ["MeasureHigher-fibre groupLower-fibre group", "Average sleep7.4 hours6.8 hours",
            "Deep sleep share22%17%", "Time to fall asleep18 min29 min", "Weight254g250g"]
    assert glued_rows(rows) == [
        ["Measure", "Higher-fibre group", "Lower-fibre group"],
        ["Average sleep", "7.4 hours", "6.8 hours"], ["Deep sleep share", "22%", "17%"],
        ["Time to fall asleep", "18 min", "29 min"], ["Weight", "254g", "250g"]]


def test_a_lower_case_word_glued_to_a_brand_is_cut_before_the_brand() -> None:
    rows = ["CapabilityOld setupNew setup", "Schema checksNoneConfluent Schema Registry",
            "Lag alertsCustom Nagios checksCloudWatch and PagerDuty",
            "DeploysJenkins pipelinesGitHub Actions with ArgoCD"]
    assert glued_rows(rows) == [
        ["Capability", "Old setup", "New setup"], ["Schema checks", "None",
                                                   "Confluent Schema Registry"],
        ["Lag alerts", "Custom Nagios checks", "CloudWatch and PagerDuty"],
        ["Deploys", "Jenkins pipelines", "GitHub Actions with ArgoCD"]]


def test_spreadsheet_rows_with_trimmed_empty_cells_and_a_caption_line() -> None:
    page = ("A title for the page\n\nIntro line, a stop.\n\nTable 1: Budget by service\n"
            "Service\t2024\t2025\tNotes\nLibraries\t3.1\t2.6\tShorter hours\n"
            "Highways\t12.7\nTotal\t15.8\t\t\n")
    table = _parsed(page).tables[0]
    assert table.rows == [["Service", "2024", "2025", "Notes"],
                          ["Libraries", "3.1", "2.6", "Shorter hours"],
                          ["Highways", "12.7", "", ""], ["Total", "15.8", "", ""]]
    assert table.caption == "Table 1: Budget by service"


def test_tab_separated_rows_become_a_pipe_table() -> None:
    page = "A title for the page\n\nIntro line, a stop.\n\nCity\tPop\nOslo\t700k\nBergen\t290k\n"
    assert _parsed(page).tables[0].rows == [["City", "Pop"], ["Oslo", "700k"], ["Bergen", "290k"]]


# --- Bylines, dates, tags ---------------------------------------------------------------------

def test_glued_byline_splits_author_from_date() -> None:
    meta = read_line("April 21, 2026by Ichiban Team", near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (["Ichiban Team"], "2026-04-21")


def test_relative_date_gives_no_published_date() -> None:
    meta = read_line("Updated: 5 hours ago", near_edge=True)
    assert meta is not None and meta.dated and meta.published is None


def test_updated_date_is_not_the_publication_date() -> None:
    meta = read_line("Updated March 4, 2025", near_edge=True)
    assert meta is not None and meta.published is None


@pytest.mark.parametrize("line,authors", [
    ("By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("By Ann Lee, Bo Chen and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
    ("By Ann Lee, Bo Chen, and Cy Diaz", ["Ann Lee", "Bo Chen", "Cy Diaz"]),
    ("Posted on 3 March 2025 by Eva de Vries", ["Eva de Vries"]),
    ("By Jane Doe, Staff Writer | March 3, 2025", ["Jane Doe"]),
])
def test_several_authors_are_split_in_byline_order(line: str, authors: list[str]) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is not None and meta.authors == authors


@pytest.mark.parametrize("line", ["By Reuters Staff", "By contrast, the company said",
                                  "Photo by Jim Lo / Getty Images", "By https://example.com"])
def test_staff_photographers_urls_and_sentences_are_not_authors(line: str) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is None or meta.authors == []


@pytest.mark.parametrize("line,authors,published", [
    ("By Ann Lee published 3 May 2025", ["Ann Lee"], "2025-05-03"),
    ("By Ann Lee last updated 3 May 2025", ["Ann Lee"], None),
    ("Nov. 20, 2019 5:52 AM EST", [], "2019-11-20"),
])
def test_a_byline_with_a_dating_word_or_clock_time(line: str, authors: list[str],
                                                   published: str | None) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (authors, published)


@pytest.mark.parametrize("line,authors,published", [
    ("March 18, 20258:42 AM GMTUpdated 2 hours ago", [], "2025-03-18"),
    ("Thursday 27 February 2025 18:30 GMT", [], "2025-02-27"),
    ("By Maria Gonzalez and Tom Lee, Reuters", ["Maria Gonzalez", "Tom Lee"], None),
    ("By Ann Lee and Bo Chen, The Herald", ["Ann Lee", "Bo Chen"], None),
])
def test_wire_bylines_and_datelines(line: str, authors: list[str], published: str | None) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (authors, published)


@pytest.mark.parametrize("head", [
    "Sam Whitaker\nSam Whitaker\nNov 3, 2025",         # avatar alt text, then the link
    "Sam Whitaker\n·\nFollow\n8 min read\n·\nNov 3, 2025\n2.4K",  # Medium
    "A longer headline for the whole story here\nSam Whitaker\nNov 3, 2025\n318\n42",
])
def test_a_bare_name_shown_as_the_author_is_the_author(head: str) -> None:
    page = (f"A longer headline for the whole story here\n\n{head}\n\n"
            "The first paragraph of the story, with a full stop.\n")
    article = _parsed(page)
    assert (article.metadata.authors, article.metadata.published) == (["Sam Whitaker"],
                                                                      "2025-11-03")
    for gone in ("Sam Whitaker", "Follow", "2.4K", "318", "·"):
        assert gone not in article.body_markdown


def test_a_short_headline_above_a_date_is_not_an_author() -> None:
    page = "Budget Cuts Loom\nMarch 3, 2025\n\nThe council will vote on the cuts next week.\n"
    article = _parsed(page)
    assert (article.metadata.title, article.metadata.authors) == ("Budget Cuts Loom", [])


def test_the_headline_is_not_a_sidebar_headline_above_it() -> None:
    page = ("Mac Pro Shipping in December\n\n"
            "New MacBook Pro With Scissor Keyboard Expected Next Year\n\n"
            "Monday November 18, 2019 7:45 am PST by Joe Rossi\n\n"
            "Apple plans to release a new model with a new keyboard, a report says.\n")
    meta = _parsed(page).metadata
    assert (meta.title, meta.authors, meta.published) == (
        "New MacBook Pro With Scissor Keyboard Expected Next Year", ["Joe Rossi"], "2019-11-18")


def test_a_label_with_its_value_on_the_next_line_is_metadata() -> None:
    page = ("A title for the page here\n\nFrom:\nDepartment for Transport\nPublished\n"
            "14 March 2025\n\nThe department confirmed the funding on Friday, officials said.\n\n"
            "Tags\nroads, funding\n")
    article = _parsed(page)
    assert (article.metadata.published, article.metadata.tags) == ("2025-03-14",
                                                                   ["roads", "funding"])
    assert article.metadata.authors == []
    assert "Department for Transport" not in article.body_markdown


def test_reviewers_are_not_authors() -> None:
    page = ("A title for the page here\n\nWritten by Hannah Cole\n"
            "Medically reviewed by Ana Ruiz, MD\n\nThe trial ran for six weeks with 281 adults.\n")
    article = _parsed(page)
    assert article.metadata.authors == ["Hannah Cole"]
    assert "reviewed" not in article.body_markdown


def test_glued_tags_keep_hyphenated_parts_whole() -> None:
    assert split_glued_tags("aiinfrastructureanthropicamazoncloud-computing") == [
        "ai", "infrastructure", "anthropic", "amazon", "cloud-computing"]
    assert split_glued_tags("policystate-of-the-artchips") == ["policy", "state-of-the-art",
                                                                "chips"]


def test_glued_tags_keep_product_names_the_page_spells_whole() -> None:
    page = ("Moving our queue from RabbitMQ to Kafka\n\nkafkarabbitmqmigrations\n\n"
            "We moved every RabbitMQ queue to Kafka last year, without downtime.\n")
    assert _parsed(page).metadata.tags == ["kafka", "rabbitmq", "migrations"]
    lone = "tidecache\n\nConfiguring the cache well\n\nThe cache reads one file, at start.\n"
    assert _parsed(lone).metadata.tags == []  # a lone name, not a two-tag run


def test_a_related_cards_hashtags_are_not_the_articles_tags() -> None:
    page = ("A title for the page here\n\n#python #webdev\n\n"
            "The article text itself, with a full stop.\n\nRead next\n"
            "Five pytest fixtures I use\n#python #testing\n")
    assert _parsed(page).metadata.tags == ["python", "webdev"]


def test_hashtag_line_is_tags_but_a_hash_heading_is_not() -> None:
    page = "A title for the page\n\n#Section\n\nText of the section here.\n\n#ai #cloud\n"
    article = _parsed(page)
    assert article.metadata.tags == ["ai", "cloud"]
    assert [s.heading for s in article.sections if s.level] == ["A title for the page",
                                                                "Section"]


# --- Chrome -----------------------------------------------------------------------------------

def test_banners_forms_and_footers_go_but_sentences_about_them_stay() -> None:
    page = ("We use cookies to improve your experience. By continuing you agree to our use of "
            "cookies.\nAccept all\nManage preferences\n\nA title for the page here\n\n"
            "We tested how 50 news sites use cookies to track readers, and most ignored the rules."
            "\n\nSign up opens on Monday for the new bike share, officials said.\n\n"
            "Leave a Reply\nYour email address will not be published. Required fields are marked *"
            "\n\nYou are receiving this email because you signed up.\nUnsubscribe | Update your "
            "preferences\n")
    body = _parsed(page).body_markdown
    assert "We tested how 50 news sites use cookies" in body
    assert "Sign up opens on Monday" in body
    for gone in ("improve your experience", "Accept all", "Manage preferences", "Leave a Reply",
                 "will not be published", "receiving this email", "Unsubscribe"):
        assert gone not in body


def test_headlines_after_a_related_label_and_the_author_bio_go() -> None:
    page = ("A title for the page here\n\nBy Ann Lee\n\n"
            "The council approved the budget on Monday night after a long debate.\n\n"
            "Ann Lee is the city hall reporter and has covered the council since 2019.\n\n"
            "More on this story\nCouncil delays vote on ferry fares\nMayor names new deputy\n")
    body = _parsed(page).body_markdown
    assert "approved the budget" in body
    assert "city hall reporter" not in body and "ferry fares" not in body


@pytest.mark.parametrize("line", [
    "Photo by Annie Spratt on Unsplash", "Photo: Jane Roe/Getty Images",
    "Item 1 of 2 A man adjusts a meter in London, January 4. REUTERS/Hannah McKay/File Photo",
    "Advertisement · Scroll to continue", "Cover image for Build a Tiny Todo CLI",
    "Thanks for reading The Dry Season! Subscribe for free to receive new posts.",
    "We're hiring! See open roles on our careers page.",
    "Built with Sphinx using a theme provided by Read the Docs.", "1.1K Followers", "·"])
def test_captions_credits_and_platform_boilerplate_are_chrome(line: str) -> None:
    page = ("A title for the page here\n\nThe first paragraph, with a full stop at its end.\n\n"
            f"{line}\n\nThe second paragraph, with a full stop at its end too.\n")
    assert line not in _parsed(page).body_markdown


def test_comments_and_the_author_box_below_the_article_are_cut() -> None:
    story = "".join(f"Paragraph {n} of the story, with enough words to be text.\n\n"
                    for n in range(4))
    page = (f"A title for the page here\n\nBy Ann Lee\n0 Comments\n\n{story}"
            "Top comments (2)\n\nPriya Nair\n\nNice walkthrough, I learned a lot from it.\n\n"
            "Written by Ann Lee\n\nAnn writes about teams. She lives in Lagos, Nigeria.\n")
    body = _parsed(page).body_markdown
    assert "Paragraph 0 of the story" in body and "Paragraph 3 of the story" in body
    assert "Nice walkthrough" not in body and "Priya Nair" not in body


def test_typed_imports_and_annotations_mark_typescript() -> None:
    page = ("A title for the page here\n\nThe new client, with types:\n\n"
            "import { createClient, type Job } from \"@acme/sdk\";\n\n"
            "const jobs: Job[] = await createClient().jobs.list();\n\n"
            "That is all there is to it, in the end.\n")
    assert [c.language for c in _parsed(page).code_blocks] == ["typescript"]


# --- Passthrough ------------------------------------------------------------------------------

def test_plain_prose_passes_through_unchanged() -> None:
    prose = ("The council voted on Tuesday to close the library for repairs.\n\n"
             "Work will start in May and take about six weeks, officials said.\n")
    assert text.read(prose, "x.txt").markdown == prose


def test_clean_markdown_passes_through_unchanged() -> None:
    page = ("# Title of the note\n\nIntro text\nwrapped on purpose.\n\n## Part\n\n"
            "* one\n* two\n\n```python\nx = 1\n```\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert text.read(page, "x.txt").markdown == page


def _parsed(page: str) -> Article:
    return parse(RawDocument(page.encode(), "page.txt"), format="text")


# --- heldout4 rules (each failed on the reader before that round) ------------------------------

def test_a_unit_ends_its_figures_cell() -> None:
    rows = ["TaskRuntimeResult", "Nightly build120 msPassed on every runner.",
            "Integration suite480 msFailed twice on Windows.",
            "Docs deploy30 msPassed on every runner."]
    assert glued_rows(rows) == [["Task", "Runtime", "Result"],
                                ["Nightly build", "120 ms", "Passed on every runner."],
                                ["Integration suite", "480 ms", "Failed twice on Windows."],
                                ["Docs deploy", "30 ms", "Passed on every runner."]]


def test_short_cells_repeated_down_the_grid_confirm_their_cuts() -> None:
    rows = ["FeatureFreeTeamEnterprise", "SSONoNoYes", "Audit logNoYesYes", "API accessYesYesYes"]
    assert glued_rows(rows) == [["Feature", "Free", "Team", "Enterprise"],
                                ["SSO", "No", "No", "Yes"], ["Audit log", "No", "Yes", "Yes"],
                                ["API access", "Yes", "Yes", "Yes"]]


def test_a_model_suffix_glued_to_an_all_capitals_vendor() -> None:
    rows = ["GPUVendorMemory", "H200Nvidia141 GB", "MI300XAMD192 GB", "Gaudi 3Intel128 GB"]
    assert glued_rows(rows) == [["GPU", "Vendor", "Memory"], ["H200", "Nvidia", "141 GB"],
                                ["MI300X", "AMD", "192 GB"], ["Gaudi 3", "Intel", "128 GB"]]


def test_glued_figures_under_one_split_before_each_leading_zero() -> None:
    rows = ["ModelPrecisionRecall", "Baseline0.620.55", "Tuned model0.810.77", "Ensemble0.840.79"]
    assert glued_rows(rows) == [["Model", "Precision", "Recall"], ["Baseline", "0.62", "0.55"],
                                ["Tuned model", "0.81", "0.77"], ["Ensemble", "0.84", "0.79"]]


def test_cells_of_code_are_cut_after_a_call() -> None:
    rows = ["Old callNew callNotes", "db.get()db.fetch()Returns a promise now.",
            "db.put()db.save()Takes the same arguments.", "db.del()db.remove()Needs an id."]
    assert glued_rows(rows) == [["Old call", "New call", "Notes"],
                                ["db.get()", "db.fetch()", "Returns a promise now."],
                                ["db.put()", "db.save()", "Takes the same arguments."],
                                ["db.del()", "db.remove()", "Needs an id."]]


def test_a_camel_case_name_the_page_writes_elsewhere_is_not_cut() -> None:
    page = ("Tracing tools we tried\n\nWe already ran OpenTelemetry for every other service, "
            "so we compared it with three hosted tools.\n\nToolTracesCost tracking\n"
            "OpenTelemetry + JaegerYes, with manual spansNo\nLangSmithYesYes\nHeliconeYesYes\n"
            "DatadogYesNo\n\nThat settled it for our team.\n")
    assert [t.rows for t in _parsed(page).tables] == [[
        ["Tool", "Traces", "Cost tracking"], ["OpenTelemetry + Jaeger", "Yes, with manual spans",
                                              "No"],
        ["LangSmith", "Yes", "Yes"], ["Helicone", "Yes", "Yes"], ["Datadog", "Yes", "No"]]]


def test_glued_tags_keep_common_tech_words_whole() -> None:
    assert split_glued_tags("fintechkubernetesnodejsci-cd") == [
        "fintech", "kubernetes", "nodejs", "ci-cd"]


def test_yaml_with_a_flow_mapping_and_a_column_zero_comment_is_yaml() -> None:
    block = ["kind: Rollout", "", "# pause between steps", "steps:", "  - setWeight: 20",
             "  - pause: {duration: 5m}"]
    assert language(block) == "yaml"


def test_a_one_line_from_field_is_the_publisher_not_the_title() -> None:
    page = ("Notice\n\nNew rules for river abstraction licences\n\nFrom: Environment Agency\n"
            "Published 4 March 2026\n\nThis notice tells licence holders about new rules that "
            "start next month, and what they must do.\n\nThe rules apply to every licence.\n")
    article = _parsed(page)
    assert article.metadata.title == "New rules for river abstraction licences"
    assert article.metadata.authors == []
    assert "From:" not in article.body_markdown


def test_image_alt_lines_and_sign_up_boxes_are_chrome() -> None:
    page = ("How we cut build times in half\n\nMarch 3, 2026by Dana Cho\n\n"
            "Screenshot of the new build dashboard\n\n"
            "Our builds used to take forty minutes, which slowed every release we made.\n\n"
            "We split the test suite into shards and cached dependencies between runs.\n\n"
            "Now a full build takes eighteen minutes on the same hardware.\n\n"
            "Get the weekly digest\nFive links every Friday. No spam.\nEnter your email\n"
            "Subscribe\n")
    article = _parsed(page)
    assert [s.heading for s in article.sections if s.level] == ["How we cut build times in half"]
    for gone in ("Screenshot of", "weekly digest", "No spam", "Enter your email"):
        assert gone not in article.body_markdown


def test_related_post_titles_go_even_above_a_box_sentence() -> None:
    page = ("Why our queue fell over\n\nMarch 3, 2026by Dana Cho\n\n"
            "The queue fell over on Monday because a consumer stopped acknowledging messages.\n\n"
            "We added an alert on the age of the oldest message in each partition.\n\n"
            "We also cap retries, so one poison message cannot block a partition for long.\n\n"
            "Related posts\n\nHow We Shard Postgres\nA Year of On-Call\n\n"
            "The Queue Letter\nOne email a month about our infrastructure. No spam.\nJoin now\n")
    body = _parsed(page).body_markdown
    assert "How We Shard Postgres" not in body and "One email a month" not in body


# --- heldout5 rules (each failed on the reader before that round) ------------------------------

def test_a_grid_with_a_close_runner_up_cut_gives_way_to_a_clean_one() -> None:
    rows = ["ClientAnnual cloud spendSavingsPayback", "Retailer (DE)€1.2M18%4 months",
            "Logistics firm€3.4M22%6 months", "Insurer€850K9%N/A"]
    assert glued_rows(rows) == [["Client", "Annual cloud spend", "Savings", "Payback"],
                                ["Retailer (DE)", "€1.2M", "18%", "4 months"],
                                ["Logistics firm", "€3.4M", "22%", "6 months"],
                                ["Insurer", "€850K", "9%", "N/A"]]


def test_a_lone_dash_is_an_empty_cell_and_a_range_dash_is_not_cut() -> None:
    rows = ["CityBeforeAfterCached", "Oslo80–120 ms20–35 msYes", "Lima140–210 ms45–60 msYes",
            "Perth180–260 ms—No"]
    assert glued_rows(rows) == [["City", "Before", "After", "Cached"],
                                ["Oslo", "80–120 ms", "20–35 ms", "Yes"],
                                ["Lima", "140–210 ms", "45–60 ms", "Yes"],
                                ["Perth", "180–260 ms", "—", "No"]]


def test_all_capitals_header_words_are_cut_apart() -> None:
    rows = ["FIELDDESCRIPTION", "Client-TokenA value the client sends with each call.",
            "Rate-LimitThe number of calls allowed per minute.",
            "Retry-AfterSeconds to wait before the next call."]
    assert glued_rows(rows) == [["FIELD", "DESCRIPTION"],
                                ["Client-Token", "A value the client sends with each call."],
                                ["Rate-Limit", "The number of calls allowed per minute."],
                                ["Retry-After", "Seconds to wait before the next call."]]


def test_a_version_is_never_cut_inside() -> None:
    rows = ["MetricBefore v2.0After v2.0", "Page load (p95)3.1 s0.9 s",
            "Error rate1.4%0.2%", "Rows read per query2.1B410M"]
    assert glued_rows(rows) == [["Metric", "Before v2.0", "After v2.0"],
                                ["Page load (p95)", "3.1 s", "0.9 s"],
                                ["Error rate", "1.4%", "0.2%"],
                                ["Rows read per query", "2.1B", "410M"]]


def test_sql_starting_with_a_bare_select_line_is_one_block() -> None:
    sql = "SELECT\n  region,\n  SUM(total) AS revenue\nFROM orders\nGROUP BY region;"
    page = f"A headline for the page\n\n#Query\n\nRun this:\n\n{sql}\n\nThat is all.\n"
    assert [(c.language, c.code) for c in _parsed(page).code_blocks] == [("sql", sql)]


def test_api_and_webhook_tags_are_not_cut_inside() -> None:
    assert split_glued_tags("paymentsapiwebhooks") == ["payments", "api", "webhooks"]


# --- heldout6 rules (each failed on the reader before that round) ------------------------------

def test_day_first_numeric_dates_glued_to_a_byline() -> None:
    dotted = read_line("04.11.2025by Ann Lee and Bo Chen", near_edge=True)
    slashed = read_line("23/09/2025by Ann Lee, Bo Chen", near_edge=True)
    either_way = read_line("03/04/2025by Ann Lee", near_edge=True)
    assert dotted is not None and (dotted.authors, dotted.published) == (
        ["Ann Lee", "Bo Chen"], "2025-11-04")
    assert slashed is not None and slashed.published == "2025-09-23"
    assert either_way is not None and (either_way.authors, either_way.published) == (
        ["Ann Lee"], None)  # day and month could be swapped: no date rather than a guess


def test_a_date_label_glued_to_the_last_name_is_not_part_of_it() -> None:
    meta = read_line("Written by Ann Lee and Bo ChenPublished Oct 2, 2025", near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (
        ["Ann Lee", "Bo Chen"], "2025-10-02")


def test_names_glued_to_a_date_are_a_byline_but_a_place_is_not() -> None:
    meta = read_line("Ann Lee & Bo ChenFri 3 Oct 2025", near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (
        ["Ann Lee", "Bo Chen"], "2025-10-03")
    assert read_line("LeedsFri 3 Oct 2025", near_edge=True) is None


def test_the_headline_above_a_glued_name_and_date_byline_is_the_title() -> None:
    page = ("Local News\nSport\n\nCouncil Votes to Close Two Libraries Next Spring\n\n"
            "Opening hours at the other branches will grow to make up for the closures\n\n"
            "Ann Lee & Bo ChenFri 3 Oct 2025\n\nThe council voted 30 to 21 on Thursday "
            "to close the two branches, after a long debate.\n")
    article = _parsed(page)
    assert article.metadata.title == "Council Votes to Close Two Libraries Next Spring"
    assert (article.metadata.authors, article.metadata.published) == (
        ["Ann Lee", "Bo Chen"], "2025-10-03")


def test_glued_share_buttons_are_chrome_not_a_heading() -> None:
    page = ("A title for the page here\n\nFacebookThreadsLinkedInEmail\n\n"
            "The first paragraph, with a full stop at its end.\n\nShareTweetCopy link\n\n"
            "Back Home\n\nThe second paragraph, with a full stop at its end too.\n")
    article = _parsed(page)
    assert [s.heading for s in article.sections if s.level] == ["A title for the page here",
                                                                "Back Home"]
    assert "Facebook" not in article.body_markdown and "Tweet" not in article.body_markdown


def test_related_headlines_grouped_with_their_label_go_and_foot_topics_are_tags() -> None:
    story = "".join(f"Paragraph {n} of the story, with enough words to be text.\n\n"
                    for n in range(4))
    page = (f"A title for the page here\n\n{story}Topics\nhousingrentslocal-politics\n\n"
            "Most read\nFerry fares rise for 2,000 commuters\nMayor names new deputy\n\n"
            "Related articles\nWhy rents keep rising\nCan the city build its way out?\n")
    article = _parsed(page)
    assert article.metadata.tags == ["housing", "rents", "local-politics"]
    for gone in ("Topics", "Most read", "Ferry fares", "Related articles", "build its way"):
        assert gone not in article.body_markdown


def test_a_file_name_tab_and_copy_button_above_code_state_its_language() -> None:
    code = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hi")\n}'
    page = f"A title for the page here\n\nThe whole program:\n\nhello.go\nCopy\n{code}\n\nDone.\n"
    article = _parsed(page)
    assert [(c.language, c.code) for c in article.code_blocks] == [("go", code)]
    assert "hello.go" not in article.body_markdown and "Copy" not in article.body_markdown


def test_go_and_rust_declarations_name_their_language() -> None:
    rust = ["pub fn total(xs: &[u32]) -> u32 {", "    xs.iter().sum()", "}"]
    go = ["func (s *Store) Get(key string) (string, error) {", "\treturn s.m[key], nil", "}"]
    assert (language(rust), language(go)) == ("rust", "go")
    page = "A title for the page here\n\nThe loop:\n\n" + "\n".join(rust) + "\n\nThat is all.\n"
    assert [(c.language, c.code) for c in _parsed(page).code_blocks] == [
        ("rust", "\n".join(rust))]


def test_yaml_keys_above_a_blank_line_and_a_comment_start_the_block() -> None:
    yaml_text = "name: depot-7\nregion: north\n\n# polled each minute\nsensors:\n  - temp\n  - wind"
    page = f"A title for the page here\n\nThe file:\n\n{yaml_text}\n\nThat is the whole file.\n"
    assert [(c.language, c.code) for c in _parsed(page).code_blocks] == [("yaml", yaml_text)]


def test_tab_indented_lines_are_not_a_table() -> None:
    assert tab_rows(['\t"net/http"', '\t"os"', '\t"strings"']) is None


def test_an_iso_date_is_never_cut_inside_and_an_em_dash_is_a_cell() -> None:
    rows = ["DayHomeAwayScoreTickets", "2025-09-06Elm RangersOak United2–0Sold out",
            "2025-09-13Pine CityElm Rangers1–1—", "2025-09-20Oak UnitedPine City0–3—"]
    assert glued_rows(rows) == [["Day", "Home", "Away", "Score", "Tickets"],
                                ["2025-09-06", "Elm Rangers", "Oak United", "2–0", "Sold out"],
                                ["2025-09-13", "Pine City", "Elm Rangers", "1–1", "—"],
                                ["2025-09-20", "Oak United", "Pine City", "0–3", "—"]]


def test_a_money_figure_keeps_its_scale_letter_and_a_quarter_is_one_cell() -> None:
    rows = ["LineQ3 2025Q3 2024Change", "Revenue$1.84B$1.62B+13.6%",
            "Operating profit$412M$380M+8.4%", "Margin22.4%23.5%−1.1 pp"]
    assert glued_rows(rows) == [["Line", "Q3 2025", "Q3 2024", "Change"],
                                ["Revenue", "$1.84B", "$1.62B", "+13.6%"],
                                ["Operating profit", "$412M", "$380M", "+8.4%"],
                                ["Margin", "22.4%", "23.5%", "−1.1 pp"]]


def test_a_bound_sign_starts_its_cell_and_a_model_code_ends_before_a_figure() -> None:
    rows = ["ModelError rateLatency", "Rules only9.2%<5 ms", "GPT-4o3.1%850 ms",
            "Distilled (int8)4.0%40 ms"]
    assert glued_rows(rows) == [["Model", "Error rate", "Latency"],
                                ["Rules only", "9.2%", "<5 ms"], ["GPT-4o", "3.1%", "850 ms"],
                                ["Distilled (int8)", "4.0%", "40 ms"]]


def test_a_header_with_no_cut_to_spare_takes_its_rows_column_count() -> None:
    rows = ["VersionReleasedMinimum GoEnd of life", "v5.1Apr 2, 2026Go 1.23Apr 2027",
            "v5.0Nov 20, 2025Go 1.22Nov 2026", "v4.2Jun 5, 2025Go 1.21Ended"]
    assert glued_rows(rows) == [["Version", "Released", "Minimum Go", "End of life"],
                                ["v5.1", "Apr 2, 2026", "Go 1.23", "Apr 2027"],
                                ["v5.0", "Nov 20, 2025", "Go 1.22", "Nov 2026"],
                                ["v4.2", "Jun 5, 2025", "Go 1.21", "Ended"]]
