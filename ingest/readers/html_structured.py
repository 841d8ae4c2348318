"""Structured data a page states about itself: JSON-LD and schema.org microdata.

These are the publisher's most deliberate statements, so `html_meta` asks them first. Values
come back already converted (names as lists, dates as ISO 8601, tags as a list).
"""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.dates import to_iso
from ingest.readers.html_authors import authors_from_text, clean_authors

ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Posting|Report|Review|NewsArticle|WebPage$")
TRAILING_COMMA = re.compile(r",\s*([\]}])")
# `Tag:Sqlite`, `Lite:true`, `LockedPostSource:NONE`: keywords some platforms (Medium) use as
# key:value flags. Only the tag-like keys name tags; the other flags are not tags at all.
FLAG = re.compile(r"^([A-Za-z]+):(\S.*)$")
TAG_KEYS = {"tag", "tags", "topic", "topics", "keyword", "keywords", "category", "categories"}


def json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
    """Fields of the page's article object, plus `organisations`: names stated as organisations
    (an organisation author, the publisher), which are never the article's people."""
    objects: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        if (data := _lenient_json(script.text() or "")) is not None:
            objects.extend(_flatten(data))
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if any(ARTICLE_TYPES.search(t) for t in _types(obj))]
    articles.sort(key=lambda obj: any("WebPage" in t for t in _types(obj)))  # articles first
    if not articles:
        return {}
    article = articles[0]

    def resolve(value: Any) -> Any:
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id"):
            return by_id.get(value["@id"], value)
        return value

    author = article.get("author") or article.get("creator")
    authors = [resolve(a) for a in (author if isinstance(author, list) else [author])]
    publisher = resolve(article.get("publisher"))
    keywords = article.get("keywords")
    sections = article.get("articleSection")
    site = _text(publisher.get("name")) if isinstance(publisher, dict) else None
    organisations = [name for a in authors if isinstance(a, dict) and "Organization" in _types(a)
                     and (name := _text(a.get("name")))]
    headline, name = _text(article.get("headline")), _text(article.get("name"))
    return {
        "title": headline or name,
        # MediaWiki puts the page's short description in `headline` and the page name in `name`:
        # `html_meta` takes `name` when it, not `headline`, is the page's own `<h1>`.
        "name": name if headline and name != headline else None,
        "authors": clean_authors([n for a in authors for n in _names(a)]),
        "published": to_iso(_text(article.get("datePublished") or article.get("dateCreated"))),
        "site": site,
        "url": _text(article.get("url")) if str(article.get("url", "")).startswith("http")
        else None,
        "language": language_code(_text(article.get("inLanguage"))),
        "tags": tag_list(_strings(keywords) + (_strings(sections) if keywords else [])),
        # A section alone (`articleSection: "Andalucía"`) is where the site files the story: a
        # tag only when nothing on the page names better ones (`html_meta` asks it last).
        "sections": tag_list(_strings(sections)),
        "body": _text(article.get("articleBody")),
        "organisations": organisations + ([site] if site else []),
    }


def microdata(tree: LexborHTMLParser) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if (node := tree.css_first('[itemprop~="headline"]')) is not None:
        found["title"] = item_value(node)
    found["authors"] = clean_authors([n for name in _item_authors(tree)
                                      for n in authors_from_text(name, byline=False)])
    if (node := tree.css_first('[itemprop~="datePublished"]')) is not None:
        found["published"] = to_iso(item_value(node))
    publisher = tree.css_first('[itemprop~="publisher"] [itemprop~="name"]')
    if publisher is not None:
        found["site"] = item_value(publisher)
    if (node := tree.css_first('[itemprop~="keywords"]')) is not None:
        found["tags"] = tag_list([item_value(node) or ""])
    return found


def _item_authors(tree: LexborHTMLParser) -> list[str]:
    """Authors of the page's first item only: on a Q&A page every answer is an item with its
    own author, nested beside the question's, and those people did not write the question."""
    nodes = tree.css('[itemprop~="author"], [itemprop~="creator"]')
    if len(nodes) > 1:
        scopes = {node.mem_id for node in tree.css("[itemscope]")}
        owners = [nearest_owner(node, scopes) for node in nodes]
    else:
        owners = [None] * len(nodes)
    return [name for node, owner in zip(nodes, owners, strict=True) if owner == owners[0]
            and (name := item_value(node.css_first('[itemprop="name"]') or node))]


def nearest_owner(node: LexborNode, owners: set[int]) -> int | None:
    """The `mem_id` of the closest ancestor of `node` among `owners` (None: none holds it)."""
    parent = node.parent
    while parent is not None and parent.mem_id not in owners:
        parent = parent.parent
    return parent.mem_id if parent is not None else None


def item_value(node: LexborNode) -> str | None:
    attrs = node.attributes
    # Microformats' value pattern: `<abbr title="2026-04-18T21:37:00+02:00">21:37</abbr>` holds
    # the machine value in `title` (Blogger's dates), `<data value>` in `value`.
    machine = attrs.get("title") if node.tag == "abbr" else \
        attrs.get("value") if node.tag == "data" else None
    value = attrs.get("content") or attrs.get("datetime") or machine or node.text(deep=True)
    return re.sub(r"\s+", " ", value).strip() if value else None


def tag_list(contents: list[str]) -> list[str]:
    # `#go` on a tag pill is decoration: the tag is `go`.
    split = [tag.strip().lstrip("#").strip() for content in contents
             for tag in re.split(r"\s*[,;]\s*", content)]
    flagged = any((flag := FLAG.match(tag)) and flag[1].lower() in TAG_KEYS for tag in split)
    tags: list[str] = []
    for tag in split:
        if flagged and (flag := FLAG.match(tag)):  # only when the page uses `Tag:` flags
            tag = flag[2].strip() if flag[1].lower() in TAG_KEYS else ""
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def language_code(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?\b", value.strip())
    if not match:
        return None
    return match[1].lower() + (f"-{match[2].upper()}" if match[2] else "")


def _lenient_json(text: str) -> Any:
    """JSON-LD as pages write it: trailing commas and raw control characters are common."""
    for attempt in (text, TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [unescape(value)]
    return [unescape(v) for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _flatten(item)]
    if not isinstance(data, dict):
        return []
    return [data, *_flatten(data.get("@graph", []))]


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type", [])
    return [str(k) for k in (kind if isinstance(kind, list) else [kind])]


def _names(author: Any) -> list[str]:
    if isinstance(author, str):
        return authors_from_text(author, byline=False)
    if isinstance(author, dict) and "Organization" not in _types(author):
        name = _text(author.get("name"))
        return authors_from_text(name, byline=False) if name else []
    return []


def _text(value: Any) -> str | None:
    """A JSON-LD value as text. Script text is raw, so its entities are decoded here, once."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    text = unescape(str(value)).strip() if value is not None else ""
    return text or None
