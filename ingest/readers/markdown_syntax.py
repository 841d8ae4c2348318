"""Template and extension syntax that renders to nothing, taken out of a Markdown body.

Static-site sources hold markup their generator replaces: Liquid tags (`{% include %}`),
Hugo shortcodes (`{{< figure >}}`), kramdown's `{:toc}` and `{: .class}` attribute lists,
pandoc's `::: {.note}` div fences and `{.class}` spans, `<!--more-->` and other HTML comments,
fence attributes (`go {linenos=table}`, `{#id .python .numberLines}`). None of it is article
text. Jekyll's `{% highlight ruby %}` is a code block, so it becomes a fence. Code is never
touched: a page about Liquid shows its tags inside fences.
"""

from __future__ import annotations

import re

from ingest.readers.markdown_lines import FENCE, code_lines, outside_code_spans, without
from ingest.structure import info_language

HIGHLIGHT_OPEN = re.compile(r"^\s*(?:\{%-?\s*highlight\s+(?P<a>[\w+#.-]+)[^%]*%\}|"
                            r"\{\{[<%]\s*highlight\s+(?P<b>[\w+#.-]+)[^}]*[>%]\}\})\s*$")
HIGHLIGHT_CLOSE = re.compile(r"^\s*(?:\{%-?\s*endhighlight\s*-?%\}|"
                             r"\{\{[<%]\s*/\s*highlight\s*[>%]\}\})\s*$")
INLINE_MARKUP = re.compile(
    r"\{%.*?%\}"                   # Liquid tag
    r"|\{\{<.*?>\}\}|\{\{%.*?%\}\}"  # Hugo shortcode
    r"|<!--.*?-->"                 # HTML comment, `<!--more-->`
    r"|\{:[^{}\n]*\}"              # kramdown attribute list
    r"|(?<=[)\]])\{(?:[#.]|[\w-]+=)[^{}\n]*\}")  # pandoc attributes after a link or image
PANDOC_SPAN = re.compile(r"\[([^\]\n]*)\]\{[#.][^{}\n]*\}")  # `[text]{.smallcaps}`
DIV_FENCE = re.compile(r"^\s*:{3,}")  # pandoc `::: {.note}`, Docusaurus `:::tip`, closing `:::`
TOC_MARKER = re.compile(r"^\s*(?:\[TOC\]|\[\[_?TOC_?\]\]|\$\{toc\}|\[toc\])\s*$", re.I)
TOC_ITEM = re.compile(r"^\s*(?:[*+-]|1\.)\s+(?:TOC|Table of contents)\s*$", re.I)
KRAMDOWN_TOC = re.compile(r"^\s*\{:\s*\.?toc\b[^}]*\}\s*$", re.I)
# A tag or comment that goes on over several lines: skipped up to its end.
SPANNING = {"<!--": "-->", "{{<": ">}}", "{{%": "%}}", "{%": "%}"}
SPANNING_OPEN = re.compile(r"^\s*(<!--|\{\{<|\{\{%|\{%)")
MAX_SPAN = 200  # lines; an opener never closed is a typo, not the rest of the file


def clean(markdown: str) -> str:
    """`markdown` without template and extension markup; `{% highlight %}` fenced."""
    lines = _highlights(markdown.split("\n"))
    mask, opens = code_lines(lines)
    out = list(lines)
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if mask[i]:
            out[i] = _fence_info(line) if i in opens else line
        elif KRAMDOWN_TOC.match(line):
            drop.update({i, i - 1} if i and TOC_ITEM.match(lines[i - 1]) else {i})
        elif DIV_FENCE.match(line) or TOC_MARKER.match(line):
            drop.add(i)
        elif "{" in line or "<!--" in line:  # what every pattern needs; most lines lack both
            stripped = outside_code_spans(line, _markup_gone)
            if (end := _spanning_end(lines, i, stripped)) is not None:
                drop.update(range(i, end + 1))
            elif not stripped.strip():  # a line of markup only
                drop.add(i)
            elif stripped != line:
                out[i] = stripped.rstrip()
    return "\n".join(without(out, drop))


def _spanning_end(lines: list[str], i: int, text: str) -> int | None:
    """The last line of a tag or comment opening on line `i` and closing on a later one."""
    opener = SPANNING_OPEN.match(text)
    if opener is None or SPANNING[opener[1]] in text:
        return None
    closer = SPANNING[opener[1]]
    return next((j for j in range(i + 1, min(len(lines), i + MAX_SPAN))
                 if closer in lines[j]), None)


def _markup_gone(text: str) -> str:
    return INLINE_MARKUP.sub("", PANDOC_SPAN.sub(r"\1", text))


def _highlights(lines: list[str]) -> list[str]:
    """`{% highlight ruby %}` … `{% endhighlight %}` (and Hugo's `{{< highlight >}}`) as a
    fence, long enough to hold any backtick run inside. One block at a time: the code in one
    may hold a fence line, which is not a fence until the block is fenced."""
    if not any("highlight" in line for line in lines):
        return lines
    out = list(lines)
    while (block := _highlight_block(out)) is not None:
        start, end, language = block
        runs = re.findall(r"`{3,}", "\n".join(out[start + 1:end]))
        fence = "`" * max([3, *(len(run) + 1 for run in runs)])
        out[start], out[end] = f"{fence}{language}", fence
    return out


def _highlight_block(lines: list[str]) -> tuple[int, int, str] | None:
    mask = code_lines(lines)[0]
    for i, line in enumerate(lines):
        if not mask[i] and (match := HIGHLIGHT_OPEN.match(line)):
            end = next((j for j in range(i + 1, len(lines)) if HIGHLIGHT_CLOSE.match(lines[j])),
                       None)
            return (i, end, match["a"] or match["b"]) if end is not None else None
    return None


def _fence_info(line: str) -> str:
    """An opening fence keeps its language word and loses the attributes after it."""
    match = FENCE.match(line)
    info = match["info"].strip() if match else ""
    if not match or not info:
        return line
    language = info_language(info)
    if language == info:
        return line
    return f"{match['lead']}{match['fence']}{language or ''}"
