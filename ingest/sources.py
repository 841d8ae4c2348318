"""Where articles come from: files, directories (recursive), globs and `-` for stdin.

The parsers do no I/O: this module reads the bytes they get, and the store writes what they
make. A source that cannot be read becomes an `IngestError` in the stream, so one bad path never
stops the others.
"""

from __future__ import annotations

import glob
import hashlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError

# Files people keep beside their articles that are never articles.
SKIPPED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}
ARTICLE_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".md", ".markdown", ".mdown", ".mkd",
                    ".txt", ".text", ".jsonl", ""}
EXPORT_SUFFIX = ".jsonl"
"""`newskb export --format jsonl`: one article per line, already parsed."""


WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
HTML_MEDIA_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An input before parsing: its bytes and where they came from."""

    data: bytes
    origin: str
    url: str | None = None
    """The URL it was fetched from, when known (a WARC record's target URI)."""
    fetched_at: str | None = None
    """When it was fetched (ISO 8601), when known: not its publication date."""
    charset: str | None = None
    """The charset an HTTP header declared, if any."""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def discover(paths: list[str]) -> list[str | IngestError]:
    """Every article location under `paths`, in order, or an IngestError for a path with none.

    Listing first (without reading) lets the caller show progress and read lazily, so memory
    does not grow with the number of files.
    """
    found: list[str | IngestError] = []
    for path in paths:
        found.extend(["-"] if path == "-" else _expand(path))
    return found


def load(location: str) -> RawDocument | IngestError:
    """Read one location from `discover`."""
    if location == "-":
        return RawDocument(sys.stdin.buffer.read(), "-")
    try:
        return RawDocument(Path(location).read_bytes(), location)
    except OSError as error:
        return IngestError(location, error.strerror or str(error))


def iter_export(location: str) -> Iterator[tuple[str, bytes] | IngestError]:
    """Each non-empty line of a JSONL export, named `path:line`, read one at a time."""
    try:
        with open(location, "rb") as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    yield f"{location}:{number}", line
    except OSError as error:
        yield IngestError(location, error.strerror or str(error))


def is_archive(location: str) -> bool:
    return location.lower().endswith(WARC_SUFFIXES)


def iter_warc(location: str) -> Iterator[RawDocument | IngestError]:
    """Each HTML response in a WARC or ARC file, streamed one record at a time."""
    from warcio.archiveiterator import ArchiveIterator  # only WARC imports pay for it

    try:
        with open(location, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                media_type = record.http_headers.get_header("Content-Type") or ""
                if not media_type.lower().startswith(HTML_MEDIA_TYPES):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI")
                yield RawDocument(record.content_stream().read(), uri or location, url=uri,
                                  fetched_at=record.rec_headers.get_header("WARC-Date"),
                                  charset=_charset(media_type))
    except OSError as error:
        yield IngestError(location, error.strerror or str(error))
    except Exception as error:  # warcio raises its own errors on damaged archives
        yield IngestError(location, f"damaged archive ({type(error).__name__}: {error})")


def _charset(media_type: str) -> str | None:
    for parameter in media_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def iter_sources(paths: list[str]) -> Iterator[RawDocument | IngestError]:
    """Yield each article under `paths`, or an IngestError for a path that yields none."""
    for location in discover(paths):
        yield location if isinstance(location, IngestError) else load(location)


def _expand(path: str) -> list[str | IngestError]:
    if glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            return [IngestError(path, "no file matches this pattern")]
        return [found for match in matches for found in _expand(match)]
    target = Path(path)
    if target.is_dir():
        files = [str(f) for f in sorted(target.rglob("*")) if _looks_like_article(f, target)]
        reason = "directory holds no articles (.html, .md, .txt, .jsonl, .warc)"
        return files or [IngestError(path, reason)]
    if target.exists():
        return [path]
    return [IngestError(path, "no such file or directory")]


def _looks_like_article(path: Path, root: Path) -> bool:
    if not path.is_file() or path.name in SKIPPED_NAMES:
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES or is_archive(path.name)
