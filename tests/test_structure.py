"""Markdown to structure: section tree, blocks with exact offsets, tables, code, links."""

import pytest

from ingest import structure
from ingest.code_names import canonical

ARTICLE = """# Grid storage booms

Lead paragraph before any section.

## Market

Batteries grew **40%** in 2025, see [the report](https://example.org/r).

- Utilities bought most of it.
- Prices fell.
  Wrapped line of the same item.

### By region

| Region | GW |
|--------|----|
| Texas  | 12 |
| CA     | 9  |

Table: Storage added in 2025

## Code

```python
print("hi")

print("bye")
```

> Storage is the new peaker.
"""


def test_sections_form_a_tree_with_paths_that_leave_out_the_title() -> None:
    sections = structure.parse(ARTICLE).sections
    assert [(s.level, s.heading, s.parent, s.path) for s in sections] == [
        (1, "Grid storage booms", None, "Grid storage booms"),
        (2, "Market", 0, "Market"),
        (3, "By region", 1, "Market > By region"),
        (2, "Code", 0, "Code"),
    ]


def test_section_text_is_its_own_text_without_subsections() -> None:
    sections = structure.parse(ARTICLE).sections
    assert sections[0].text == "Lead paragraph before any section."
    assert "Texas" not in sections[1].text
    assert sections[2].text.startswith("| Region | GW |")


def test_block_text_is_exactly_the_body_slice_at_its_offsets() -> None:
    blocks = structure.parse(ARTICLE).blocks
    assert all(ARTICLE[b.start:b.end] == b.text for b in blocks)
    assert [(b.kind, b.section) for b in blocks] == [
        ("paragraph", 0), ("paragraph", 1), ("list_item", 1), ("list_item", 1), ("quote", 3)]
    assert blocks[3].text == "Prices fell.\n  Wrapped line of the same item."


def test_tables_are_grids_with_header_rows_and_pandoc_captions() -> None:
    (table,) = structure.parse(ARTICLE).tables
    assert table.rows == [["Region", "GW"], ["Texas", "12"], ["CA", "9"]]
    assert (table.header_rows, table.caption, table.section) == (1, "Storage added in 2025", 2)


def test_code_keeps_language_and_exact_text_with_blank_lines() -> None:
    (code,) = structure.parse(ARTICLE).code_blocks
    assert (code.language, code.code) == ("python", 'print("hi")\n\nprint("bye")')


def test_links_are_collected_with_their_text() -> None:
    links = structure.parse(ARTICLE).links
    assert [(link.url, link.text) for link in links] == [("https://example.org/r", "the report")]


def test_text_before_the_first_heading_is_a_level_0_section() -> None:
    sections = structure.parse("Intro line.\n\n## Part\n\nBody.\n").sections
    assert [(s.level, s.heading, s.text) for s in sections] == [
        (0, "", "Intro line."), (2, "Part", "Body.")]


def test_heading_text_loses_permalinks_and_zero_width_characters() -> None:
    sections = structure.parse("## Results\u200b ¶\n\ntext\n").sections
    assert sections[0].heading == "Results"


def test_settle_title_prepends_the_title_and_shifts_sections_below_it() -> None:
    markdown, title = structure.settle_title("# Intro\n\nText.\n\n## Detail\n\nMore.\n", "Headline")
    assert title == "Headline"
    assert markdown == "# Headline\n\n## Intro\n\nText.\n\n### Detail\n\nMore.\n"


def test_settle_title_keeps_a_markdown_that_opens_with_its_title() -> None:
    source = "# Headline\n\n## Part\n\nText.\n"
    assert structure.settle_title(source, "Headline") == (source, "Headline")
    assert structure.settle_title(source, None) == (source, "Headline")


def test_settle_title_demotes_repeated_level_one_sections() -> None:
    markdown, _ = structure.settle_title("# Headline\n\nA.\n\n# Part\n\nB.\n", None)
    assert markdown == "# Headline\n\nA.\n\n## Part\n\nB.\n"


def test_word_count_leaves_out_code() -> None:
    assert structure.word_count("One two.\n\n```\nx = 1\n```\n") == 2


@pytest.mark.parametrize("heading", [
    "[](#results)Results", "Results [#](#results)", "Results {#results}",
    "Results {#sec-results .unnumbered}", "Results {-}", "Results {: #results}",
])
def test_heading_text_loses_anchor_links_and_attributes(heading: str) -> None:
    assert structure.parse(f"## {heading}\n\ntext\n").sections[0].heading == "Results"


@pytest.mark.parametrize("info,language", [
    ("python", "python"), ("go {linenos=table,hl_lines=[3]}", "go"),
    ('ts title="src/search.ts" {2-3}', "ts"), ("js:title=a.js", "js"),
    ('{#lst-load .python .numberLines startFrom="10"}', "python"), ("{.rust}", "rust"),
    ("{r label, echo=FALSE}", "r"), ("{code-block} python", "python"), ("{note}", None),
    ("{#id}", None), ("", None),
])
def test_a_fence_info_string_states_its_language_without_attributes(
        info: str, language: str | None) -> None:
    assert structure.info_language(info) == language


@pytest.mark.parametrize("stated,name", [
    ("js", "javascript"), ("TS", "typescript"), ("py", "python"), ("sh", "bash"),
    ("zsh", "bash"), ("console", "bash"), ("shell-session", "bash"), ("yml", "yaml"),
    ("text", None), ("plaintext", None), ("shell", "shell"), ("sql", "sql"), ("elixir", "elixir"),
])
def test_code_languages_have_one_name_whatever_alias_states_them(
        stated: str, name: str | None) -> None:
    (code,) = structure.parse(f"```{stated}\nx\n```\n").code_blocks
    assert code.language == name == canonical(stated)


def test_settle_title_lifts_sections_under_a_title_given_as_metadata() -> None:
    markdown, _ = structure.settle_title("Lead.\n\n### Part\n\nA.\n\n#### Detail\n\nB.\n", "T")
    assert markdown == "# T\n\nLead.\n\n## Part\n\nA.\n\n### Detail\n\nB.\n"


def test_settle_title_keeps_the_list_marker_of_a_heading_it_shifts() -> None:
    markdown, _ = structure.settle_title("# Part\n\n- ## In a list\n", "Headline")
    assert markdown == "# Headline\n\n## Part\n\n- ### In a list\n"


def test_parse_going_on_from_settle_s_block_parse_gives_the_same_structure() -> None:
    settled = structure.settle(ARTICLE, None)
    assert settled.blocks is not None  # unchanged Markdown: its block parse is handed over
    assert structure.parse(settled.markdown, settled.blocks) == structure.parse(settled.markdown)
