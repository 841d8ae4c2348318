"""A page's metadata, from the most deliberate statement to the least.

Each field takes the first source that gives it, in this order: JSON-LD (the publisher's own
structured data), schema.org microdata, `<meta>` (Open Graph, `article:*`, Twitter, Dublin Core,
Parse.ly, plain `name=`), then the page itself (`<time datetime>`, `rel=tag`, a `By …` byline,
`<h1>`, `<title>`). `provenance` records which one won, and is stored with the article.

Must run before `html_content` strips scripts: JSON-LD lives in `<script>`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.dates import MONTHS, to_iso
from ingest.models import Metadata
from ingest.readers.html_authors import authors_from_text, clean_authors
from ingest.readers.html_title import strip_site_suffix

BYLINES = ('[class*="byline"], [id*="byline"], [rel="author"], [itemprop~="author"], '
           '[class*="author-name"], [class*="article-author"], [class~="author"], '
           '[class*="post-author"]')
DATED = ('[class*="publish"], [class*="post-date"], [class*="article-date"], '
         '[class*="article_date"], [class*="entry-date"], [class*="datetime"], '
         '[class*="dateline"], [id*="publish"], [class="date"]')
UPDATED = re.compile(r"modif|updat|edit", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([a-z]{3}|\d{1,2})[/-](\d{1,2})(?:/|$|[-_])", re.I)
ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Posting|Report|Review|NewsArticle|WebPage$")
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
TRAILING_COMMA = re.compile(r",\s*([\]}])")
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "sailthru.title",
              "parsely-title", "title"),
    "authors": ("article:author", "author", "dc.creator", "dcterms.creator", "parsely-author",
                "sailthru.author", "byl", "twitter:creator:name"),
    "published": ("article:published_time", "og:published_time", "published_time",
                  "article:published", "pdate", "sn-post-date", "publication_date",
                  "original-publish-date", "article.created", "cxenseparse:recs:publishtime",
                  "datepublished", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
                  "dcterms.created", "dc.date.created", "parsely-pub-date", "sailthru.date",
                  "pubdate", "publishdate", "publish-date", "date", "article.published",
                  "og:article:published_time", "release_date"),
    "site": ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher",
             "twitter:site:name"),
    "url": ("og:url", "twitter:url", "dc.identifier"),
    "language": ("og:locale", "dc.language", "dcterms.language", "content-language",
                 "language"),
    "tags": ("article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords",
             "dc.subject"),
}


def read_metadata(tree: LexborHTMLParser) -> tuple[Metadata, str | None]:
    """The page's metadata, and JSON-LD's `articleBody` when it states one."""
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}

    def offer(field: str, value: Any, source: str) -> None:
        if field not in values and value not in (None, "", []):
            values[field] = value
            provenance[field] = source

    json_ld = _json_ld(tree)
    article_body = json_ld.pop("body", None)
    for field, value in json_ld.items():
        offer(field, value, f"json-ld: {field_key(field)}")
    for field, value in _microdata(tree).items():
        offer(field, value, "microdata")
    metas = _metas(tree)
    for field, keys in META_KEYS.items():
        for key in keys:
            if key in metas and (value := _convert(field, metas[key])):
                offer(field, value, f"meta: {key}")
                break
    for field, source, signal in PAGE_SIGNALS:  # evaluated only for fields still missing
        if field not in values:
            offer(field, signal(tree), source)
    if "title" in values:
        values["title"] = strip_site_suffix(values["title"], values.get("site"),
                                            _first_h1(tree))
    return Metadata(**values, provenance=provenance), article_body


def field_key(field: str) -> str:
    return {"title": "headline", "authors": "author", "published": "datePublished",
            "site": "publisher", "tags": "keywords", "language": "inLanguage"}.get(field, field)


def _metas(tree: LexborHTMLParser) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.css("meta[content]"):
        attrs = meta.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") \
            or attrs.get("http-equiv")
        content = (attrs.get("content") or "").strip()
        if ENTITY.search(content):  # escaped twice by the page: `&amp;#8216;`
            content = unescape(content)
        if key and content:
            found.setdefault(key.strip().lower(), []).append(content)
    return found


def _convert(field: str, contents: list[str]) -> Any:
    if field == "authors":
        return clean_authors([name for content in contents
                              for name in authors_from_text(content, byline=False)])
    if field == "tags":
        return _tag_list(contents)
    if field == "published":
        return next((iso for content in contents if (iso := to_iso(content))), None)
    if field == "language":
        return _language(contents[0])
    return contents[0]


def _tag_list(contents: list[str]) -> list[str]:
    tags: list[str] = []
    for content in contents:
        for tag in re.split(r"\s*[,;]\s*", content):
            if tag.strip() and tag.strip() not in tags:
                tags.append(tag.strip())
    return tags


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?\b", value.strip())
    if not match:
        return None
    return match[1].lower() + (f"-{match[2].upper()}" if match[2] else "")


def _json_ld(tree: LexborHTMLParser) -> dict[str, Any]:
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
    return {
        "title": _text(article.get("headline") or article.get("name")),
        "authors": clean_authors([n for a in authors for n in _names(a)]),
        "published": to_iso(_text(article.get("datePublished") or article.get("dateCreated"))),
        "site": _text(publisher.get("name")) if isinstance(publisher, dict) else None,
        "url": _text(article.get("url")) if str(article.get("url", "")).startswith("http")
        else None,
        "language": _language(_text(article.get("inLanguage"))),
        "tags": _tag_list(_strings(keywords) + _strings(sections)),  # categories are tags too
        "body": _text(article.get("articleBody")),
    }


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


def _microdata(tree: LexborHTMLParser) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if (node := tree.css_first('[itemprop~="headline"]')) is not None:
        found["title"] = _item_value(node)
    names = [_item_value(n.css_first('[itemprop="name"]') or n)
             for n in tree.css('[itemprop~="author"], [itemprop~="creator"]')]
    found["authors"] = clean_authors([n for name in names if name
                                      for n in authors_from_text(name, byline=False)])
    if (node := tree.css_first('[itemprop~="datePublished"]')) is not None:
        found["published"] = to_iso(_item_value(node))
    publisher = tree.css_first('[itemprop~="publisher"] [itemprop~="name"]')
    if publisher is not None:
        found["site"] = _item_value(publisher)
    if (node := tree.css_first('[itemprop~="keywords"]')) is not None:
        found["tags"] = _tag_list([_item_value(node) or ""])
    return found


def _item_value(node: LexborNode) -> str | None:
    attrs = node.attributes
    value = attrs.get("content") or attrs.get("datetime") or node.text(deep=True)
    return re.sub(r"\s+", " ", value).strip() if value else None


def _language_attribute(tree: LexborHTMLParser) -> str | None:
    html = tree.css_first("html")
    return _language(html.attributes.get("lang")) if html is not None else None


def _canonical(tree: LexborHTMLParser) -> str | None:
    link = tree.css_first('link[rel="canonical"]')
    href = (link.attributes.get("href") or "") if link is not None else ""
    return href if href.startswith("http") else None


def _rel_tags(tree: LexborHTMLParser) -> list[str]:
    return _tag_list([a.text(deep=True) or "" for a in tree.css('a[rel~="tag"]')])


def _title_element(tree: LexborHTMLParser) -> str | None:
    title = tree.css_first("title")
    return re.sub(r"\s+", " ", title.text() or "").strip() or None if title is not None else None


def _time_published(tree: LexborHTMLParser) -> str | None:
    times = tree.css("time[datetime]")
    for node in times:  # a time marked as the publication date wins over the first one
        marks = " ".join(filter(None, (node.attributes.get(k) for k in ("class", "itemprop",
                                                                         "pubdate", "id"))))
        if re.search(r"publish|pubdate|posted|created", marks, re.I):
            return to_iso(node.attributes.get("datetime"))
    for node in times:
        marks = " ".join(filter(None, (node.attributes.get(k) for k in ("class", "itemprop"))))
        parent_marks = node.parent.attributes.get("class") if node.parent is not None else ""
        if not re.search(r"modif|updat|edit", f"{marks} {parent_marks or ''}", re.I):
            return to_iso(node.attributes.get("datetime"))
    return None


def _dated_element(tree: LexborHTMLParser) -> str | None:
    """An element the page marks as the publication date (`class="post-date"`, a hidden
    `published_date` input), read from its attribute or its short text."""
    for node in tree.css(DATED):
        marks = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if UPDATED.search(marks):
            continue
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content") or attrs.get("value") \
            or node.text(deep=True, separator=" ") or ""
        if len(value) < 80 and (iso := to_iso(" ".join(value.split()))):
            return iso
    return None


def _url_date(tree: LexborHTMLParser) -> str | None:
    """A date in the article's own URL (`/2019/11/19/`, `/2019/nov/18/`): the day it was filed."""
    for url in (_canonical(tree), *(m.attributes.get("content") for m in
                                    tree.css('meta[property="og:url"]'))):
        if url and (match := URL_DATE.search(url)):
            year, month, day = match.groups()
            number = int(month) if month.isdigit() else MONTHS.get(month.lower(), 0)
            return to_iso(f"{year}-{number:02d}-{int(day):02d}")
    return None


def _byline(tree: LexborHTMLParser) -> list[str]:
    """Names from the page's byline: `By …` text, or an element marked as the author."""
    for node in tree.css(BYLINES):
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if not text or len(text) > 200:
            continue
        marked = node.tag == "a" or "author" in (node.attributes.get("class") or "") \
            or node.attributes.get("itemprop") == "author"
        names = clean_authors(authors_from_text(text, byline=not marked or text[:3].lower()
                                                == "by "))
        if names:
            return names
    return []


def _first_h1(tree: LexborHTMLParser) -> str | None:
    h1 = tree.css_first("h1")
    text = re.sub(r"\s+", " ", h1.text(deep=True) or "").strip() if h1 is not None else ""
    return text or None


PAGE_SIGNALS: list[tuple[str, str, Callable[[LexborHTMLParser], Any]]] = [
    ("language", "html lang", _language_attribute),
    ("url", "link rel=canonical", _canonical),
    ("published", "time datetime", _time_published),
    ("tags", "rel=tag", _rel_tags),
    ("published", "date element", _dated_element),
    ("published", "url", _url_date),
    ("authors", "byline", _byline),
    ("title", "h1", _first_h1),
    ("title", "title", _title_element),
]
