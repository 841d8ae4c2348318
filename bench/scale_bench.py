"""End-to-end import speed and memory, in one run on one machine (issue 8).

The HTML benchmark corpus (../shared/corpus/article-extraction-benchmark/) is replicated to
--docs files, each copy made unique by a trailing comment so none is skipped as a duplicate.
Each configuration runs as its own process; its docs/s and peak RSS (of the largest single
process among it and its workers, as wait4 reports) are printed side by side:

- newskb --jobs 1, --jobs 2, and --engine dask (a LocalCluster on this machine);
- the baseline a user would otherwise write: trafilatura extraction + sqlite-utils insert, one
  process (on --baseline-docs files, since it is a rate);
- re-importing the unchanged folder;
- cost per article at 1,000 files and at --docs files, to show it stays flat.

Speed claims are ratios within this one run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"

BASELINE = """
import sys
from pathlib import Path
import sqlite_utils, trafilatura
db = sqlite_utils.Database(sys.argv[1])
for path in sorted(Path(sys.argv[2]).iterdir()):
    html = path.read_text(encoding="utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, with_metadata=True, output_format="python")
    if doc is None:
        continue
    doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
    db["articles"].insert({"source": str(path), "title": doc.get("title"),
                           "author": doc.get("author"), "published": doc.get("date"),
                           "text": doc.get("text")})
db["articles"].enable_fts(["title", "text"])
"""


def replicate(target: Path, count: int) -> Path:
    """`count` unique HTML files made from the benchmark pages."""
    target.mkdir(parents=True, exist_ok=True)
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(CORPUS.glob("*.html.gz"))]
    for i in range(count):
        (target / f"{i:06d}.html").write_bytes(pages[i % len(pages)] + f"\n<!-- {i} -->".encode())
    return target


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS in MiB of `command` and its children."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: some pages failed, reported
        sys.exit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def newskb(folder: Path, db: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "ingest", "import", str(folder), "--db", str(db), "-q",
            *options]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--baseline-docs", type=int, default=1_000)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newskb-scale-"))
    try:
        run(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(work: Path, args: argparse.Namespace) -> None:
    big = replicate(work / "big", args.docs)
    small = replicate(work / "small", min(1_000, args.docs))
    base = replicate(work / "base", args.baseline_docs)
    rows: list[tuple[str, int, float, float]] = []

    def record(label: str, docs: int, command: list[str]) -> float:
        seconds, rss = measure(command)
        rows.append((label, docs, seconds, rss))
        print(f"  {label:<34} {docs:>6} docs {seconds:8.1f} s {docs / seconds:8.1f} docs/s "
              f"{rss:7.0f} MiB", flush=True)
        return seconds

    record("baseline: trafilatura + sqlite-utils", args.baseline_docs,
           [sys.executable, "-c", BASELINE, str(work / "baseline.db"), str(base)])
    small_s = record("newskb --jobs 1 (1,000 files)", len(list(small.iterdir())),
                     newskb(small, work / "small.db", "--jobs", "1"))
    one_s = record("newskb --jobs 1", args.docs, newskb(big, work / "one.db", "--jobs", "1"))
    record("newskb --jobs 2", args.docs, newskb(big, work / "two.db", "--jobs", "2"))
    if not args.skip_dask:
        record("newskb --engine dask (LocalCluster)", args.docs,
               newskb(big, work / "dask.db", "--engine", "dask"))
    again_s = record("newskb re-import, unchanged", args.docs,
                     newskb(big, work / "one.db", "--jobs", "1"))
    summarise(rows, args, one_s, small_s, again_s)


def summarise(rows: list[tuple[str, int, float, float]], args: argparse.Namespace,
              one_s: float, small_s: float, again_s: float) -> None:
    rate = {label: docs / seconds for label, docs, seconds, _ in rows}
    baseline = rate["baseline: trafilatura + sqlite-utils"]
    print(f"\n  newskb --jobs 1 vs baseline:   {rate['newskb --jobs 1'] / baseline:5.2f}x "
          "(target >= 3x)")
    two_vs_one = rate["newskb --jobs 2"] / rate["newskb --jobs 1"]
    print(f"  --jobs 2 vs --jobs 1:          {two_vs_one:5.2f}x (target >= 1.6x)")
    print(f"  re-import vs first import:     {one_s / again_s:5.1f}x faster (target >= 20x)")
    per_small = small_s / min(1_000, args.docs) * 1000
    per_big = one_s / args.docs * 1000
    print(f"  ms per article, 1,000 vs {args.docs:,}: {per_small:.1f} vs {per_big:.1f}")
    print(f"  peak RSS, any newskb run:      {max(r[3] for r in rows[1:]):.0f} MiB "
          "(target < 1024)")


if __name__ == "__main__":
    main()
