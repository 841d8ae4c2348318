"""The outline of a Markdown clipping as a reader sees it: the title without the site's name,
headings without anchors and attributes, no extension boxes posing as sections, and the bold
lines that a platform uses for section headings read as headings.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ingest.readers.markdown_lines import (
    ATX,
    BREAK,
    code_lines,
    heading,
    paragraphs,
    without,
)
from ingest.structure import HEADING_ATTRIBUTES, HEADING_LINK, clean_heading

# MarkDownload's default template opens with the page's excerpt in a quoted `## Excerpt` box,
# then a rule: the extension's, not the article's.
EXCERPT = re.compile(r"^>\s*#{1,6}\s+Excerpt\s*#*\s*$", re.I)
SEPARATOR = re.compile(r"\s+(\||-|–|—|·|•|::)\s+")
MAX_SUFFIX_WORDS = 5
BOLD_LINE = re.compile(r"^(\*\*|__)(?P<text>[^*_\s](?:[^*_]*[^*_\s])?)\1$")
MAX_PSEUDO_WORDS = 12
MIN_PSEUDO_HEADINGS = 2  # one bold line may be emphasis; a series of them is an outline


def drop_excerpt_box(lines: list[str]) -> list[str]:
    mask = code_lines(lines)[0]
    for i, line in enumerate(lines):
        if mask[i] or not EXCERPT.match(line):
            continue
        end = i + 1
        while end < len(lines) and lines[end].startswith(">"):
            end += 1
        after = end
        while after < len(lines) and not lines[after].strip():
            after += 1
        if after < len(lines) and BREAK.match(lines[after]):
            end = after + 1
        return lines[:i] + lines[end:]
    return lines


def clean_headings(lines: list[str]) -> list[str]:
    """Heading lines without permalink links (`[](#id)`, `[#](#id)`) and `{#id .class}`."""
    mask = code_lines(lines)[0]
    out = list(lines)
    for i in range(len(lines)):
        if mask[i] or (found := heading(lines, i)) is None:
            continue
        level, text = found
        bare = HEADING_ATTRIBUTES.sub("", HEADING_LINK.sub("", text)).strip()
        if bare != text:
            out[i] = _rewrite(lines[i], level, bare)
    return out


def first_title(lines: list[str]) -> tuple[int, str] | None:
    """(line, text) of the level-1 heading that is the title: the document's first heading,
    opening it or the only level-1 heading (`Intro…`, `# A`, `# B` has sections, no title)."""
    mask = code_lines(lines)[0]
    found = [(i, h) for i in range(len(lines)) if not mask[i] and (h := heading(lines, i))]
    if not found or found[0][1][0] != 1:
        return None
    line = found[0][0]
    if line == _first_content(lines) or sum(h[0] == 1 for _, h in found) == 1:
        return line, clean_heading(found[0][1][1])
    return None


def place_title(lines: list[str], line: int, title: str) -> list[str]:
    """The title heading at `line` says `title`; below a kicker or an intro it is taken out,
    and the pipeline puts the title on top (`structure.settle_title`)."""
    if line == _first_content(lines):
        if clean_heading((heading(lines, line) or (1, ""))[1]) == title:
            return lines
        return [*lines[:line], _rewrite(lines[line], 1, title), *lines[line + 1:]]
    setext = not ATX.match(lines[line])
    return without(lines, {line, line + 1} if setext else {line})


def cut_site(title: str, site: str | None, url: str | None) -> tuple[str, str | None]:
    """`Headline | Site` → (`Headline`, `Site`). A `|` tail of a few words is a site name (how
    sites append it); a dash tail only when the site field or the URL's host names it, since
    headlines have dashes of their own."""
    separators = list(SEPARATOR.finditer(title))
    if not separators:
        return title, None
    match = separators[-1]
    head, tail = title[:match.start()].strip(), title[match.end():].strip()
    if not head or len(tail.split()) > MAX_SUFFIX_WORDS:
        return title, None
    named = (bool(site) and _key(site or "") in _key(tail)) or _names_host(tail, url)
    capitalised = all(word[0].isupper() or not word[0].isalpha() for word in tail.split())
    if named or (match[1] == "|" and capitalised):
        return head, tail
    return title, None


def lift_sections(lines: list[str]) -> list[str]:
    """Under a `# Title`, sections written `###` (a page that skips `##`) are level 2 as a
    reader sees them: every heading under the title moves up by the same steps."""
    mask = code_lines(lines)[0]
    found = [(i, h) for i in range(len(lines)) if not mask[i] and (h := heading(lines, i))]
    if len(found) < 2 or found[0][1][0] != 1 or any(h[0] == 1 for _, h in found[1:]):
        return lines
    shift = min(h[0] for _, h in found[1:]) - 2
    if shift <= 0:
        return lines  # a setext section is level 2 already
    out = list(lines)
    for i, (level, _) in found[1:]:
        out[i] = re.sub(r"^( {0,3})#+", lambda m, n=level - shift: m[1] + "#" * n, lines[i])
    return out


def pseudo_headings(lines: list[str]) -> list[str]:
    """A series of short bold-only paragraphs, each followed by text, in an article with no
    headings under its title, as level-2 headings. A bold full sentence stays a paragraph."""
    mask = code_lines(lines)[0]
    runs = paragraphs(lines, mask)
    headings = [heading(lines, first) for first, _ in runs if heading(lines, first)]
    if len(headings) > 1 or (headings and headings[0] is not None and headings[0][0] != 1):
        return lines
    picked = [first for n, (first, end) in enumerate(runs[:-1])
              if end - first == 1 and _pseudo(lines[first]) and not heading(lines, runs[n + 1][0])]
    if len(picked) < MIN_PSEUDO_HEADINGS:
        return lines
    out = list(lines)
    for i in picked:
        match = BOLD_LINE.match(lines[i].strip())
        out[i] = f"## {match['text']}" if match else lines[i]
    return out


def _pseudo(line: str) -> bool:
    match = BOLD_LINE.match(line.strip())
    if match is None:
        return False
    text = match["text"]
    return len(text.split()) <= MAX_PSEUDO_WORDS and text[-1] not in ".!?:;," \
        and not text[0].islower()


def _rewrite(line: str, level: int, text: str) -> str:
    if ATX.match(line):
        return f"{'#' * level} {text}"
    return text  # a setext heading's text line; its underline stays


def _first_content(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _names_host(tail: str, url: str | None) -> bool:
    """`Transit Wire` and `www.transitwire.example`: the host without `www.` and its last
    label spells the tail."""
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.removeprefix("www.").split(".")[:-1]
    return bool(labels) and len(_key(tail)) > 3 and _key(tail) == _key("".join(labels))
