"""An article's HTML fragment to Markdown, walking the Lexbor tree selectolax already built.

Why not bs4 + markdownify here: on the benchmark's pages, re-parsing the selected fragment with
bs4 and converting it with markdownify took about 18 ms a page, half again as long as
trafilatura's whole extraction, so the 5x speed target could not be met with it. Walking the
tree we already have takes well under a millisecond and lets tables (full grids), code
(language, exact text) and links (safe schemes only) be written exactly as the conventions say.

Every output is CommonMark + GFM tables, which `structure.parse` reads back.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ingest.code_names import PLAIN
from ingest.readers.html_safety import safe_url

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul",
          "ol", "li", "blockquote", "pre", "table", "figure", "figcaption", "hr", "dl", "dt", "dd",
          "address", "details", "summary", "center", "form", "fieldset", "body", "thead",
          "tbody", "tfoot", "tr", "td", "th", "caption", *HEADINGS}
SKIPPED = {"img", "picture", "video", "audio", "source", "track", "map", "area", "wbr",
           "-comment", "button", "input", "select", "textarea", "option", "label", "meter",
           "progress", "head", "title", "meta", "link", "script", "style", "noscript",
           "template", "svg", "math", "iframe", "object", "embed", "canvas"}
SPACES = re.compile(r"[ \t\n\r\f\u00a0\u200b\ufeff]+")
ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
# A run of `#` is a heading marker too (`###`, a press release's end mark, is not a heading).
MARKDOWN_AT_LINE_START = re.compile(r"^(\s*)(#{1,6}|[>+\-*=]|\d+[.)])(?=\s|$)")
# Only `<` before a tag-like character is escaped: it would otherwise become raw HTML in the
# Markdown. Other Markdown punctuation is left alone because block and cell text are stored as
# written, and emphasis from a stray `*` costs less than backslashes in every stored value.
INLINE_SPECIAL = re.compile(r"(<(?=[A-Za-z/!?]))")
# `language-x`, `lang-x`, `highlight-source-x` (GitHub), `highlight-x`, `brush: x`. The prefix is
# glued to the name: `highlight highlight-source-shell` is not the language `highlight-source-…`.
LANGUAGE = re.compile(r"(?:^|\s)(?:language-|lang-|highlight-source-|highlight-|brush:\s*)"
                      r"([A-Za-z0-9_+#.-]+)")
LANGUAGE_ATTRIBUTES = ("data-lang", "data-language", "data-code-block-lang")
NOT_LANGUAGES = PLAIN | {"default"}  # `highlight-default`: Sphinx states no language
# highlight.js pages often put the bare language name on `<code>` (`class="sql"`, `class="hljs
# ini"`). A bare class word is only a language when it is one of these well-known names; single
# letters (`c`, `r`) are too often something else to trust.
BARE_LANGUAGES = frozenset((
    "bash", "sh", "shell", "zsh", "console", "powershell", "python", "py", "javascript", "js",
    "typescript", "ts", "jsx", "tsx", "java", "kotlin", "scala", "groovy", "go", "golang", "rust",
    "ruby", "rb", "php", "perl", "lua", "swift", "objectivec", "cpp", "csharp", "cs", "fsharp",
    "haskell", "elixir", "erlang", "clojure", "ocaml", "sql", "pgsql", "plsql", "ini", "toml",
    "yaml", "yml", "json", "xml", "html", "css", "scss", "less", "markdown", "dockerfile",
    "makefile", "nginx", "apache", "diff", "graphql", "protobuf", "latex", "tex", "matlab",
    "julia", "dart", "vim"))
# A paragraph that is one escaped tag (`<img height="1" …>` shown as text) is markup a page
# leaked, typically a tracking pixel: no reader sees it as article text.
LEAKED_TAG = re.compile(r"^\\?<[A-Za-z][^<>]*>$")
LINKED_BLOCKS = "p, div, h1, h2, h3, h4, h5, h6, ul, ol, table, blockquote"
MAX_DEPTH = 400  # nesting beyond this is flattened to text instead of recursing


def to_markdown(node: LexborNode) -> str:
    """The fragment under `node` as Markdown blocks separated by blank lines."""
    return "\n\n".join(markdown_blocks(node)) + "\n"


def markdown_blocks(node: LexborNode) -> list[str]:
    """The fragment under `node` as Markdown blocks (a heading, a paragraph, a list, a table…)."""
    return [block for block in _blocks(node, 0) if block.strip()]


def element_markdown(node: LexborNode) -> list[str]:
    """`node` itself as Markdown blocks (a `<ul>` as a list, where `markdown_blocks` would
    write its items' contents)."""
    return [block for block in _block(node, 0) if block.strip()]


def _blocks(node: LexborNode, depth: int) -> list[str]:
    blocks: list[str] = []
    inline: list[str] = []
    for child in _children(node):
        tag = child.tag
        if tag in SKIPPED or (tag == "br" and not inline):
            continue
        if tag == "-text" or tag not in BLOCKS:
            inline.append(_inline(child, depth + 1))
            continue
        _flush(inline, blocks)
        blocks.extend(_block(child, depth + 1))
    _flush(inline, blocks)
    return blocks


def _children(node: LexborNode) -> list[LexborNode]:
    # A chain of wrappers with one element child each (20,000 nested <div>s) is skipped in a
    # loop, so depth in the HTML costs no recursion here.
    while True:
        children = list(node.iter(include_text=True))
        elements = [c for c in children if c.tag != "-text" or (c.text_content or "").strip()]
        if len(elements) == 1 and elements[0].tag in ("div", "section", "span", "article",
                                                      "main", "center"):
            node = elements[0]
            continue
        return children


def _flush(inline: list[str], blocks: list[str]) -> None:
    text = _tidy("".join(inline))
    inline.clear()
    if text and not LEAKED_TAG.match(text):
        blocks.append(_escape_line_starts(text))


def _block(node: LexborNode, depth: int) -> list[str]:
    tag = node.tag
    if depth > MAX_DEPTH:
        return [_escape_line_starts(_tidy(node.text(deep=True, separator=" ")))]
    if tag in HEADINGS:
        text = _heading_text(node, depth)
        return [f"{'#' * HEADINGS[tag]} {text}"] if text else []
    if tag == "p":
        text = _tidy(_inline_children(node, depth))
        return [_escape_line_starts(text)] if text else []
    if tag in ("ul", "ol"):
        return _list(node, depth)
    if tag == "blockquote":
        inner = "\n\n".join(_blocks(node, depth))
        return ["\n".join(f"> {line}".rstrip() for line in inner.split("\n"))] if inner else []
    if tag == "pre":
        return [_code_block(node)]
    if tag == "table":
        from ingest.readers.html_tables import image_layout, table_markdown

        if image_layout(node):  # a photo and its caption laid out in a table: text, not data
            return _blocks(node, depth)
        return table_markdown(node, lambda cell: cell_text(cell, depth))
    if tag == "hr" or (tag == "figcaption" and node.parent is not None
                       and node.parent.css_first("table") is not None):
        return []  # a table's figcaption is already its `Table:` caption
    if tag == "dt":
        text = _tidy(_inline_children(node, depth))
        return [f"**{text}**"] if text else []
    return _blocks(node, depth)


def _list(node: LexborNode, depth: int) -> list[str]:
    ordered = node.tag == "ol"
    start = int(node.attributes.get("start") or 1) if ordered and \
        (node.attributes.get("start") or "").isdigit() else 1
    items = []
    for number, item in enumerate((c for c in node.iter() if c.tag == "li"), start=start):
        marker = f"{number}. " if ordered else "- "
        inner = "\n\n".join(_blocks(item, depth + 1)) if item.tag else ""
        if not inner.strip():
            continue
        pad = " " * len(marker)
        lines = inner.split("\n")
        items.append("\n".join([marker + lines[0]] + [pad + line if line else ""
                                                      for line in lines[1:]]))
    tight = all("\n\n" not in item for item in items)
    return ["\n".join(items) if tight else "\n\n".join(items)] if items else []


def _heading_text(node: LexborNode, depth: int) -> str:
    for anchor in node.css("a"):
        if _permalink(anchor):
            anchor.decompose()
    text = _tidy(ZERO_WIDTH.sub("", _inline_children(node, depth)).replace("\n", " "))
    return re.sub(r"^[#¶§]+\s*|\s*[#¶§🔗]+$", "", text).strip()


def _permalink(anchor: LexborNode) -> bool:
    """A permalink anchor (`<a href="#x">#</a>`, `¶`): page furniture, not heading text."""
    return (anchor.attributes.get("href") or "").startswith("#") and \
        not re.search(r"\w", anchor.text() or "")


def cell_text(cell: LexborNode, depth: int = 0) -> str:
    """A table cell's or caption's text as shown, with no Markdown markup: the conventions keep
    cell text exactly, so bold headers, code and links are their words (and `<br>` a space)."""
    text = SPACES.sub(" ", _plain(cell, depth)).strip()
    return INLINE_SPECIAL.sub(r"\\\1", text) if "<" in text else text


def _plain(node: LexborNode, depth: int) -> str:
    parts: list[str] = []
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br":
            parts.append(" ")
        elif tag in SKIPPED or (tag == "a" and _permalink(child)):
            continue
        elif depth > MAX_DEPTH:
            parts.append(child.text(deep=True, separator=" ") or "")
        else:
            inner = _plain(child, depth + 1)
            parts.append(f" {inner} " if tag in BLOCKS else inner)
    return "".join(parts)


def _inline_children(node: LexborNode, depth: int) -> str:
    return "".join(_inline(child, depth + 1) for child in node.iter(include_text=True))


def _inline(node: LexborNode, depth: int) -> str:
    tag = node.tag
    if tag == "-text":
        text = SPACES.sub(" ", node.text_content or "")
        return INLINE_SPECIAL.sub(r"\\\1", text) if "<" in text else text
    if tag in SKIPPED:
        return ""
    if tag == "br":
        return "\n"
    if depth > MAX_DEPTH:
        return SPACES.sub(" ", node.text(deep=True, separator=" "))
    if tag in BLOCKS:  # a block inside inline content (a <div> in a <span>): keep it apart
        return "\n" + "\n\n".join(_block(node, depth)) + "\n"
    if tag == "a" and node.css_first(LINKED_BLOCKS) is not None:
        return "\n" + "\n\n".join(_blocks(node, depth)) + "\n"  # a card: blocks, not a link
    inner = _inline_children(node, depth)
    if tag == "a":
        return _link(node, inner)
    if tag == "code" or tag in ("kbd", "samp", "tt"):
        return _code_span(node.text(deep=True) or "")
    return _emphasis(tag, inner)


def _emphasis(tag: str, inner: str) -> str:
    marker = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}.get(tag)
    if not marker or not inner.strip():
        return inner
    lead, core, trail = re.match(r"(\s*)(.*?)(\s*)\Z", inner, re.S).groups()  # type: ignore[union-attr]
    return f"{lead}{marker}{core}{marker}{trail}"


def _link(node: LexborNode, inner: str) -> str:
    href = safe_url(node.attributes.get("href"))
    text = inner.strip()
    if not text or href is None or href.startswith("#"):
        return inner
    href = href.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return f"[{text}]({href})"


def _code_span(text: str) -> str:
    text = SPACES.sub(" ", text)
    if not text.strip():
        return text
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _code_block(pre: LexborNode) -> str:
    code = _pre_text(pre).strip("\n")
    language = code_language(pre)
    fence = "`" * max(3, max((len(r) for r in re.findall(r"^`{3,}", code, re.M)), default=0) + 1)
    return f"{fence}{language or ''}\n{code}\n{fence}"


def code_language(pre: LexborNode) -> str | None:
    """The language a page states for a code block: a class on <pre>, <code> or a wrapper."""
    # Medium states it on the `<span>` inside the `<pre>` (`data-code-block-lang`).
    stated = pre.css_first(", ".join(f"[{name}]" for name in LANGUAGE_ATTRIBUTES))
    code = pre.css_first("code")
    # Sphinx states it two levels up: `<div class="highlight-python"><div class="highlight"><pre>`.
    parent = pre.parent
    candidates = [pre, code, stated, parent, parent.parent if parent is not None else None]
    unstated = False  # `language-none`, `highlight-default`: the page says it names none
    for node in candidates:
        if node is None:
            continue
        attrs = node.attributes
        if value := next((attrs.get(name) for name in LANGUAGE_ATTRIBUTES if attrs.get(name)),
                         None):
            return value.lower()
        if match := LANGUAGE.search(attrs.get("class") or ""):
            language = match[1].lower()
            if language not in NOT_LANGUAGES:
                return language
            unstated = True
    return None if unstated else _bare_language(pre, code)


def _bare_language(pre: LexborNode, code: LexborNode | None) -> str | None:
    """A known language name given as a bare class word on `<code>` or `<pre>` (highlight.js)."""
    for node in (code, pre):
        if node is None:
            continue
        for word in (node.attributes.get("class") or "").lower().split():
            if word in BARE_LANGUAGES:
                return word
    return None


def _pre_text(node: LexborNode) -> str:
    """Exact text of a <pre>: `<br>` and per-line block wrappers (highlight.js) become newlines."""
    parts: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, str):
            parts.append(current)
            continue
        for child in reversed(list(current.iter(include_text=True))):
            if child.tag == "-text":
                stack.append(child.text_content or "")
            elif child.tag == "br":
                stack.append("\n")
            elif child.tag in ("div", "p", "tr"):
                stack.append("\n")
                stack.append(child)
            elif child.tag not in ("-comment", "button", "script", "style"):
                stack.append(child)
    text = "".join(parts)
    return text.replace("\r\n", "\n").replace("\u00a0", " ")


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def _escape_line_starts(text: str) -> str:
    return "\n".join(MARKDOWN_AT_LINE_START.sub(r"\1\\\2", line) for line in text.split("\n"))


def text_of(node: LexborNode) -> str:
    """Plain text of a node, whitespace collapsed (the parser has decoded entities once)."""
    return SPACES.sub(" ", node.text(deep=True, separator=" ") or "").strip()
