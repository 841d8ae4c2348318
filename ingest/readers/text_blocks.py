"""A text dump cut into blocks: fenced code kept as is, unfenced code found, the rest in groups.

A group is a run of non-blank lines between blank lines. Code is cut out first, because code
holds blank lines, `#` comments and lines that look like anything else; what is left is where
headings, lists, tables and paragraphs are looked for (`text_render`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.text_code import find_code

FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
MARKED_HEADING = re.compile(r"^(#{1,6})(?!#)\s*(\S.*?)\s*(?:[¶🔗]\s*)?#*\s*$")
# A heading copied with its permalink: `Installation¶` (Sphinx), `Why it drops #` (Hugo themes).
# One lazy group only: `.*?\w.*?` backtracked quadratically on long lines (seconds per page).
ANCHORED = re.compile(r"^(?![#\s])(.*?)(?:\s*[¶🔗]|\s+#)\s*$")
ANCHORED_COUNT = 2  # read as `##`: a section, like a dump's own `##` markers
HASHTAG_WORDS = re.compile(r"^#[\w-]+(?:\s+#[\w-]+)+$|^#[a-z][\w-]*$")
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
MARKDOWN_SIGNS = re.compile(r"^(?:#{1,6} \S|\s*```|\s*>\s)|\]\(https?://|\*\*\w", re.M)


@dataclass
class Block:
    """`kind` is `fence` (already fenced), `code` (found here) or `text` (a group of lines)."""

    kind: str
    lines: list[str]
    language: str | None = None
    tags: set[str] = field(default_factory=set)
    """What the reader decided about a text group: `title`, `heading`, `chrome`…"""


def segment(text: str) -> list[Block]:
    """The dump's blocks in order; code blocks keep their lines byte for byte."""
    lines = text.split("\n")
    blocks: list[Block] = []
    stretch: list[str] = []
    i = 0
    while i < len(lines):
        opener = FENCE.match(lines[i])
        if opener:
            end = _fence_end(lines, i, opener.group(1))
            blocks += _unfenced(stretch)
            blocks.append(Block("fence", lines[i:end]))
            stretch, i = [], end
            continue
        stretch.append(lines[i])
        i += 1
    return blocks + _unfenced(stretch)


def _fence_end(lines: list[str], start: int, marker: str) -> int:
    closing = re.compile(rf"^\s{{0,3}}{marker[0]}{{{len(marker)},}}\s*$")
    for k in range(start + 1, len(lines)):
        if closing.match(lines[k]):
            return k + 1
    return len(lines)


def _unfenced(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    at = 0
    for span in find_code(lines):
        blocks += groups(lines[at:span.start - span.labels])  # a file name tab, `Copy`: chrome
        blocks.append(Block("code", lines[span.start:span.end], span.language))
        at = span.end
    return blocks + groups(lines[at:])


def groups(lines: list[str]) -> list[Block]:
    """Runs of non-blank lines, each a text block; marked headings stand alone."""
    out: list[Block] = []
    current: list[str] = []
    padded = [*lines, ""]
    for i, line in enumerate(padded):
        if not line.strip():
            if current:
                out.append(Block("text", current))
            current = []
        elif marked_heading(line) and _stands_alone(line, not (current or padded[i + 1].strip())):
            if current:
                out.append(Block("text", current))
            out.append(Block("text", [line]))
            current = []
        else:
            current.append(line)
    return out


def _stands_alone(line: str, whole_run: bool) -> bool:
    """`#`-led and `¶`-ended headings split a run of lines; a line ending in ` #` does only
    when it is a run of its own, since inside one it is a hard wrap (`… issue #` / `1234 …`)."""
    text = line.strip()
    return whole_run or MARKED_HEADING.match(text) is not None or text.endswith(("¶", "🔗"))


def marked_heading(line: str) -> tuple[int, str] | None:
    """`#Heading`, `## Heading`, `Heading¶`: the marker count and the text without markers or
    permalink signs; hashtag lines are not headings."""
    stripped = line.strip()
    if HASHTAG_WORDS.match(stripped):
        return None
    match = MARKED_HEADING.match(stripped)
    if match and re.search(r"\w", match.group(2)):
        return len(match.group(1)), match.group(2)
    anchored = ANCHORED.match(stripped) if stripped.endswith(("¶", "🔗", "#")) else None
    if anchored and re.search(r"\w", anchored[1]) and len(anchored[1].split()) <= 12 \
            and not anchored[1].endswith("."):
        return ANCHORED_COUNT, anchored[1]
    return None


def looks_like_markdown(text: str) -> bool:
    """Already Markdown (fences, `# ` headings, pipe tables, links): its line breaks stay."""
    lines = text.split("\n")
    if any(PIPE_SEPARATOR.match(line) and "-" in line and "|" in line for line in lines):
        return True
    return len(MARKDOWN_SIGNS.findall(text)) >= 2
