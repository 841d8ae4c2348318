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
                    ".txt", ".text", ""}


@dataclass(frozen=True, slots=True)
class RawDocument:
    """An input before parsing: its bytes and where they came from."""

    data: bytes
    origin: str

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def iter_sources(paths: list[str]) -> Iterator[RawDocument | IngestError]:
    """Yield each article under `paths`, or an IngestError for a path that yields none."""
    for path in paths:
        if path == "-":
            yield RawDocument(sys.stdin.buffer.read(), "-")
            continue
        yield from _iter_path(path)


def _iter_path(path: str) -> Iterator[RawDocument | IngestError]:
    if glob.has_magic(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield IngestError(path, "no file matches this pattern")
        for match in matches:
            yield from _iter_path(match)
        return
    target = Path(path)
    if target.is_dir():
        files = [f for f in sorted(target.rglob("*")) if _looks_like_article(f)]
        if not files:
            yield IngestError(path, "directory holds no articles (.html, .md, .txt)")
        for file in files:
            yield _read(file)
    elif target.exists():
        yield _read(target)
    else:
        yield IngestError(path, "no such file or directory")


def _looks_like_article(path: Path) -> bool:
    if not path.is_file() or path.name in SKIPPED_NAMES:
        return False
    if any(part.startswith(".") for part in path.parts):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _read(path: Path) -> RawDocument | IngestError:
    try:
        return RawDocument(path.read_bytes(), str(path))
    except OSError as error:
        return IngestError(str(path), error.strerror or str(error))
