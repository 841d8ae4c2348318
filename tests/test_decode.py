"""Bytes to text: encodings detected, binary refused with a reason, format sniffed."""

import codecs

import pytest

from ingest.decode import decode, sniff
from ingest.errors import IngestError

PARAGRAPH = "Café owners’ “résumé” costs €5 — naïve piñata."


def test_utf8_bytes_under_a_declared_latin1_charset_decode_as_utf8() -> None:
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{PARAGRAPH}</p>'
    assert PARAGRAPH in decode(page.encode("utf-8"), "page.html")


def test_windows_1252_without_declaration_has_no_mojibake() -> None:
    text = decode(("Title\n\n" + PARAGRAPH * 3).encode("windows-1252"), "old.txt")
    assert PARAGRAPH in text
    assert "â€" not in text


def test_declared_latin1_is_read_as_windows_1252_like_browsers() -> None:
    page = '<meta charset="ISO-8859-1"><p>It’s €5</p>'.encode("windows-1252")
    assert "It’s €5" in decode(page, "page.html")


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"),
                                       (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_byte_order_mark_decides_and_is_dropped(bom: bytes, codec: str) -> None:
    assert decode(bom + PARAGRAPH.encode(codec), "bom.txt") == PARAGRAPH


@pytest.mark.parametrize("data,reason", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"%PDF-1.7\n%\xe2\xe3", "binary file (PDF document)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image)"),
    (b"notes\x00\x01\x02 more", "binary file (NUL byte at offset 5)"),
])
def test_empty_and_binary_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as caught:
        decode(data, "notes.pdf")
    assert str(caught.value) == f"notes.pdf: {reason}"


def test_random_bytes_are_refused() -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(4096)).replace(b"\x00", b"\x01")
    with pytest.raises(IngestError, match=r"noise\.bin: (binary|undecodable)"):
        decode(noise + b"\x00", "noise.bin")


@pytest.mark.parametrize("text,origin,expected", [
    ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "a.txt", "html"),
    ("# Title\n\nSome *Markdown* text.\n\n- one\n- two\n", "saved.html", "markdown"),
    ("---\ntitle: X\n---\nBody\n", "x.txt", "markdown"),
    ("Back to Blog\n\nTitle\n\n#Introduction\n\nText.\n", "dump.md", "text"),
    ("Just prose copied from a page.\n\nAnother paragraph.\n", "notes.txt", "text"),
    ("## Heading\n\nProse.\n", "note.md", "markdown"),
    ("<div class=\"post\"><h1>Title</h1>\n<p>One.</p>\n<p>Two.</p></div>\n", "a.txt", "html"),
    # an embed snippet in a text dump, inline HTML in Markdown: a few lines of many
    ("Title\n\n" + "Prose line.\n\n" * 12 + "<div id=\"w\">\n<span>x</span>\n</div>\n",
     "dump.txt", "text"),
    ("# Title\n\n" + "Prose line.\n\n" * 12 + "<div align=\"center\">\n<p>A centred "
     "<a href=\"x\">badge</a></p>\n</div>\n", "note.md", "markdown"),
])
def test_format_is_sniffed_from_content_then_extension(text: str, origin: str,
                                                       expected: str) -> None:
    assert sniff(text, origin) == expected
