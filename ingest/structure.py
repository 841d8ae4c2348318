"""Markdown to structure: the section tree, blocks, tables, code blocks and links.

One parser (markdown-it-py, CommonMark plus GFM tables) reads the Markdown every reader produces,
so the three input formats cannot drift apart. Offsets are character offsets into the Markdown
given, which `pipeline` stores as `body_markdown`, so a claim can always be shown in place.

A table's caption is written as a pandoc-style `Table: caption` paragraph right after the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import block as _block_rule
from markdown_it.rules_core import inline as _inline_rule
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from ingest.code_names import canonical
from ingest.models import Block, CodeBlock, Link, Section, Table

CAPTION = re.compile(r"\ATable:\s+(.+)\Z", re.S)
# A permalink is a link with no text, or only a symbol, to the heading's own anchor
# (`[](#id)Text`, `Text [#](#id)`); attributes are pandoc/kramdown's `{#id .class}` or `{-}`.
HEADING_LINK = re.compile(r"\[\s*(?:\\?#|¶|§|🔗)?\s*\]\([^)\s]*\)")
HEADING_ATTRIBUTES = re.compile(r"\s*\{[#.:-][^{}]*\}\s*$")
HEADING_NOISE = re.compile(r"[\u200b-\u200f\u2060\ufeff]|[¶§🔗]|\s+#+\s*$|^#+\s*")
# A fence's info string: `python`, `go {linenos=table}`, `ts title="a.ts"`, `js:title=a.js`,
# pandoc's `{#id .python .numberLines}` (the first class) or Quarto's `{r label}`.
INFO_WORD = re.compile(r"[^\s{},:]+")
# `{python}`, `{r}`: the engines Quarto and R Markdown run; MyST's code directives name the
# language after the braces (`{code-block} python`); other braced words are directives.
BRACED_DIRECTIVES = frozenset({"code-block", "code", "code-cell", "sourcecode"})
BRACED = frozenset({"python", "r", "julia", "sql", "bash", "ojs", "mermaid", "dot",
                    *BRACED_DIRECTIVES})
WORD = re.compile(r"\w+")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@cache
def _core_rules() -> tuple[list, list]:  # type: ignore[type-arg]
    """markdown-it's core rules, split after the block rule: block structure, then inline."""
    rules = _parser().core.ruler.getRules("")
    split = rules.index(_block_rule) + 1
    return rules[:split], rules[split:]


def _blocks(markdown: str) -> StateCore:
    """The block-level parse: headings, paragraphs, lists... with their inline text unparsed."""
    state = StateCore(markdown, _parser(), {})
    for rule in _core_rules()[0]:
        rule(state)
    return state


def _tokens(markdown: str, blocks: StateCore | None) -> list[Token]:
    """The parse `_Walker` needs, going on from `blocks` (`settle`'s block parse) when it is of
    this same Markdown (it usually is: pipeline calls the two in a row).

    It is `_parser().parse(markdown)` but for one thing: inline text that cannot hold a link
    (no `[`, no `<`) is not parsed into children, since children are only read for links.
    """
    state = blocks if blocks is not None and blocks.src == markdown else _blocks(markdown)
    for rule in _core_rules()[1]:
        if rule is _inline_rule and not state.md.options.get("linkify"):
            _inline_links(state)
        else:
            rule(state)
    return state.tokens


def _inline_links(state: StateCore) -> None:
    """markdown-it's core `inline` rule, for the inline tokens that may hold a link."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if "[" in token.content or "<" in token.content:
                md.inline.parse(token.content, md, state.env, token.children)


class Settled(NamedTuple):
    """`settle`'s result: the Markdown, its title, and the block parse made of that Markdown
    when it came back unchanged (for `parse` to go on from; None when it was rewritten)."""

    markdown: str
    title: str | None
    blocks: StateCore | None


@dataclass
class Structure:
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


def clean_heading(text: str) -> str:
    text = HEADING_ATTRIBUTES.sub("", HEADING_LINK.sub("", text))
    return " ".join(HEADING_NOISE.sub("", text).split())


def info_language(info: str) -> str | None:
    """The language word a fence's info string states, as written, without attributes."""
    info = info.strip()
    if info.startswith("{"):
        inner, _, after = info[1:].partition("}")
        classes = [word[1:] for word in inner.split() if word.startswith(".") and len(word) > 1]
        if classes:
            return classes[0]
        word = INFO_WORD.match(inner.strip())
        if word is None or word[0].lower() not in BRACED:  # MyST's `{note}` is no language
            return None
        info = after if word[0].lower() in BRACED_DIRECTIVES else word[0]
    word = INFO_WORD.match(info.strip())
    return word[0] if word and "=" not in word[0] else None


def word_count(markdown: str) -> int:
    """Words a reader reads: code blocks do not count."""
    if "```" in markdown or "~~~" in markdown:  # the search for fences costs more than this test
        markdown = FENCE.sub("", markdown)
    return len(WORD.findall(markdown))


def settle_title(markdown: str, title: str | None) -> tuple[str, str | None]:
    """Markdown whose only level-1 heading is the title, and the title (see `settle`)."""
    settled = settle(markdown, title)
    return settled.markdown, settled.title


def settle(markdown: str, title: str | None) -> Settled:
    """Return Markdown whose only level-1 heading is the title, and the title.

    Readers of Markdown and text often have the title as metadata and sections as `#`; readers
    see the title as level 1, sections as 2. When the Markdown does not open with the title, the
    title is prepended and every heading is shifted so the shallowest becomes level 2 (`#`
    sections move down, `###` sections under a title given as metadata move up).
    """
    lines = markdown.splitlines(keepends=True)
    state = _blocks(markdown)  # headings need no inline parse
    tokens = state.tokens
    headings = [(t, int(t.tag[1])) for t in tokens if t.type == "heading_open"]
    texts = [clean_heading(tokens[i + 1].content) for i, t in enumerate(tokens)
             if t.type == "heading_open"]
    opens = bool(headings) and (headings[0][0].map or [0])[0] == _first_content_line(lines)
    if opens and headings[0][1] == 1 and (title is None or _same(texts[0], title)):
        if sum(level == 1 for _, level in headings) == 1:
            return Settled(markdown, title or texts[0], state)
        return Settled(_relevel(lines, headings[1:], texts[1:]), title or texts[0], None)
    if title is None:
        return Settled(markdown, None, state)
    body = _relevel(lines, headings, texts)
    return Settled(f"# {title}\n\n{body.lstrip()}", title, None)


def _first_content_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), 0)


def _same(a: str, b: str) -> bool:
    return WORD.findall(a.casefold()) == WORD.findall(b.casefold())


def _relevel(lines: list[str], headings: list[tuple[Token, int]], texts: list[str]) -> str:
    if not headings:
        return "".join(lines)
    shift = 2 - min(level for _, level in headings)
    out = list(lines)
    for (token, level), text in zip(headings, texts, strict=True):
        start, end = token.map or (0, 0)
        marks = out[start].find("#") if token.markup.startswith("#") else -1
        prefix = out[start][:marks] if marks > 0 else ""  # a list item's `- ` or a quote's `> `
        out[start] = f"{prefix}{'#' * max(1, min(6, level + shift))} {text}\n"
        for i in range(start + 1, end):  # a setext heading's underline
            out[i] = ""
    return "".join(out)


def parse(markdown: str, blocks: StateCore | None = None) -> Structure:
    """Split Markdown into sections, blocks, tables, code blocks and links; `blocks`: the block
    parse `settle` made of this Markdown, when there is one (saves parsing it again)."""
    tokens = _tokens(markdown, blocks)
    line_starts = [0, *accumulate(len(line) for line in markdown.splitlines(keepends=True))]
    walker = _Walker(markdown, line_starts)
    walker.walk(tokens)
    return walker.finish()


class _Walker:
    """One pass over markdown-it's token stream, keeping the current section and containers."""

    def __init__(self, markdown: str, line_starts: list[int]) -> None:
        self.markdown = markdown
        self.line_starts = line_starts
        self.out = Structure()
        self.section_starts: list[tuple[int, int, str, int | None, str]] = []
        self.containers: list[str] = []
        self._table_end = 0

    @property
    def section(self) -> int:
        return max(0, len(self.section_starts) - 1)

    def offset(self, line: int) -> int:
        return self.line_starts[min(line, len(self.line_starts) - 1)]

    def walk(self, tokens: list[Token]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.type == "heading_open":
                self.heading(token, tokens[i + 1])
                i += 3
                continue
            if token.type in ("bullet_list_open", "ordered_list_open"):
                self.containers.append("list_item")
            elif token.type == "blockquote_open":
                self.containers.append("quote")
            elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
                self.containers.pop()
            elif token.type == "paragraph_open":
                self.paragraph(token, tokens[i + 1])
            elif token.type in ("fence", "code_block"):
                self.code(token)
            elif token.type == "table_open":
                i = self.table(tokens, i)
                continue
            i += 1

    def ensure_preamble(self) -> None:
        if not self.section_starts:
            self.section_starts.append((0, 0, "", None, ""))

    def heading(self, token: Token, inline: Token) -> None:
        level = int(token.tag[1])
        line = token.map[0] if token.map else 0
        if not self.section_starts and self.markdown[: self.offset(line)].strip():
            self.ensure_preamble()
        parent = next((p for p in range(len(self.section_starts) - 1, -1, -1)
                       if 0 < self.section_starts[p][1] < level), None)
        heading = clean_heading(inline.content)
        inherited = parent is not None and self.section_starts[parent][1] > 1
        prefix = f"{self.section_starts[parent][4]} > " if inherited else ""  # type: ignore[index]
        self.section_starts.append((line, level, heading, parent, prefix + heading))
        self.links(inline)

    def paragraph(self, token: Token, inline: Token) -> None:
        self.ensure_preamble()
        self.links(inline)
        first, last = token.map or (0, 0)
        text = inline.content
        if self.out.tables and CAPTION.match(text) and self._follows_table(first):
            table = self.out.tables[-1]
            caption = CAPTION.match(text)
            self.out.tables[-1] = table.model_copy(update={"caption": caption.group(1).strip()})
            return
        start = self.offset(first) + max(0, self._line(first).find(text.split("\n", 1)[0]))
        last_line = self._line(last - 1).rstrip()
        end = max(start, self.offset(last - 1) + len(last_line))
        self.out.blocks.append(Block(
            section=self.section, position=len(self.out.blocks),
            kind=self.containers[-1] if self.containers else "paragraph",  # type: ignore[arg-type]
            text=self.markdown[start:end], start=start, end=end,
        ))

    def _line(self, line: int) -> str:
        return self.markdown[self.offset(line):self.offset(line + 1)]

    def _follows_table(self, line: int) -> bool:
        return not self.markdown[self._table_end:self.offset(line)].strip()

    def code(self, token: Token) -> None:
        self.ensure_preamble()
        language = canonical(info_language(token.info))
        self.out.code_blocks.append(CodeBlock(
            section=self.section, position=len(self.out.code_blocks),
            language=language, code=token.content.removesuffix("\n"),
        ))

    def table(self, tokens: list[Token], i: int) -> int:
        self.ensure_preamble()
        self._table_end = self.offset((tokens[i].map or (0, 0))[1])
        rows: list[list[str]] = []
        header_rows = 0
        in_head = False
        while tokens[i].type != "table_close":
            kind = tokens[i].type
            if kind in ("thead_open", "thead_close"):
                in_head = kind == "thead_open"
            elif kind == "tr_open":
                rows.append([])
                header_rows += in_head
            elif kind == "inline":
                rows[-1].append(tokens[i].content.strip().replace("\\|", "|"))
                self.links(tokens[i])
            i += 1
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        self.out.tables.append(Table(section=self.section, position=len(self.out.tables),
                                     header_rows=header_rows, rows=rows))
        return i + 1

    def links(self, inline: Token) -> None:
        children = inline.children or []
        for j, child in enumerate(children):
            if child.type == "link_open":
                text = []
                for inner in children[j + 1:]:
                    if inner.type == "link_close":
                        break
                    text.append(inner.content)
                self.out.links.append(Link(url=str(child.attrs.get("href", "")),
                                           text="".join(text).strip()))

    def finish(self) -> Structure:
        starts = self.section_starts or [(0, 0, "", None, "")]
        bounds = [self.offset(line) for line, *_ in starts] + [len(self.markdown)]
        bounds[0] = 0
        for position, (line, level, heading, parent, path) in enumerate(starts):
            start, end = bounds[position], bounds[position + 1]
            body_start = self.offset(line + 1) if level else start
            self.out.sections.append(Section(
                position=position, level=level, heading=heading, parent=parent, path=path,
                text=self.markdown[min(body_start, end):end].strip(), start=start, end=end,
            ))
        return self.out
