"""Where articles come from: files, directories (recursive), globs and `-` for stdin.

This module and `store.py` are the only ones that do I/O. A source that cannot be read becomes
an `IngestError` in the stream, so one bad path never stops the others.
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


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An input before parsing: its bytes and where they came from."""

    data: bytes
    origin: str

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
        reason = "directory holds no articles (.html, .md, .txt, .jsonl)"
        return files or [IngestError(path, reason)]
    if target.exists():
        return [path]
    return [IngestError(path, "no such file or directory")]


def _looks_like_article(path: Path, root: Path) -> bool:
    if not path.is_file() or path.name in SKIPPED_NAMES:
        return False
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES
