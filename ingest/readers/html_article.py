"""The article inside the chosen container: one story, opening at its headline, ending before
the publisher's boilerplate.

`html_content` finds the container by text density; these rules use what the metadata already
knows (the title, the authors) to trim what density cannot tell apart: the next story a page
appends as you scroll, the kicker and breadcrumb above the headline, a press release's "About
the company" and contacts, the author's bio line after the last paragraph. Then, on the
Markdown blocks, what is left of furniture once its container is gone: thread counters,
headings over emptied sections, a row of links, labels (`7 min read`) above the first paragraph.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.readers.html_authors import authors_from_text, clean_authors
from ingest.readers.html_blocks import (
    HEADING,
    byline_or_date,
    chrome_block,
    relevel,
    without_closing_dates,
    without_link_sections,
)
from ingest.readers.html_content import LONG, naming_words
from ingest.readers.html_markdown import element_markdown, markdown_blocks

WORD = re.compile(r"\w+")
LEAD_IN = 200  # characters above the headline that are labels (kicker, breadcrumb), not text
KICKER_WORDS = 3  # words a heading may carry before the title (`Title:`, a kicker)
# Newswire datelines: `PITTSBURGH, Nov. 5, 2026 /PRNewswire/ --`, `NEW YORK, Nov. 5, 2026
# (GLOBE NEWSWIRE) --`, `SAN FRANCISCO--(BUSINESS WIRE)--`.
NEWSWIRE = re.compile(r"^[A-Z][A-Z .,'’&-]{2,60}(?:,[^/()]{3,40}?)?\s*"
                      r"(?:/[^/]{2,50}/|-*\s*\([A-Z .]*WIRE\))\s*(?:--|—|–)")
# Where a press release's boilerplate starts: everything from here on is the issuer's.
RELEASE_TAIL = re.compile(r"^(?:About [A-Z][^.]{1,70}|(?:Media|Press|Investor|Company)"
                          r"(?: and \w+)? [Cc]ontacts?|Contacts?|Forward[- ][Ll]ooking "
                          r"[Ss]tatements?|Safe [Hh]arbou?r[\w ]*|SOURCE [A-Z].*)\s*:?$")
BIO_VERBS = re.compile(r"\s+(?:is|was|covers|writes|reports|has|joined|edits)\b")
BIO_LENGTH = 400
SIGNATURE_LENGTH = 150

# `2 Answers`, `Comments (312)`, `14 responses`: counters over a thread, not section titles.
COUNTER = re.compile(r"^(?:\d[\d,.]*\s+(?:answers?|comments?|replies|responses)|"
                     r"(?:answers|comments|replies|responses)\s*\(\d[\d,.]*\))$", re.I)
# Two or more links and nothing else (`[View PDF](…) [HTML](…)`): a row of buttons or a list of
# other pages that was loose text, so no list or paragraph for `prune` to judge.
LINKS_ONLY = re.compile(r"^(?:\[[^\]\n]+\]\([^)\s]*\)[\s|·•,/]*){2,}$")
DEK_WORDS = 10  # a heading this long right under the title is its standfirst, not a section
LABEL_WORDS = 6  # shorter lines before the first paragraph are labels: `7 min read`, `1.2K`
PLAIN = re.compile(r"^(?!#|>|\||```|~~~|[-*+] |\d+[.)] )")  # not a heading, quote, list…
SENTENCE_END = re.compile(r"[.!?…:\"”’)]$")


def title_heading(root: LexborNode, title: str | None) -> LexborNode | None:
    """The `<h1>` that is the article's headline: its words are the title's, perhaps after a
    kicker or a label (`Title:`, `Wohnungsmarkt`)."""
    if not title:
        return None
    wanted = _words(title)
    for heading in root.css("h1"):
        words = _words(heading.text(deep=True) or "")
        if words[len(words) - len(wanted):] == wanted and len(words) - len(wanted) <= KICKER_WORDS:
            return heading
    return None


def own_headline(content: LexborNode, title: str | None) -> str | None:
    """The article's own `<h1>` when the page's title only decorates it: a README's `# Name`
    under a title of `owner/name: description`. Only a lone `<h1>` whose words run inside the
    title's, so a social headline that differs from the page's is left alone."""
    headings = content.css("h1")
    if not title or len(headings) != 1 or title_heading(content, title) is not None:
        return None
    text = " ".join((headings[0].text(deep=True) or "").split())
    words, wanted = _words(text), _words(title)
    inside = any(wanted[i:i + len(words)] == words for i in range(len(wanted) - len(words) + 1))
    return text if words and len(words) < len(wanted) and inside else None


def page_headline(tree: LexborHTMLParser, title: str | None) -> LexborNode | None:
    """The title's `<h1>` in the whole page, before its headers are cut."""
    return title_heading(tree.body, title) if tree.body is not None else None


def story_of(heading: LexborNode | None) -> LexborNode | None:
    """The `<article>` holding the headline `heading` (`page_headline`)."""
    node = heading
    while node is not None and node.tag != "article":
        node = node.parent
    return node


# Names sites give the summary under a headline (`standfirst`, `dek`, `subheadline`,
# `entry-summary`, `article__lede`), matched as parts of class, id and data-* words.
STANDFIRST_NAME = re.compile(r"standfirst|\bdec?k\b|sub-?(?:title|head|headline)|summary|"
                             r"\blede\b|\bintro\b|teaser|excerpt|strapline|description|"
                             r"\babstract\b", re.I)
STANDFIRST_WORDS = (8, 80)  # shorter is a label or a kicker, longer is the story's first paragraph
STANDFIRST_LOOKAHEAD = 4  # elements after the headline that may still be its standfirst


def standfirst(tree: LexborHTMLParser, heading: LexborNode | None,
               authors: list[str]) -> str | None:
    """The standfirst (the summary under the headline) as Markdown, when the page marks it.

    It is article text, but sites print it in the article's header, beside the byline and away
    from the body's container. Read before the header is cut: the few elements that follow the
    headline (`page_headline`), the first one named as a summary (`STANDFIRST_NAME`) or saying
    what the page's description says, unless it is a byline, a date or a row of links.
    """
    if heading is None:
        return None
    description = _description(tree)
    for node in _following(heading, STANDFIRST_LOOKAHEAD):
        text = " ".join((node.text(deep=True) or "").split())
        words = len(text.split())
        if words > STANDFIRST_WORDS[1] or _paragraphs(node) > 1:
            return None  # the story itself: no standfirst above it
        if words < STANDFIRST_WORDS[0] or _picture(node) or not _summary(node, text, description) \
                or _byline_or_links(node, text, authors):
            continue
        if node.tag in ("ul", "ol"):  # summary bullets (`ul.abstract`) stay a list
            return "\n\n".join(element_markdown(node)) or None
        blocks = markdown_blocks(node)
        return " ".join(HEADING.sub(r"\2", block) for block in blocks) if blocks else None
    return None


def with_standfirst(blocks: list[str], dek: str | None) -> list[str]:
    """The body's blocks opening with the standfirst, unless the body already holds it."""
    if not dek:
        return blocks
    wanted = " ".join(_words(dek))
    if any(wanted in " ".join(_words(block)) for block in blocks[:5]):
        return blocks
    return [dek, *blocks]


def _following(heading: LexborNode, limit: int) -> list[LexborNode]:
    """Up to `limit` non-empty elements after `heading` in reading order, climbing out of its
    wrappers (`<div data-gu-name="headline"><h1>…</h1></div><div …standfirst>`)."""
    found: list[LexborNode] = []
    node: LexborNode | None = heading
    while node is not None and node.tag not in ("body", "html") and len(found) < limit:
        sibling = node.next
        while sibling is not None and len(found) < limit:
            if sibling.tag != "-text" and (sibling.text(deep=True) or "").strip():
                found.append(sibling)
            sibling = sibling.next
        node = node.parent
    return found


def _summary(node: LexborNode, text: str, description: list[str]) -> bool:
    words = _words(text)
    # A description may go on past the standfirst, or be cut short, perhaps mid-word.
    shared = len(description) - 1 if len(description) < len(words) else len(words)
    if shared >= STANDFIRST_WORDS[0] and words[:shared] == description[:shared]:
        return True
    named = node
    for _ in range(3):  # the name may sit on a wrapper: `<div data-testid=standfirst><p>`
        if STANDFIRST_NAME.search(naming_words(named)):
            return True
        children = [c for c in named.iter() if (c.text(deep=True) or "").strip()]
        if len(children) != 1:
            return False
        named = children[0]
    return False


def _picture(node: LexborNode) -> bool:
    """A photo and its caption (`<figure class="lede-image">`): captions are left out."""
    return node.tag == "figure" or node.css_first("figure, figcaption") is not None


def _byline_or_links(node: LexborNode, text: str, authors: list[str]) -> bool:
    linked = sum(len(a.text(deep=True) or "") for a in node.css("a"))
    return node.css_first("time") is not None or linked > 0.5 * len(text) \
        or any(name in text for name in authors)


def _paragraphs(node: LexborNode) -> int:
    return sum(len(p.text() or "") >= LONG for p in node.css("p"))


def _description(tree: LexborHTMLParser) -> list[str]:
    meta = tree.css_first('meta[property="og:description"], meta[name="description"]')
    return _words(meta.attributes.get("content") or "") if meta is not None else []


def one_article(content: LexborNode, story: LexborNode | None) -> LexborNode:
    """A page that appends the next story as you scroll holds several `<article>`s of text
    side by side: the one that holds the headline is the article."""
    if story is None:
        return content
    stories = [node for node in content.css("article") if _paragraphs(node) >= 2]
    if len(stories) < 2:
        return content
    return next((node for node in stories if node.mem_id == story.mem_id), content)


def open_at_title(content: LexborNode, title: str | None) -> None:
    """Drop the headline (the Markdown opens with the title) and the labels above it: kicker,
    breadcrumb, section name, a dateline. Kept when what precedes it is real text."""
    heading = title_heading(content, title)
    if heading is None:
        return
    above: list[LexborNode] = []
    node = heading
    while node.mem_id != content.mem_id and node.parent is not None:
        sibling = node.prev
        while sibling is not None:
            above.append(sibling)
            sibling = sibling.prev
        node = node.parent
    size = sum(len((n.text(deep=True) or "").strip()) for n in above)
    if size <= LEAD_IN and not any(n.tag == "p" or n.css_first("p") is not None
                                   for n in above if n.tag != "-text"):
        for sibling in above:
            sibling.decompose()
    heading.decompose()


def cut_release_tail(content: LexborNode) -> None:
    """A press release (newswire dateline) ends with the issuer's boilerplate: "About X",
    forward-looking statements, media contacts, `SOURCE X`. Cut from its first label on."""
    first = content.css_first("p")
    if first is None or not NEWSWIRE.match(" ".join((first.text(deep=True) or "").split())):
        return
    for node in content.css("p, h2, h3, h4, h5, h6"):
        text = " ".join((node.text(deep=True) or "").split())
        if len(text) <= 80 and RELEASE_TAIL.match(text) and _label_line(node, text):
            _cut_from(node, content)
            return


def _label_line(node: LexborNode, text: str) -> bool:
    """A heading, or a paragraph that is all bold (`<p><b>About X</b></p>`)."""
    if node.tag != "p":
        return True
    bold = node.css_first("b, strong")
    return bold is not None and " ".join((bold.text(deep=True) or "").split()).rstrip(":") \
        == text.rstrip(":")


def drop_author_bios(content: LexborNode, authors: list[str]) -> None:
    """`Ana Ortiz is a business correspondent …` after the story is an author box's line, and
    a line of just the authors' names (`A et B (Saint-Nazaire)`) is the byline signed again."""
    if not authors:
        return
    for paragraph in content.css("p")[-3:]:
        text = " ".join((paragraph.text(deep=True) or "").split())
        if (len(text) <= BIO_LENGTH and any(text.startswith(name) and BIO_VERBS.match(
                text[len(name):]) for name in authors)) or _signature(text, authors):
            paragraph.decompose()


def _signature(text: str, authors: list[str]) -> bool:
    return len(text) <= SIGNATURE_LENGTH and authors[0] in text and \
        set(clean_authors(authors_from_text(text, byline=False))) == set(authors)


def _cut_from(node: LexborNode, top: LexborNode) -> None:
    """Remove `node` and everything after it in document order, up to `top`."""
    current = node
    while current.mem_id != top.mem_id and current.parent is not None:
        sibling = current.next
        while sibling is not None:
            following = sibling.next
            sibling.decompose()
            sibling = following
        current = current.parent
    node.decompose()


def _words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def tidy_blocks(blocks: list[str], authors: list[str]) -> list[str]:
    """The body's blocks with counters, edit links and emptied or link-only sections gone,
    opening as a reader sees it (the subtitle, then the first paragraph: no labels, byline or
    date line between) and ending at the last paragraph (no `Last updated: …`)."""
    blocks = [block for block in blocks if not LINKS_ONLY.match(block) and not chrome_block(block)
              and not ((heading := HEADING.match(block)) and COUNTER.match(heading[2]))]
    blocks = _without_empty_sections(without_link_sections(blocks))
    return relevel(without_closing_dates(_opening(blocks, authors)))


def _without_empty_sections(blocks: list[str]) -> list[str]:
    """A heading with nothing under it (its section was furniture, pruned) goes too."""
    kept: list[str] = []
    for block in reversed(blocks):
        heading = HEADING.match(block)
        if heading:
            following = HEADING.match(kept[-1]) if kept else None
            if not kept or (following and len(following[1]) <= len(heading[1])):
                continue
        kept.append(block)
    return kept[::-1]


def _opening(blocks: list[str], authors: list[str]) -> list[str]:
    out = list(blocks)
    if out and (heading := HEADING.match(out[0])) and len(heading[2].split()) >= DEK_WORDS \
            and not heading[2].endswith("?"):  # a long question opens a FAQ, not a subtitle
        out[0] = heading[2]  # `<h2 class="subtitle">` under the headline: a standfirst
    start = 1 if out and out[0] != blocks[0] else 0
    while len(out) > start and (_label(out[start]) or byline_or_date(out[start], authors)):
        del out[start]
    return out


def _label(block: str) -> bool:
    return "\n" not in block and bool(PLAIN.match(block)) and \
        len(block.split()) < LABEL_WORDS and not SENTENCE_END.search(block.rstrip("*_"))
