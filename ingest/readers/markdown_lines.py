"""Line-level views of a Markdown body that the Markdown reader's passes share: which lines
are code (never rewritten), the paragraphs, the headings.

The passes change lines one at a time, so every line they do not rewrite stays exactly as
written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# A backtick fence's info string has no backtick (```` ```x``` ```` is inline code).
FENCE = re.compile(r"^(?P<lead>\s*(?:>\s*)*)(?P<fence>`{3,}(?=[^`]*$)|~{3,})(?P<info>.*)$")
ATX = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(?P<rule>=+|-+)[ \t]*$")
BREAK = re.compile(r"^ {0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")  # a thematic break
LIST_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|$)")
CODE_SPAN = re.compile(r"(`+).+?\1")
EMPHASIS = re.compile(r"^(\*{1,2}|_{1,2})(?P<text>\S(?:.*\S)?)\1$")


def code_lines(lines: list[str]) -> tuple[list[bool], set[int]]:
    """For each line, whether it belongs to a code block (fenced or indented, fence lines
    included), and which lines open a fence.

    A scan, not a parse (a block parse of a long changelog takes seconds, and each pass asks):
    an indented line after a blank line is code unless a list is open, whose indented
    paragraphs look the same.
    """
    mask, opens = _code_lines("\n".join(lines))
    return list(mask), set(opens)


@lru_cache(maxsize=4)  # most passes change nothing, so the next one asks about the same text
def _code_lines(text: str) -> tuple[tuple[bool, ...], frozenset[int]]:
    lines = text.split("\n")
    mask: list[bool] = []
    opens: set[int] = set()
    closing: str | None = None  # the fence that ends the open fenced block
    in_list = in_indented = False
    after_blank = True
    for i, line in enumerate(lines):
        content = line.strip()
        if closing is not None:
            rest = content.lstrip("> ").strip()
            closing = None if rest.startswith(closing) and set(rest) == {closing[0]} else closing
            mask.append(True)
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        code_line = bool(content) and indent >= 4 and not in_list and (after_blank or in_indented)
        in_indented = code_line or (in_indented and not content)  # blank lines may go on a block
        fence = None if in_indented else FENCE.match(line)
        if fence:
            closing = fence["fence"]
            opens.add(i)
        mask.append(bool(fence) or (in_indented and bool(content)))
        if content and indent < 4 and not fence:
            in_list = bool(LIST_ITEM.match(line)) or (in_list and not (after_blank and indent < 2))
        after_blank = not content
    return tuple(mask), frozenset(opens)


def paragraphs(lines: list[str], mask: list[bool]) -> list[tuple[int, int]]:
    """(first, end) line ranges of the runs of non-blank lines outside code."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*lines, ""]):
        text = i < len(lines) and not mask[i] and bool(line.strip())
        if text and start is None:
            start = i
        elif not text and start is not None:
            runs.append((start, i))
            start = None
    return runs


def heading(lines: list[str], i: int) -> tuple[int, str] | None:
    """(level, text) when line `i` is an ATX heading or a setext heading's text line."""
    if match := ATX.match(lines[i]):
        return len(match["marks"]), (match["text"] or "").strip()
    below = lines[i + 1] if i + 1 < len(lines) else ""
    above = lines[i - 1] if i > 0 else ""
    if lines[i].strip() and not above.strip() and (match := SETEXT.match(below)):
        return (1 if match["rule"][0] == "=" else 2), lines[i].strip()
    return None


def outside_code_spans(line: str, change: Callable[[str], str]) -> str:
    """`change` applied to the line's text but not to its inline code spans."""
    parts: list[str] = []
    end = 0
    for span in CODE_SPAN.finditer(line):
        parts += [change(line[end:span.start()]), span[0]]
        end = span.end()
    return "".join([*parts, change(line[end:])])


def unemphasised(text: str) -> str:
    """`**By Ana Souza**`, `*Oct 3, 2026*` → the text inside the emphasis around all of it."""
    match = EMPHASIS.match(text.strip())
    return match["text"] if match else text.strip()


def without(lines: list[str], drop: set[int]) -> list[str]:
    """`lines` without the lines in `drop`, and without the blank line each leaves behind."""
    out: list[str] = []
    for i, line in enumerate(lines):
        dropped_above = i - 1 in drop and (not out or not out[-1].strip())
        if i in drop or (dropped_above and not line.strip()):
            if i not in drop:
                drop = drop | {i}  # a run of dropped lines keeps swallowing its blanks
            continue
        out.append(line)
    return out
