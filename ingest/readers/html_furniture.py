"""Furniture inside the article that class names do not give away, found by its shape.

Sites print these as ordinary paragraphs and boxes in the story's own container, named in their
own language or in utility classes (`not-prose my-8 rounded-xl`), so they are told by what they
are made of: a label and one link to another story (`Read More: …`, `Lee también: …`, `Lire aussi
| …`, `← Older: …`), a press office's contact block, a small promo box that ends in a button, a
short form (`Was this page helpful?`).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ingest.readers.html_content import text_size

# A label before a link: a few words ending in `:`, `|` or an arrow, or an arrow and a word.
LINK_LABEL = re.compile(r"^(?:[←→«»‹›]\s*)?[^\W\d_][\w’'.\- ]{0,30}?\s*[:|»›→]$|"
                        r"^[←«‹]\s*[^\W\d_][\w’' ]{0,20}$")
LABEL_WORDS = 4
STORY_WORDS = 3  # a linked headline has at least this many words; a source's name may not
CONTACT_LABEL = re.compile(r"^(?:media|press|news|public\s+affairs|communications|investor)\s+"
                           r"(?:contacts?|inquiries|enquiries|relations)\b\s*:?", re.I)
# The label's second word (without its first letter, which may be either case), and its first.
CONTACT_WORDS = ("ontact", "ONTACT", "nquiries", "NQUIRIES", "elations", "ELATIONS")
CONTACT_BEFORE = re.compile(r"\b(?:media|press|news|affairs|communications|investor)\s+\w$",
                            re.I)
REACHABLE = re.compile(r"@|\+?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{3,4}")  # an email or a phone
CONTACT_LENGTH = 400
PROMO_LENGTH = 300  # characters: a box this short that ends in a button is a promo
BUTTON_WORDS = 4
RAW_LIMIT = 20 * PROMO_LENGTH  # characters with whitespace: far beyond any promo box
LABEL_RAW = 200  # characters with whitespace beside a story link: far beyond any label
BLOCKS = {"p", "div", "section", "ul", "ol", "table", "pre", "blockquote", "figure",
          "h1", "h2", "h3", "h4", "h5", "h6"}


def drop_furniture(content: LexborNode, page_url: str | None) -> None:
    """Remove story links, contact blocks, promo boxes and short forms from the article."""
    found = {**_around_links(content, page_url), **_contact_blocks(content)}
    ids = set(found)
    for node in [node for node in found.values() if not _inside(node, ids, content)]:
        node.decompose()  # the outermost only: a removed node's descendants go with it


def _around_links(content: LexborNode, page_url: str | None) -> dict[int, LexborNode]:
    """Story links and promo boxes, both shaped around a link (so found from the links), and
    short forms (found in the same pass over the article)."""
    blocks: dict[int, tuple[LexborNode, list[LexborNode]]] = {}
    found: dict[int, LexborNode] = {}
    for node in content.css("a, form"):
        if node.tag == "form":
            if text_size(node) < PROMO_LENGTH:
                found[node.mem_id] = node
        elif (block := _block_of(node, content)) is not None:
            blocks.setdefault(block.mem_id, (block, []))[1].append(node)
    total: list[int] = []  # the container's size, counted once and only when needed
    boxes: set[int] = set()  # boxes already judged (a story's links share their container)
    for block, links in blocks.values():
        if len(links) == 1 and _story_link(block, links[0], page_url):
            found[block.mem_id] = block
            continue
        box = block.parent if block.tag == "p" else block
        if box is None or box.mem_id in boxes or box.mem_id == content.mem_id:
            continue
        boxes.add(box.mem_id)
        if box.tag in ("div", "aside", "section") and _promo_box(box, content, total):
            found[box.mem_id] = box
    return found


def _contact_blocks(content: LexborNode) -> dict[int, LexborNode]:
    if not _mentions_contact(content.text(deep=True) or ""):
        return {}  # most pages: one look at the text instead of one per block
    return {node.mem_id: node for node in content.css("div, section, aside, p, dl")
            if node.mem_id != content.mem_id and _contact_block(node)}


def _block_of(link: LexborNode, content: LexborNode) -> LexborNode | None:
    """The `<p>` or `<div>` a link sits in (through inline wrappers like `<strong>`)."""
    node = link.parent
    while node is not None and node.mem_id != content.mem_id and node.tag not in ("p", "div"):
        if node.tag in BLOCKS or node.tag in ("li", "td", "th", "dd", "body"):
            return None
        node = node.parent
    return node if node is not None and node.mem_id != content.mem_id else None


def _inside(node: LexborNode, ids: set[int], top: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != top.mem_id:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _story_link(node: LexborNode, link: LexborNode, page_url: str | None) -> bool:
    """`<p><strong>Read More:</strong> <a href="/news/…">Another Story's Headline</a></p>`: the
    block's one link, after a short label."""
    href = link.attributes.get("href") or "#"
    # Cheap first: a paragraph with a link in it is far longer than its link.
    if href.startswith("#") or len(node.text(deep=True) or "") > \
            len(link.text(deep=True) or "") + LABEL_RAW:
        return False
    if node.tag == "div" and any(child.tag in BLOCKS for child in node.iter()):
        return False
    text, linked = _text(node), _text(link)
    at = text.find(linked)
    if len(linked.split()) < STORY_WORDS or at <= 0 or text[at + len(linked):].strip(" .") != "":
        return False
    label = text[:at].strip()
    return len(label.split()) <= LABEL_WORDS and LINK_LABEL.match(label) is not None \
        and _same_site(href, _host(page_url))


def _mentions_contact(text: str) -> bool:
    """`Media contact`, `Press inquiries`… anywhere in `text`: each `contact`-like word found by
    substring search (fast), then the word before it checked (a regex scan of it all is slow)."""
    for word in CONTACT_WORDS:
        at = text.find(word)
        while at > 0:
            if CONTACT_BEFORE.search(text, max(0, at - 30), at):
                return True
            at = text.find(word, at + 1)
    return False


def _contact_block(node: LexborNode) -> bool:
    """A press office's contact: `Media Contact` and a name, a phone number or an email."""
    raw = (node.text(deep=True, separator=" ") or "").lstrip()
    if CONTACT_LABEL.match(raw[:80]) is None:  # most blocks fail here, before any counting
        return False
    return text_size(node) <= CONTACT_LENGTH and REACHABLE.search(raw) is not None


def _promo_box(node: LexborNode, content: LexborNode, total: list[int]) -> bool:
    """A short box of a pitch and a button (`We're hiring … See open roles →`) set in the
    story: two or more parts, the last a lone short link, and nothing a story is made of."""
    if not _ends_in_link(node) or len(node.text(deep=True) or "") > RAW_LIMIT:
        return False  # most containers end in text, and a big one holds no promo
    parts = [child for child in node.iter(include_text=True)
             if child.tag != "-text" or (child.text_content or "").strip()]
    if len(parts) < 2 or parts[-1].tag == "-text":  # cheap shape checks before any counting
        return False
    size = text_size(node)
    if not 0 < size <= PROMO_LENGTH:
        return False
    if not total:
        total.append(text_size(content))
    if size > 0.3 * total[0] or node.css_first(
            "h2, h3, h4, ul, ol, table, pre, blockquote, img, picture, figure") is not None:
        return False
    *pitch, last = parts
    # The pitch is lines of their own (`<p>`s), not a sentence that ends in a link.
    if any(part.tag not in ("p", "div", "span", "strong", "b") for part in pitch) \
            or not any(part.tag in ("p", "div") for part in pitch):
        return False
    button = last if last.tag == "a" else last.css_first("a")
    if button is None or _text(button) != _text(last):
        return False
    href = button.attributes.get("href") or ""
    return bool(href) and not href.startswith("#") \
        and 0 < len(_text(button).split()) <= BUTTON_WORDS


def _ends_in_link(node: LexborNode) -> bool:
    """The last non-blank child is a link or holds one (without walking all the children)."""
    last = node.last_child
    while last is not None and last.tag in ("-text", "-comment") \
            and not (last.tag == "-text" and (last.text_content or "").strip()):
        last = last.prev
    return last is not None and (last.tag == "a" or (last.tag != "-text"
                                                     and last.css_first("a") is not None))


def _same_site(href: str, host: str | None) -> bool:
    """A relative link, or one to the page's own host (any host when the page's is unknown)."""
    target = urlsplit(href).hostname
    return target is None or host is None or _bare(target) == host


def _host(url: str | None) -> str | None:
    hostname = urlsplit(url).hostname if url else None
    return _bare(hostname) if hostname else None


def _bare(hostname: str) -> str:
    return hostname.lower().removeprefix("www.")


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True, separator=" ") or "").split())

