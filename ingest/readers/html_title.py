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
