"""Web archives: HTML responses in a WARC are imported with their URL and fetch date."""

import io
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ingest import sources

Newskb = Callable[..., Result]

PAGE = ("<html><head><title>Port strike ends | Harbour News</title></head><body><article>"
        "<h1>Port strike ends</h1><p>Dockers in Rotterdam returned to work on Monday after "
        "a deal that raises pay by 7% over two years. Café owners near the port cheered.</p>"
        "</article></body></html>")


def _warc(path: Path) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, status, media_type, body in [
            ("https://harbour.example/strike", "200 OK", "text/html; charset=windows-1252",
             PAGE.encode("windows-1252")),
            ("https://harbour.example/logo.png", "200 OK", "image/png", b"\x89PNG..."),
            ("https://harbour.example/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", media_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-03-02T10:15:00Z"})
            writer.write_record(record)
            record.raw_stream.close()  # warcio buffers the payload in a temporary file
    return path


def test_only_successful_html_responses_are_read(tmp_path: Path) -> None:
    documents = list(sources.iter_warc(str(_warc(tmp_path / "crawl.warc.gz"))))
    assert [(d.origin, d.url, d.fetched_at, d.charset) for d in documents] == [
        ("https://harbour.example/strike", "https://harbour.example/strike",
         "2026-03-02T10:15:00Z", "windows-1252")]


def test_warc_import_keeps_url_and_fetch_date_and_the_http_charset(newskb: Newskb,
                                                                    tmp_path: Path) -> None:
    result = newskb("import", str(_warc(tmp_path / "crawl.warc.gz")))
    assert result.exit_code == 0, result.output
    row = newskb("query", "SELECT source, url, fetched_at, published FROM articles",
                 "--format", "csv").stdout
    assert row.splitlines()[1] == ("https://harbour.example/strike,https://harbour.example/strike,"
                                   "2026-03-02T10:15:00Z,")
    body = newskb("query", "SELECT body_markdown FROM articles", "--format", "csv").stdout
    assert "Café owners" in body
    again = newskb("import", str(tmp_path / "crawl.warc.gz"))
    assert "0 imported, 0 replaced, 1 unchanged, 0 failed" in again.stdout


def test_a_damaged_archive_is_one_failure(newskb: Newskb, tmp_path: Path) -> None:
    broken = tmp_path / "broken.warc"
    broken.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    result = newskb("import", str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{broken}: damaged archive")
