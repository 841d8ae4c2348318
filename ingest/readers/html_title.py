"""A headline without the site name that pages append to `<title>` and `og:title`."""

from __future__ import annotations

import re

SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")


def strip_site_suffix(title: str, site: str | None, h1: str | None) -> str:
    """`Headline | Site` → `Headline`. Cut only when the cut part is the site or the `<h1>`
    confirms the rest, so a headline with a dash in it is never shortened."""
    title = re.sub(r"\s+", " ", title).strip()
    parts = SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if h1 and _same(h1, title):
        return title
    for cut in range(len(parts) - 1, 0, -1):
        head = _join(title, parts[:cut])
        tail = title[len(head):]
        if site and _mentions_site(tail, site):
            return head
        if h1 and _same(h1, head):
            return head
    if site and _mentions_site(parts[0], site) and len(parts) == 2:  # `Site | Headline`
        return parts[1]
    if re.search(r"\s\|\s", title) and len(parts[-1].split()) <= 4:
        return _join(title, parts[:-1])  # `|` is how sites append their name
    return title


def _join(title: str, parts: list[str]) -> str:
    """The prefix of `title` spanning `parts` (keeps the original separators)."""
    end = 0
    for part in parts:
        end = title.index(part, end) + len(part)
    return title[:end]


def _same(a: str, b: str) -> bool:
    return _key(a) == _key(b)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _mentions_site(text: str, site: str) -> bool:
    key = _key(site)
    return bool(key) and (key in _key(text) or (_key(text) in key and len(_key(text)) > 3))


# `Blog Name: Post` (Blogger) puts the site first, with a colon; suffixes use the separators.
PREFIX_SEPARATORS = re.compile(r"(?:\s+(?:\||-|–|—|::|·|•|»|/)|:)\s+")
SITE_WORDS = 6  # a longer remainder is more headline, not a site's name


def site_from_title(title: str | None, headlines: list[str]) -> str | None:
    """The site's name a `<title>` carries beside the headline: `Headline | Site`,
    `Headline - by Author - Site` (the last part), `Site: Headline`."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    for headline in headlines:
        headline = re.sub(r"\s+", " ", headline).strip()
        if not headline or len(headline) >= len(title):
            continue
        rest = _beside(title, headline)
        if rest and _site_name(rest):
            return rest
    return None


def _beside(title: str, headline: str) -> str | None:
    """The part of `title` after the headline's separator (its last part), or before it."""
    if title.startswith(headline):
        tail = title[len(headline):]
        if (match := SEPARATORS.match(tail)) is not None:
            return SEPARATORS.split(tail[match.end():])[-1].strip()
    if title.endswith(headline):
        head = title[:len(title) - len(headline)]
        if (match := PREFIX_SEPARATORS.search(head)) is not None and match.end() == len(head):
            return PREFIX_SEPARATORS.split(head)[0].strip()
    return None


def _site_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= SITE_WORDS and bool(re.search(r"[^\W\d]", text)) \
        and not text.lower().startswith("by ")
