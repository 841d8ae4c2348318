"""Plain-text dumps: bylines, dates, tags, the title and page chrome, one rule a test.

Made-up lines in the shapes browsers copy (see CONVENTIONS.md for what a right value is); none
is taken from a fixture.
"""

from __future__ import annotations

import pytest

from ingest.models import Metadata
from ingest.readers import text
from ingest.readers.text_chrome import is_chrome
from ingest.readers.text_meta import read_line

LEAD = "Rents in the city fell by 4% last year, the first fall since 2014, the agency said.\n"


def _read(page: str) -> tuple[Metadata, str]:
    draft = text.read(page, "test")
    return draft.metadata, draft.markdown


# --- Bylines ----------------------------------------------------------------------------------

@pytest.mark.parametrize("line,authors,published", [
    ("Mar 9, 2025 • Tomas Berg", ["Tomas Berg"], "2025-03-09"),
    ("9 March 2025 · Łukasz Nowak & Ana Ruíz", ["Łukasz Nowak", "Ana Ruíz"], "2025-03-09"),
    ("Jan 5, 2025Ola Berg, Tim Rossi", ["Ola Berg", "Tim Rossi"], "2025-01-05"),
    ("Tomas Berg · 9 March 2025 · 4 min read", ["Tomas Berg"], "2025-03-09"),
])
def test_names_beside_the_date_are_the_authors_even_without_by(
        line: str, authors: list[str], published: str) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == (authors, published)


@pytest.mark.parametrize("line", [
    "Data Science · 9 March 2025",       # a kicker before the date
    "9 March 2025 · Machine Learning",   # a category link after it
    "9 March 2025 · AI Research",
    "9 March 2025 · Politics",
    "Why Our Queue Stalled Twice · 9 March 2025",  # another story's card
    "Tomas Berg · 4 min read",           # no date: a short headline has this shape too
])
def test_a_section_category_or_headline_beside_the_date_is_no_author(line: str) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is None or meta.authors == []


def test_the_place_each_author_filed_from_is_not_part_of_the_name() -> None:
    meta = read_line("By Ola Berg in Oslo and Tim Rossi in Rome", near_edge=True)
    assert meta is not None and meta.authors == ["Ola Berg", "Tim Rossi"]
    assert read_line("Storm Hits in New YorkMarch 3, 2025", near_edge=True) is None


def test_photo_illustration_and_editing_credits_on_the_byline_line_name_no_author() -> None:
    meta = read_line("Text by Ola Berg · Illustrations by Tim Rossi", near_edge=True)
    assert meta is not None and meta.authors == ["Ola Berg"]
    edited = read_line("By Ola Berg · Edited by Tim Rossi · May 2, 2025", near_edge=True)
    assert edited is not None and (edited.authors, edited.published) == (["Ola Berg"],
                                                                         "2025-05-02")


def test_a_job_title_after_the_name_is_not_an_author() -> None:
    meta = read_line("By Ola Berg, Senior Data Engineer", near_edge=True)
    assert meta is not None and meta.authors == ["Ola Berg"]


def test_a_page_type_beside_the_date_gives_the_date_and_no_author() -> None:
    meta = read_line("June 2, 2025 | Press Release", near_edge=True)
    assert meta is not None and (meta.authors, meta.published) == ([], "2025-06-02")


def test_a_review_date_is_never_the_publication_date() -> None:
    meta = read_line("Last reviewed: June 3, 2025", near_edge=True)
    assert meta is not None and meta.dated and meta.published is None


# --- Tags -------------------------------------------------------------------------------------

@pytest.mark.parametrize("line,tags", [
    ("Tagged: rust / wasm / edge-computing", ["rust", "wasm", "edge-computing"]),
    ("#rust#wasm#edge", ["rust", "wasm", "edge"]),
    ("Topicsbike-lanescyclingcity-council", ["bike-lanes", "cycling", "city-council"]),
    ("Categories: gardeningtomatoessoil", ["gardening", "tomatoes", "soil"]),
    ("Tags: cycling", ["cycling"]),
])
def test_slashed_glued_and_label_glued_tag_lines_split_into_tags(line: str,
                                                                 tags: list[str]) -> None:
    meta = read_line(line, near_edge=True)
    assert meta is not None and meta.tags == tags


def test_a_glued_tag_run_is_not_rejoined_by_its_own_line() -> None:
    page = f"A title for the page here\n\nrivertroutfishing\n\n{LEAD}"
    assert _read(page)[0].tags == ["river", "trout", "fishing"]


# --- Title ------------------------------------------------------------------------------------

def test_a_headline_of_short_sentences_over_the_byline_is_the_title() -> None:
    page = ("Riverton\nNews\nSport\nAbout\n\nRents rose for a decade. Then they fell.\n\n"
            f"By Ola Berg\n\n{LEAD}")
    meta, markdown = _read(page)
    assert (meta.title, meta.authors) == ("Rents rose for a decade. Then they fell.",
                                          ["Ola Berg"])
    assert "Riverton" not in markdown and "Sport" not in markdown


def test_a_standfirst_of_short_sentences_under_the_headline_is_not_the_title() -> None:
    page = ("Riverton\nNews\nSport\n\nRents fall for the first time in ten years\n\n"
            f"Prices rose. Buyers waited. Now they fall.\n\nBy Ola Berg\n\n{LEAD}")
    meta, markdown = _read(page)
    assert meta.title == "Rents fall for the first time in ten years"
    assert "Prices rose. Buyers waited." in markdown


def test_a_dateline_with_a_page_type_under_the_headline_marks_the_title() -> None:
    page = ("An official website of the State of Nowhere\nTranslate\n\nCity Parks Department\n"
            "Home\nParks\nContact\n\nPool Reopens After Two-Year Repair\n\n"
            f"June 2, 2025 | Press Release\n\n{LEAD}")
    meta, markdown = _read(page)
    assert (meta.title, meta.published, meta.authors) == (
        "Pool Reopens After Two-Year Repair", "2025-06-02", [])
    assert "official website" not in markdown and "Press Release" not in markdown


# --- Chrome -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "You have 3 free articles left this month. Subscribe for unlimited access.",
    "Media contact: Pat Kim, Communications, 555-0100",
    "An official website of the State of Nowhere",
    "Here's how you know",
    "Select Language",
])
def test_paywall_contact_and_government_banner_lines_are_chrome(line: str) -> None:
    assert is_chrome(line)


def test_a_sentence_about_an_official_website_is_not_chrome() -> None:
    assert not is_chrome("The council says the portal is an official website of record for "
                         "every planning decision it publishes.")


def test_footer_link_rows_and_feedback_buttons_go_but_article_text_stays() -> None:
    page = (f"A title for the page here\n\n{LEAD}\nThe agency will publish the next figures "
            "in May, it said.\n\nWas this page helpful?\nYes\nNo\n\n"
            "Last reviewed: June 3, 2025\n\nCity Hall · 1 Main Street · Riverton\n"
            "Privacy · Terms · Accessibility\n")
    meta, markdown = _read(page)
    assert "next figures in May" in markdown and meta.published is None
    for gone in ("helpful", "Yes", "No\n", "reviewed", "Main Street", "Accessibility"):
        assert gone not in markdown


def test_an_author_box_below_the_article_goes_once_the_date_byline_named_the_author() -> None:
    page = (f"A title for the page here\n\nMar 9, 2025 • Tomas Berg\n\n{LEAD}\n"
            "The agency will publish the next figures in May, it said.\n\n"
            "Tomas Berg is a data reporter on the housing desk. He lives in Riverton.\n")
    meta, markdown = _read(page)
    assert meta.authors == ["Tomas Berg"]
    assert "Tomas Berg" not in markdown and "next figures" in markdown


# --- Roles, credits, tag labels, colon headings, footers ----------------------------------------

def test_names_followed_by_their_role_are_the_authors_without_by() -> None:
    meta = read_line("Ola Berg and Tim Rossi, Staff Reporters", near_edge=True)
    assert meta is not None and meta.authors == ["Ola Berg", "Tim Rossi"]
    assert read_line("Rents Fall in Riverton, Agents Say", near_edge=True) is None


def test_a_photo_credit_after_a_colon_names_no_author() -> None:
    meta = read_line("Words by Ola Berg | Pictures: Tim Rossi", near_edge=True)
    assert meta is not None and meta.authors == ["Ola Berg"]


def test_a_name_over_a_job_title_over_a_date_gives_the_name_only() -> None:
    page = ("Riverton Post\nNews\nHomes\n\nRents fall for the first time in ten years\n\n"
            "Tenants in the city paid less in March than a year before, agents said\n\n"
            f"Tomas Berg\nSenior Correspondent\nMar. 9, 2025\n\n{LEAD}")
    meta, markdown = _read(page)
    assert (meta.title, meta.authors, meta.published) == (
        "Rents fall for the first time in ten years", ["Tomas Berg"], "2025-03-09")
    assert "Senior Correspondent" not in markdown


@pytest.mark.parametrize("line,tags", [
    ("More about: Housing · Rents · Riverton", ["Housing", "Rents", "Riverton"]),
    ("Posted in: Homes, Data, Cities", ["Homes", "Data", "Cities"]),
    ("Tagged with #housing #rent-control", ["housing", "rent-control"]),
])
def test_more_labels_and_spaced_hashtags_are_tag_lines(line: str, tags: list[str]) -> None:
    meta = read_line(line, near_edge=False)
    assert meta is not None and meta.tags == tags


def test_a_sentence_after_a_tag_label_is_no_tag_line() -> None:
    assert read_line("More about: the plan, which the council will vote on in May", False) is None


def test_a_bare_tags_label_over_one_tag_a_line_gives_them_all() -> None:
    page = (f"A title for the page here\n\n{LEAD}\nThe agency will publish the next figures "
            "in May, it said.\n\nTags\nHousing\nRiverton Council\nRents\n")
    meta, markdown = _read(page)
    assert meta.tags == ["Housing", "Riverton Council", "Rents"]
    assert "Riverton Council" not in markdown


def test_short_lines_ending_in_a_colon_over_paragraphs_head_sections() -> None:
    page = (f"A title for the page here\n\n{LEAD}\nWhat the landlords said:\n\n"
            "Landlords said the fall would not last beyond the summer months.\n\n"
            "What comes next:\n\nThe council will vote on a rent register in May, it said.\n\n"
            "Run the check like this:\n\n- first item\n- second item\n")
    _, markdown = _read(page)
    assert "## What the landlords said\n" in markdown and "## What comes next\n" in markdown
    assert "## Run the check" not in markdown


def test_a_lone_colon_line_over_a_paragraph_stays_text() -> None:
    page = (f"A title for the page here\n\n{LEAD}\nThe agency said:\n\n"
            "Rents will keep falling while the new flats are finished this year.\n")
    _, markdown = _read(page)
    assert "##" not in markdown and "The agency said:" in markdown


@pytest.mark.parametrize("line", [
    "Riverton Homes Pty Ltd ABN 98 765 432 109",
    "We use cookies to understand how you use our site. See our Cookie Policy.",
])
def test_registration_footers_and_cookie_sentences_are_chrome(line: str) -> None:
    assert is_chrome(line)


def test_a_hiring_box_with_its_button_goes() -> None:
    page = (f"A title for the page here\n\n{LEAD}\nThe agency will publish the next figures "
            "in May, it said.\n\nWe're hiring\nJoin our data team in Riverton.\nView roles\n")
    _, markdown = _read(page)
    assert "hiring" not in markdown and "View roles" not in markdown
