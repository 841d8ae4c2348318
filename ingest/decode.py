"""Bytes to text, and which reader the text is for.

Decoding order: a byte-order mark; strict UTF-8 (valid multi-byte UTF-8 is almost never anything
else, and pages often declare ISO-8859-1 over UTF-8 bytes); the charset an HTML page declares;
then charset-normalizer's detection. A declared `iso-8859-1` or `ascii` is read as windows-1252,
as browsers do (WHATWG Encoding Standard). Binary input is refused, never decoded with
`errors="ignore"`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

from charset_normalizer import from_bytes

from ingest.errors import IngestError
from ingest.models import Format

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Magic numbers of files people keep next to their articles by mistake.
BINARY_SIGNATURES = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"SQLite format 3": "SQLite database",
}
WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.-]+)""", re.I)

HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_EXTENSIONS = {".md", ".markdown", ".mdown", ".mkd"}
HTML_START = re.compile(r"\A\s*(<!doctype\s+html|<html\b|<head\b|<body\b|<meta\b|<!--)", re.I)
MARKUP_LINES = 0.3  # share of non-blank lines holding a tag, in a page saved without <html>
HTML_TAGS = re.compile(r"</?(p|div|article|span|a|h[1-6]|table|ul|li|section)\b[^>]*>", re.I)
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\s*\n")
MARKDOWN_SIGNS = re.compile(r"^(#{1,6} \S|```|\s*[-*+] \S|\s*\d+\. \S|>\s|\|.*\|\s*$)", re.M)
# `#Heading` (no space) is how browsers' copy turns headings into text; `#tag` lines are
# lower case, so only capitalised ones count.
TEXT_DUMP_HEADING = re.compile(r"^#{1,6}[A-Z0-9][^\n]*$", re.M)
MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.M)


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Return the text of `data`, or raise IngestError saying why it is not text.

    `declared` is a charset from outside the bytes (an HTTP header); it ranks with `<meta>`.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, source)
    _refuse_binary(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _charset_name(declared) if declared else _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _strict(data, _detect(data, source), source)


def _detect(data: bytes, source: str) -> str:
    results = from_bytes(data)
    best = results.best()
    if best is None or best.encoding is None:
        raise IngestError(source, "undecodable text (no character encoding fits its bytes)")
    # Single-byte code pages often tie (cp1250, cp1252, cp1257 read most Latin text equally
    # well); windows-1252 is the web's most common legacy encoding, so it wins a tie.
    tied = {r.encoding for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)}
    return "cp1252" if "cp1252" in tied else best.encoding


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            source, f"undecodable text ({encoding} fails at byte {error.start})"
        ) from None


def _refuse_binary(data: bytes, source: str) -> None:
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise IngestError(source, f"binary file ({kind})")
    nul = data.find(b"\x00")
    if nul != -1:
        raise IngestError(source, f"binary file (NUL byte at offset {nul})")


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    return _charset_name(match.group(1).decode("ascii"))


def _charset_name(name: str) -> str | None:
    name = name.strip().lower()
    if name in WINDOWS_1252_ALIASES:
        return "windows-1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _mostly_markup(head: str) -> bool:
    """Tags on many of the lines: a page (or a fragment of one) saved without its `<html>`.
    A few tags on a few lines are an embed snippet or inline HTML in a text or Markdown file."""
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(HTML_TAGS.search(line) is not None for line in lines)
    return len(HTML_TAGS.findall(head)) >= 3 and tagged >= MARKUP_LINES * len(lines)


def sniff(text: str, origin: str) -> Format:
    """Which reader fits: content decides, the file extension breaks ties.

    An `.html` file holding Markdown is read as Markdown, and a `.txt` holding a saved page as
    HTML: people rename files freely. Prose with an embed snippet, or Markdown with inline
    `<details>`, holds a few tags on a few lines; a page holds them on most lines.
    """
    head = text[:8192]
    extension = PurePath(origin).suffix.lower()
    if HTML_START.match(head) or _mostly_markup(head):
        return "html"
    if FRONT_MATTER.match(head):
        return "markdown"
    if TEXT_DUMP_HEADING.search(head) and not MARKDOWN_HEADING.search(head):
        return "text"  # `#Heading` without a space is a browser dump, not Markdown
    if extension in MARKDOWN_EXTENSIONS:
        return "markdown"
    if extension in HTML_EXTENSIONS:
        return "markdown" if MARKDOWN_SIGNS.search(head) else "text"
    if len(MARKDOWN_SIGNS.findall(head)) >= 3 and "```" in head:
        return "markdown"
    return "text"
