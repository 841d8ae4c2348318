"""Newsletter and blog-platform chrome in a Markdown copy: the lines around the article.

Emails and Substack posts copied as Markdown keep their buttons as links (`[Share](…)`,
`[Subscribe now](…)`, `[View this email in your browser](…)`, `[Unsubscribe](…)`) and their
footer lines ("Thanks for reading!…", "You're receiving this because…", `© 2026 Name`). A line
goes only when all of it is such chrome, so a sentence that links to a subscribe page stays.
The "view in browser" link is the address of the issue itself, so it is kept as the URL.
"""

from __future__ import annotations

import re

from ingest.readers.markdown_fields import URL, Found
from ingest.readers.markdown_lines import BREAK, code_lines, unemphasised, without

LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)(?:\s+\"[^\"]*\")?\)")
BUTTON = re.compile(
    r"^(?:share(?: this (?:post|article|story|issue))?|subscribe(?: now| for free)?|restack|"
    r"leave a comment|comments?|like|give a gift subscription|upgrade to paid|unsubscribe|"
    r"update (?:your )?(?:email )?preferences|manage (?:your )?(?:subscription|preferences)|"
    r"forward (?:this email|to a friend)|read in (?:the )?app|" + r"(?P<online>(?:view|read|open)"
    r"(?: (?:this|it|the)(?: email| post| newsletter| issue)?)? (?:in (?:your |a |the )?"
    r"(?:web )?browser|online|on the web)))$", re.I)
SEPARATORS = re.compile(r"^[\s·|•/–—-]*$")
# `© 2026 Name`, `Copyright © Name`, `(c) 2026`; not a sentence about copyright law
COPYRIGHT_LEAD = r"(?:©|\(c\)|copyright\s*(?=©|\(c\)|\d{4}))"
FOOTER = re.compile(r"^(?:thanks for reading\b.*\b(?:subscribe|share|support)\b|"
                    r"(?:you(?:'|’)re|you are) receiving this\b|" + COPYRIGHT_LEAD + ")", re.I)
COPYRIGHT = re.compile(r"^" + COPYRIGHT_LEAD + r"\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?"
                       r"\s*(?P<holder>[^,.|·]+)", re.I)
MAX_FOOTER_WORDS = 40


def drop_chrome(lines: list[str]) -> tuple[Found, list[str]]:
    """The lines without button rows and footer lines; the "view online" link as the URL."""
    found: Found = {}
    mask = code_lines(lines)[0]
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if mask[i] or not line.strip() or line.startswith((" ", "\t", ">")):
            continue
        if (url := button_row(line)) is not None:
            drop.add(i)
            if url and "url" not in found:
                found["url"] = (url, "view online link")
        elif _footer(line):
            drop.add(i)
    return found, _trim_end(without(lines, drop))


def copyright_holder(lines: list[str]) -> str | None:
    """The name in a `© 2026 Name, address` line."""
    for line in lines:
        if (match := COPYRIGHT.match(unemphasised(line))) and match["holder"].strip():
            return match["holder"].strip()
    return None


def button_row(line: str) -> str | None:
    """None when the line is not only buttons; else the "view online" address or ""."""
    links = list(LINK.finditer(line))
    if not links or not SEPARATORS.match(LINK.sub("", line)):
        return None
    url = ""
    for link in links:
        button = BUTTON.match(unemphasised(link[1]))
        if button is None:
            return None
        if button["online"] and URL.match(link[2]):
            url = link[2]
    return url


def _footer(line: str) -> bool:
    text = unemphasised(line)
    return bool(FOOTER.match(text)) and len(text.split()) <= MAX_FOOTER_WORDS


def _trim_end(lines: list[str]) -> list[str]:
    """A rule left at the end once the footer is gone separates nothing."""
    while lines and (not lines[-1].strip() or (BREAK.match(lines[-1]) and (
            len(lines) < 2 or not lines[-2].strip()))):
        lines = lines[:-1]
    return lines
