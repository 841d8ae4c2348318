"""Which link targets may reach the stored Markdown.

Browsers forgive a lot in a URL scheme: any case, entities (decoded once by the parser already),
and tabs, newlines and control characters anywhere inside it (`java\tscript:`). So the scheme is
read the way a browser reads it, and only schemes that cannot run code are kept.
"""

from __future__ import annotations

import re

IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
SAFE_SCHEMES = {"http", "https", "mailto", "ftp", "tel"}


def safe_url(href: str | None) -> str | None:
    """The href as written when it is safe to keep (relative or a safe scheme), else None."""
    if href is None:
        return None
    href = href.strip()
    probe = IGNORED_BY_BROWSERS.sub("", href).lower()
    scheme = SCHEME.match(probe)
    if scheme and scheme[1] not in SAFE_SCHEMES:
        return None
    if not scheme and ":" in probe.split("/", 1)[0]:
        return None  # `javascript&colon;` and friends: a colon before any slash, odd scheme
    return IGNORED_BY_BROWSERS.sub("", href) if scheme else href
