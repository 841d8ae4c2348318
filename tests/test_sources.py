"""Inputs: files, directories (recursive), globs and stdin; bad paths become errors."""

from pathlib import Path

from ingest.errors import IngestError
from ingest.sources import RawDocument, iter_sources


def _write(root: Path, name: str, text: str = "Some text.") -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directories_are_walked_recursively_in_order(tmp_path: Path) -> None:
    _write(tmp_path, "b.md")
    _write(tmp_path, "a/deep/c.html")
    _write(tmp_path, "a/z.txt")
    origins = [d.origin for d in iter_sources([str(tmp_path)])]
    assert origins == [str(tmp_path / p) for p in ("a/deep/c.html", "a/z.txt", "b.md")]


def test_hidden_files_and_non_articles_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "keep.md")
    _write(tmp_path, ".git/config.txt")
    _write(tmp_path, "photo.jpg")
    _write(tmp_path, ".DS_Store")
    assert [Path(d.origin).name for d in iter_sources([str(tmp_path)])] == ["keep.md"]


def test_globs_expand(tmp_path: Path) -> None:
    _write(tmp_path, "one.txt")
    _write(tmp_path, "two.txt")
    _write(tmp_path, "three.md")
    found = list(iter_sources([str(tmp_path / "*.txt")]))
    assert [Path(d.origin).name for d in found] == ["one.txt", "two.txt"]


def test_missing_path_empty_directory_and_unmatched_glob_are_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    found = list(iter_sources([str(tmp_path / "nope.txt"), str(tmp_path / "empty"),
                               str(tmp_path / "*.xyz")]))
    assert all(isinstance(item, IngestError) for item in found)
    assert [item.reason for item in found if isinstance(item, IngestError)] == [
        "no such file or directory",
        "directory holds no articles (.html, .md, .txt, .jsonl, .warc)",
        "no file matches this pattern",
    ]


def test_content_hash_is_sha256_of_the_bytes() -> None:
    assert RawDocument(b"abc", "x").content_hash.startswith("ba7816bf8f01cfea")
