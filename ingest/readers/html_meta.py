"""A page's metadata, from the most deliberate statement to the least.

Each field takes the first source that gives it, in this order: JSON-LD (the publisher's own
structured data), schema.org microdata, `<meta>` (Open Graph, `article:*`, Twitter, Dublin Core,
Parse.ly, plain `name=`), then the page itself (`<time datetime>`, `rel=tag`, a `By …` byline,
`<h1>`, `<title>`). `provenance` records which one won, and is stored with the article.

Must run before `html_content` strips scripts: JSON-LD lives in `<script>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.dates import MONTHS, to_iso
from ingest.models import Metadata
from ingest.readers.html_authors import (
    authors_from_text,
    byline_authors,
    clean_authors,
    not_people,
    uninvert,
)
from ingest.readers.html_headline import headline_authors, headline_date
from ingest.readers.html_structured import (
    json_ld,
    language_code,
    microdata,
    nearest_owner,
    tag_list,
)
from ingest.readers.html_title import site_from_title, strip_site_suffix

DATED = ('[class*="publish"], [class*="post-date"], [class*="article-date"], '
         '[class*="article_date"], [class*="entry-date"], [class*="datetime"], '
         '[class*="dateline"], [id*="publish"], [class="date"]')
UPDATED = re.compile(r"modif|updat|edit", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([a-z]{3}|\d{1,2})[/-](\d{1,2})(?:/|$|[-_])", re.I)
ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title",
              "sailthru.title", "parsely-title", "title"),
    "authors": ("article:author", "author", "citation_author", "dc.creator", "dcterms.creator",
                "parsely-author", "sailthru.author", "byl", "twitter:creator:name"),
    # Highwire/Google Scholar `citation_*` (journals, arXiv): the publication date, or the
    # date of the first version; `citation_online_date` is left out (on arXiv it is the
    # latest revision).
    "published": ("article:published_time", "og:published_time", "published_time",
                  "article:published", "pdate", "sn-post-date", "publication_date",
                  "original-publish-date", "article.created", "cxenseparse:recs:publishtime",
                  "datepublished", "dc.date.issued", "dcterms.issued",
                  "citation_publication_date", "citation_date", "dc.date", "dcterms.date",
                  "dcterms.created", "dc.date.created", "parsely-pub-date", "sailthru.date",
                  "pubdate", "publishdate", "publish-date", "date", "article.published",
                  "og:article:published_time", "release_date"),
    "site": ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher",
             "twitter:site:name"),
    "url": ("og:url", "twitter:url", "dc.identifier"),
    # The document's own declarations; `<html lang>` and then `og:locale` (a social card's
    # setting, often the site's default) follow them, below.
    "language": ("dc.language", "dcterms.language", "content-language", "language"),
    "tags": ("article:tag", "news_keywords", "parsely-tags", "sailthru.tags", "keywords",
             "dc.subject"),
}
# Tag and topic pages, and MediaWiki's category pages (`/wiki/Category:Lakes`): a wiki's
# categories are its tags.
TAG_LINKS = ('a[href*="/tag/"], a[href*="/tags/"], a[href*="/topic/"], a[href*="/topics/"], '
             'a[href*="/Category:"]')
TAG_PATH = re.compile(r"/(?:(?:tags?|topics?)/[^/?#]+/?|(?:\w+/)?Category:[^/?#]+)(?:[?#]|$)")
# Tag clouds, menus, and lists the page hides (MediaWiki's maintenance categories).
TAG_FURNITURE = re.compile(r"cloud|widget|menu|hidden", re.I)
# Keys that hold one person each, by their convention in `Surname, Given` order.
ONE_PERSON = {"citation_author", "dc.creator", "dcterms.creator"}


def read_metadata(tree: LexborHTMLParser) -> tuple[Metadata, str | None]:
    """The page's metadata, and JSON-LD's `articleBody` when it states one."""
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    structured = json_ld(tree)
    article_body = structured.pop("body", None)
    name, sections = structured.pop("name", None), structured.pop("sections", [])
    metas = _metas(tree)
    # The site and organisations the page names are not its authors (`author` = "DER SPIEGEL"),
    # unless JSON-LD types that name as a Person (a personal blog named after its author).
    organisations = structured.pop("organisations", []) + \
        [m for key in ("og:site_name", "application-name") for m in metas.get(key, [])]

    def offer(field: str, value: Any, source: str) -> None:
        if field == "authors" and value and not source.startswith("json-ld"):
            value = not_people(value, organisations)  # a typed JSON-LD Person is trusted
        if field not in values and value not in (None, "", []):
            values[field] = value
            provenance[field] = source

    for field, value, source in _own_names(structured, metas, tree, name):
        offer(field, value, source)
    for field, value in structured.items():
        offer(field, value, f"json-ld: {field_key(field)}")
    for field, value in microdata(tree).items():
        offer(field, value, "microdata")
    offer("url", _canonical(tree), "link rel=canonical")  # the page's own word beats og:url
    for field, keys in META_KEYS.items():
        for key in keys:
            if key in metas and (value := _convert(field, metas[key], key)):
                offer(field, value, f"meta: {key}")
                break
    if "site" not in values:  # a `<title>`'s site name the page does not confirm: last
        offer("site", _title_site(structured, metas, tree), "title")
    if "language" not in values:  # `<html lang>` after the document's metas, og:locale last
        offer("language", _language_attribute(tree), "html lang")
        offer("language", language_code((metas.get("og:locale") or [""])[0]), "meta: og:locale")
    for field, source, signal in PAGE_SIGNALS:  # evaluated only for fields still missing
        if field not in values:
            offer(field, signal(tree), source)
    offer("tags", sections, "json-ld: articleSection")
    values["tags"] = _with_categories(values.get("tags", []), tree)
    if values["tags"] and "tags" not in provenance:
        provenance["tags"] = "rel=category"
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


def _convert(field: str, contents: list[str], key: str) -> Any:
    if field == "authors":
        if key in ONE_PERSON:
            contents = [uninvert(content) for content in contents]
        return clean_authors([name for content in contents
                              for name in authors_from_text(content, byline=False)])
    if field == "tags":
        return tag_list(contents)
    if field == "published":
        return next((iso for content in contents if (iso := to_iso(content))), None)
    if field == "language":
        return language_code(contents[0])
    return contents[0]


def _language_attribute(tree: LexborHTMLParser) -> str | None:
    html = tree.css_first("html")
    return language_code(html.attributes.get("lang")) if html is not None else None


def _canonical(tree: LexborHTMLParser) -> str | None:
    link = tree.css_first('link[rel="canonical"]')
    href = (link.attributes.get("href") or "") if link is not None else ""
    return href if href.startswith("http") else None


def _rel_tags(tree: LexborHTMLParser) -> list[str]:
    return tag_list([a.text(deep=True) or "" for a in _first_article_links(tree, "tag")])


def _tag_links(tree: LexborHTMLParser) -> list[str]:
    """Links to the site's tag or topic pages (`/tag/sqlite`, `/topics/tides`) grouped in one
    list: the tags of a page that marks them no other way. Site menus, tag clouds and a lone
    section link are not."""
    candidates = (a for a in tree.css(TAG_LINKS) if _tag_link(a) and not _in_furniture(a))
    for link, _ in zip(candidates, range(5), strict=False):
        group = link.parent
        for _ in range(3):  # the list around the link (each link may sit in its own `<div>`)
            if group is None:
                break
            links = [a for a in group.css(TAG_LINKS) if _tag_link(a)]
            if len(links) >= 2:
                return tag_list([a.text(deep=True) or "" for a in links])
            group = group.parent
    return []


def _tag_link(link: LexborNode) -> bool:
    return TAG_PATH.search(link.attributes.get("href") or "") is not None


def _in_furniture(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):  # page-wide state classes
        if parent.tag in ("nav", "header", "footer", "aside") or \
                TAG_FURNITURE.search(parent.attributes.get("class") or ""):
            return True
        parent = parent.parent
    return False


def _with_categories(tags: list[str], tree: LexborHTMLParser) -> list[str]:
    """WordPress marks a post's categories `rel="category tag"`; categories are tags too."""
    known = {tag.casefold() for tag in tags}
    more = [c for c in tag_list([a.text(deep=True) or "" for a in
                                 _first_article_links(tree, "category")])
            if c.casefold() not in known]
    return tags + more


def _first_article_links(tree: LexborHTMLParser, rel: str) -> list[LexborNode]:
    """`rel` links of the page's first article only: a page that appends the next story
    (infinite scroll) carries that story's tags too."""
    links = tree.css(f'a[rel~="{rel}"]')
    if len(links) < 2:
        return links
    articles = {node.mem_id for node in tree.css("article")}
    owners = [nearest_owner(link, articles) for link in links]
    return [link for link, owner in zip(links, owners, strict=True) if owner == owners[0]]


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


def _own_names(structured: dict[str, Any], metas: dict[str, list[str]], tree: LexborHTMLParser,
               name: str | None) -> list[tuple[str, str, str]]:
    """What the page calls itself and its article, offered before JSON-LD.

    The name a site gives itself (og:site_name; the name its `<title>` carries, when the page
    confirms it) beats the JSON-LD publisher, which may be the company that runs it (a wiki's
    trust, a newspaper's group, a wire service). JSON-LD's `name` beats its `headline` when only
    `name` is the page's heading (MediaWiki's `headline` is the short description)."""
    offers: list[tuple[str, str, str]] = []
    key = next((k for k in ("og:site_name", "application-name")
                if k in metas and _name_like(metas[k][0])), None)
    if key:
        offers.append(("site", metas[key][0], f"meta: {key}"))
    elif (searches := _search_names(tree)) and (named := _title_site(structured, metas, tree)) \
            and any(names[:len(_words(named))] == _words(named) for names in searches):
        offers.append(("site", named, "title"))
    if name and _page_heading(name, tree) and not _page_heading(structured.get("title"), tree):
        offers.append(("title", name, "json-ld: name"))
    return offers


def _name_like(site: str) -> bool:
    """A name as people write it, not a URL, a domain (`livescience.com`) or a slug (`usatoday`,
    `TheHill`): those are kept only when nothing names the site better."""
    site = site.strip()
    if "://" in site or re.search(r"\.[a-z]{2,}$", site, re.I):
        return False
    return " " in site or not (site.islower() or re.search(r"[a-z][A-Z]", site))


def _title_site(structured: dict[str, Any], metas: dict[str, list[str]],
                tree: LexborHTMLParser) -> str | None:
    named = site_from_title(_title_element(tree), _headlines(structured, metas, tree))
    return named if named and _name_like(named) else None


def _search_names(tree: LexborHTMLParser) -> list[list[str]]:
    """The words of the page's OpenSearch descriptions (`<link rel="search" title="Riverlands
    Wiki (en)">`), which browsers show as the site's name: how a page names itself outside
    `<title>`."""
    head = tree.head
    return [_words(link.attributes.get("title") or "")
            for link in head.css('link[rel="search"][title]')] if head is not None else []


def _headlines(structured: dict[str, Any], metas: dict[str, list[str]],
               tree: LexborHTMLParser) -> list[str]:
    """What the page gives as its headline, to find the site's name beside it in `<title>`."""
    found = [structured.get("title"), *metas.get("og:title", [])[:1],
             *metas.get("twitter:title", [])[:1], _first_h1(tree)]
    return [headline for headline in found if headline]


def _page_heading(text: str | None, tree: LexborHTMLParser) -> bool:
    """True when `text` is the page's `<h1>` or opens its `<title>`."""
    key = _words(text or "")
    return bool(key) and (key == _words(_first_h1(tree) or "")
                          or _words(_title_element(tree) or "")[:len(key)] == key)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _first_h1(tree: LexborHTMLParser) -> str | None:
    h1 = tree.css_first("h1")
    text = re.sub(r"\s+", " ", h1.text(deep=True) or "").strip() if h1 is not None else ""
    return text or None


PAGE_SIGNALS: list[tuple[str, str, Callable[[LexborHTMLParser], Any]]] = [
    ("published", "time datetime", _time_published),
    ("tags", "rel=tag", _rel_tags),
    ("tags", "tag links", _tag_links),
    ("published", "date element", _dated_element),
    ("published", "date under the headline", headline_date),
    ("published", "url", _url_date),
    ("authors", "byline", byline_authors),
    ("authors", "byline under the headline", headline_authors),
    ("title", "h1", _first_h1),
    ("title", "title", _title_element),
]
