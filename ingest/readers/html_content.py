"""Find the article in a page: drop what is never article, then pick the best container.

The container is the element that maximises (article-like text) − λ·(link text and chrome text)
inside it. A parent only wins over its child when the text it adds is worth more than the junk
it brings, so a split article (lead paragraph apart from the body) is joined, while a sidebar of
related links is left out. Scores are summed bottom-up in one pass over the text nodes.

Inside the winner, page furniture that sits within the article (share bars, "related" boxes,
bylines, captions, link lists) is pruned by class/id words and link density.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

NEVER_ARTICLE = ("script, style, noscript, template, svg, canvas, iframe, object, embed, button, "
                 "input, select, textarea, nav, aside, dialog, link, meta, [role=navigation], "
                 "[role=complementary], [role=banner], [role=contentinfo], [role=dialog], "
                 "[role=alertdialog]")
HIDDEN = "[hidden], [aria-hidden=true], [style]"
# AMP pages (`<html ⚡>`, `<html amp>`) place ads as `<amp-ad>` with a placeholder text
# (`Cargando anuncio…`) in a box whatever the site calls it; the box goes too when all it adds
# is a label (`Publicidad`, `Anzeige`). Other pages' slots are empty `<div>`s, and their boxes
# are named as ads.
AMP_PAGE = ("⚡", "amp")
AD_SLOTS = "amp-ad, amp-embed, amp-sticky-ad"
AD_LABEL = 30  # characters of text a box may hold beside its ad slot
AD_BOX_LEVELS = 3  # wrappers around a slot that may still be its box
AD_BOX_CHILDREN = 4  # elements in a box: a slot, a label, a placeholder
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Whole regions that are never the article, wherever they sit: removed before choosing.
REGIONS = re.compile(r"(?:^|[\s_-])(comments|comment-list|commentlist|comments-area|"
                     r"comment-section|disqus_thread|disqus|respond|related|related-posts|"
                     r"related-articles|recommended|newsletter|cookie-banner|cookie-consent|"
                     r"consent|sidebar|share-bar|social-share|sharing|most-popular|outbrain|"
                     r"taboola|recirc)(?=$|[\s_-])", re.I)
# Words in class/id that mark page furniture. Matched as whole words of the attribute so that
# `header` does not match `head` and `shadow` does not match `ad`.
CHROME = re.compile(
    r"(?:^|[\s_-])(share|sharing|sharebar|social|related|recommended|recirc|more-stories|"
    r"comments?|disqus|newsletter|subscribe|subscription|signup|sign-up|cookie|cookies|consent|"
    r"gdpr|promo|advert|advertisement|ads?|adslot|ad-slot|sponsored|sidebar|breadcrumbs?|toc|"
    r"table-of-contents|author-bio|author-box|authorbox|about-author|popup|modal|"
    r"overlay|navbar|navigation|menu|masthead|site-header|site-footer|footer|skip-link|skiplink|"
    r"outbrain|taboola|most-popular|popular|trending|read-more|readmore|pagination|pager|"
    r"post-navigation|nav-links|byline|dateline|timestamp|post-meta|entry-meta|article-meta|"
    r"meta-data|tags|tag-list|categories|caption|credit|figcaption|toolbar|print|"
    r"visually-hidden|sr-only|screen-reader-text|hidden|banner|newsletter-signup|"
    r"jump-link|feedback|rating|reactions|emoji|bio|author-info|author-details|contributors?|"
    r"cta|more-news|more-posts|read-next|up-next|also-read|latest-news|you-may-like|donate|"
    r"donation|membership|support-us|inline-related|ad-container|ad-wrapper|jetpack|likes|"
    r"sharedaddy|jp-relatedposts|"
    # revision and submission histories; forum and Q&A furniture: vote counters, the poster's
    # card, signatures
    r"history|voting|votecell|user-info|userinfo|user-details|user-card|usercard|signature|"
    # donation asks, and ad labels in the languages whose sites name classes in them
    r"contributions?|anzeige|werbung|publicidad|publicite)(?=$|[\s_-])",
    re.I)
CONTENT = re.compile(r"(?:^|[\s_-])(article|articlebody|article-body|article-content|"
                     r"entry-content|post-content|post-body|story|story-body|content|"
                     r"main|body|text|markdown|prose|blog-post)(?=$|[\s_-])", re.I)
NAMING = ("data-component", "data-testid", "data-qa")
MARKED = "[class], [id], " + ", ".join(f"[{name}]" for name in NAMING)
BLOCK_TAGS = {"p", "div", "section", "article", "main", "li", "td", "th", "dd", "dt", "pre",
              "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "ul", "ol",
              "table", "tr", "tbody", "thead", "figure", "figcaption", "body", "form", "center",
              "address", "details", "summary", "dl", "caption", "span-block"}
TEASER_HEADLINE = ", ".join(f"h{n} a, a h{n}" for n in range(2, 7))
ELLIPSIS = re.compile(r"(\.\.\.|…)\s*$")
# Code and tables are never furniture; captions are judged by what they caption (below).
KEPT_WHATEVER_THEIR_CLASS = {"pre", "code", "table", "tr", "td", "figcaption", "caption"}
CONTAINERS = {"div", "section", "aside", "nav", "footer", "header", "ul", "ol", "form", "article",
              "main", "figure", "dialog", "menu"}
LONG = 60      # a text block this long and not made of links is article-like
LINK_DENSE = 0.45
PENALTY = 1.5  # λ: how much a character of link text costs a container
CHROME_PENALTY = 1.0  # ... and a character in a block marked as furniture (captions, bylines)
SHORT_PENALTY = 0.25  # ... and a character of a short block (labels, dates, buttons)


def strip_never_article(tree: LexborHTMLParser) -> None:
    """Remove what is never part of an article, wherever it is."""
    for node in tree.css(NEVER_ARTICLE):
        node.decompose()
    root = tree.root
    if root is not None and any(name in root.attributes for name in AMP_PAGE):
        _strip_ad_slots(tree)
    page = max(1, len(tree.body.text() or "")) if tree.body is not None else 1
    for node in tree.css(MARKED):
        region = _region(naming_words(node))
        if region is None or node.tag in ("body", "html", "main", "article") \
                or node.tag in KEPT_WHATEVER_THEIR_CLASS:  # a table cell named `comments`
            continue
        # A layout wrapper can be named `l-sidebar-fixed` and hold the article: a region goes
        # only when it is a minor part of the page (comments may be most of it, and still go).
        small = region.startswith(("comment", "disqus", "respond")) or \
            len(node.text() or "") < 0.5 * page
        if small and node.css_first("article, main, h1, [itemprop=articleBody]") is None:
            node.decompose()
    for comment in tree.css("footer, header"):
        # A <footer> inside a quote is its attribution; elsewhere it is page furniture.
        if comment.tag == "footer" and _inside(comment, "blockquote"):
            continue
        if comment.tag == "header" and _holds_paragraphs(comment):
            continue
        comment.decompose()


def _strip_ad_slots(tree: LexborHTMLParser) -> None:
    boxes = {box.mem_id: box for box in map(_ad_box, tree.css(AD_SLOTS))}
    for box in boxes.values():
        if not _within(box, boxes):  # two slots may share one box: remove it once
            box.decompose()


def _ad_box(slot: LexborNode) -> LexborNode:
    """The ad slot with the boxes around it that hold nothing but a short label."""
    slot_text = len((slot.text(deep=True) or "").strip())
    box = slot
    for _ in range(AD_BOX_LEVELS):
        parent = box.parent
        if parent is None or parent.tag in ("body", "html", "main", "article") \
                or sum(1 for _ in parent.iter()) > AD_BOX_CHILDREN:  # a container, not a box
            break
        if len((parent.text(deep=True) or "").strip()) - slot_text > AD_LABEL:
            break
        box = parent
    return box


def _within(node: LexborNode, others: dict[int, LexborNode]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in others:
            return True
        parent = parent.parent
    return False


def main_content(tree: LexborHTMLParser) -> LexborNode | None:
    """The element holding the article, or None when the page has no article-like text."""
    body = tree.body
    if body is None:
        return None
    good: dict[int, float] = defaultdict(float)
    nodes: dict[int, LexborNode] = {}
    parent_of: dict[int, int | None] = {}
    for block, text_length, link_length in _text_blocks(body):
        gain = _gain(block, text_length, link_length)
        _add_ancestors(block, nodes, parent_of)
        key: int | None = block.mem_id
        while key is not None:
            good[key] += gain
            key = parent_of[key]
    if not good:
        return None
    # Ancestors are entered after the block they hold, so among equal scores the first (max's
    # pick) is the deepest: the tightest container.
    best = max(good, key=good.__getitem__)
    if good[best] <= 0:
        return None
    node = nodes[best]
    while node.tag not in CONTAINERS | {"body", "td"} and node.parent is not None:
        node = node.parent  # a lone paragraph wins only when its neighbours are short: keep them
    return node


def _add_ancestors(block: LexborNode, nodes: dict[int, LexborNode],
                   parent_of: dict[int, int | None]) -> None:
    """Record `block` and its ancestors up to <body> (by `mem_id`), stopping at one already
    recorded: blocks share most of their ancestors, and each `.parent` makes a new object."""
    node: LexborNode | None = block
    while node is not None and node.mem_id not in parent_of:
        nodes[node.mem_id] = node
        parent = None if node.tag == "body" else node.parent
        parent_of[node.mem_id] = parent.mem_id if parent is not None else None
        node = parent


def _gain(block: LexborNode, text_length: int, link_length: int) -> float:
    if text_length == 0:
        return 0.0
    if link_length / text_length > LINK_DENSE:
        return -PENALTY * text_length
    if _chrome(block):
        return -CHROME_PENALTY * text_length
    if text_length - link_length >= LONG or block.tag in ("pre", "td", "li", "blockquote"):
        return text_length - link_length - PENALTY * link_length
    return -SHORT_PENALTY * text_length


def _text_blocks(body: LexborNode) -> list[tuple[LexborNode, int, int]]:
    """(nearest block ancestor, text length, link text length) per block, in document order."""
    lengths: dict[int, list[int]] = {}
    blocks: dict[int, LexborNode] = {}
    # Teaser cards wrap a headline and a summary in one <a>: all of that text is link text.
    linked = {inner.mem_id for link in body.css("a") if link.css_first("p, div, h2, h3, h4, h5")
              for inner in link.traverse()}
    for node in body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        text = node.text_content or ""
        size = len(text.strip())
        if not size:
            continue
        parent = node.parent
        in_link = False
        while parent is not None and parent.tag not in BLOCK_TAGS:
            in_link = in_link or parent.tag == "a"
            parent = parent.parent
        if parent is None:
            continue
        in_link = in_link or parent.mem_id in linked
        entry = lengths.setdefault(parent.mem_id, [0, 0])
        blocks.setdefault(parent.mem_id, parent)
        entry[0] += size
        entry[1] += size if in_link else 0
    return [(blocks[key], total, links) for key, (total, links) in lengths.items()]


def prune(content: LexborNode) -> None:
    """Remove furniture that sits inside the article container."""
    total = max(1, text_size(content))
    for node in content.css(MARKED):
        if node.mem_id == content.mem_id or node.tag in KEPT_WHATEVER_THEIR_CLASS:
            continue
        if _furniture(naming_words(node)) and text_size(node) < 0.3 * total:
            node.decompose()
    for node in content.css(HIDDEN):
        # Hidden menus and popups go; a hidden block holding much of the article is text a
        # script reveals, and readers see it.
        style = node.attributes.get("style")
        if style is not None and not HIDDEN_STYLE.search(style):
            continue
        paragraphs = sum(text_size(p) for p in node.css("p"))
        if node.parent is not None and paragraphs < 0.3 * total:
            node.decompose()
    for node in content.css("figcaption, figure > footer"):
        # A photo's caption and credit are page furniture; a table's caption and a quote's
        # attribution are part of what they caption.
        figure = node.parent
        if figure is None or figure.css_first("table, blockquote, pre") is None:
            node.decompose()
    for node in content.css("ul, ol, div, section"):
        if node.parent is not None and _teaser_list(node) and text_size(node) < 0.5 * total:
            node.decompose()
    for node in content.css("table"):
        if node.parent is not None and _label_table(node):
            node.decompose()
    in_code = {inner.mem_id for pre in content.css("pre") for inner in pre.traverse()}
    for node in content.css("ul, ol, div, section, p"):
        if node.parent is not None and node.mem_id not in in_code and _link_list(node, total):
            node.decompose()


def _label_table(table: LexborNode) -> bool:
    """A two-column grid of `Label:` | value rows with no header (`Comments:`, `Subjects:`,
    `Cite as:`) describes the page, as an info box does; a data table has a header row."""
    rows = [[cell for cell in row.iter() if cell.tag in ("td", "th")] for row in table.css("tr")]
    labels = [" ".join((row[0].text(deep=True) or "").split()) for row in rows if row]
    named = [label for label in labels if label]
    return len(rows) >= 3 and table.css_first("th") is None and all(len(r) == 2 for r in rows) \
        and len(named) >= 3 and all(label.endswith(":") for label in named)


def _link_list(node: LexborNode, total: int) -> bool:
    """Links with little else: "read more" lines, lists of other stories. A list made only of
    links goes even when it is long next to a short article; a mostly-linked one only when
    it is a small part of the container."""
    size = text_size(node)
    if not size or size > 0.8 * total:
        return False
    density = sum(text_size(a) for a in node.css("a")) / size
    if density >= 0.95:
        return node.tag != "p" or size < 200
    return density > 0.8 and node.tag != "p" and size < 0.3 * total


def text_size(node: LexborNode) -> int:
    """Characters of text, whitespace not counted (templates indent with lots of it)."""
    return len("".join((node.text(deep=True) or "").split()))


def naming_words(node: LexborNode) -> str:
    """Class and id words, and the names component frameworks give blocks (`data-component`,
    `data-testid`, `data-qa`: news sites built on React mark a byline or a newsletter box there,
    not in a class). Ids of text elements are usually slugs of their own text (a heading
    `id="the-new-consent-flow"`), so only containers' ids count."""
    attributes = node.attributes
    identifier = attributes.get("id") if node.tag in CONTAINERS else None
    named = attributes.get(NAMING[0]) or attributes.get(NAMING[1]) or attributes.get(NAMING[2])
    return f"{attributes.get('class') or ''} {identifier or ''} {named or ''}".strip()


@cache
def _furniture(words: str) -> bool:
    """Class and id words that mark page furniture (pages repeat a few class strings often)."""
    return bool(words) and CHROME.search(words) is not None and CONTENT.search(words) is None


@cache
def _region(words: str) -> str | None:
    match = REGIONS.search(words) if words else None
    return match[1].lower() if match and CONTENT.search(words) is None else None


def _teaser_list(node: LexborNode) -> bool:
    """A list of other stories: three or more items, most of them a linked headline."""
    items = [child for child in node.iter() if child.tag in ("li", "div", "article", "section")]
    if len(items) < 3:
        return False
    linked = sum(1 for item in items if item.css_first(TEASER_HEADLINE) is not None
                 or (_starts_with_link(item) and ELLIPSIS.search(item.text(deep=True) or "")))
    return linked >= 0.6 * len(items)


def _starts_with_link(item: LexborNode) -> bool:
    first = next((child for child in item.iter() if child.tag != "-text"), None)
    return first is not None and (first.tag == "a" or first.css_first("a") is not None)


def _chrome(node: LexborNode) -> bool:
    for _ in range(3):
        if node is None or node.tag == "body":
            return False
        if _furniture(naming_words(node)):
            return True
        node = node.parent  # type: ignore[assignment]
    return False


def _inside(node: LexborNode, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _holds_paragraphs(header: LexborNode) -> bool:
    return sum(len(p.text() or "") for p in header.css("p")) > 400
