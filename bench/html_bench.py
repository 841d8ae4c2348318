"""The HTML reader against trafilatura on the article-extraction-benchmark corpus.

The corpus (../shared/corpus/article-extraction-benchmark/: 181 pages with human-annotated
article text) is scored with its own metric (bench/score_extraction.py). Each tool runs in its
own process, one after the other, pinned to one core, so its peak RSS (ru_maxrss, which
includes the interpreter and the ~32 MB of pages held in memory) is its own. Pages are
decompressed, and each tool warmed up on 5 pages, before the clock starts; the clock covers,
per page:

- newskb: `ingest.decode.decode` of the bytes + `ingest.readers.html.read` (body and metadata);
- trafilatura: `bare_extraction(html, with_metadata=True)` on the page already decoded as
  UTF-8 (as a user holding text would call it; every corpus page is UTF-8).

newskb's Markdown is scored as plain text (`markdown_to_text`: no `# Title` line, no link
targets, images or markup); trafilatura's `text` as it comes. Speed is a ratio within this run:
the machine is shared and noisy (`--repeat N` keeps each tool's fastest pass; repeats of the
same pages gain trafilatura about 5-10 % from its caches, newskb nothing). Exits 1 when
newskb's F1 or its speed ratio falls below bench/html_floors.json (checked on whole-corpus runs
only).

    .venv/bin/python bench/html_bench.py [--limit N] [--only newskb] [--worst K] [--json PATH]
                                         [--repeat N] [--save DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"
FLOORS = Path(__file__).with_name("html_floors.json")
TOOLS = ("newskb", "trafilatura")
WARMUP = 5
"""Pages each tool reads, untimed, before the clock starts (trafilatura's first pages are about
a third slower than later ones: lazy imports and set-up)."""

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_extraction import page_f1, score  # noqa: E402

# Markdown → the plain text the benchmark's truth is written as.
FENCE = re.compile(r"^\s*(```|~~~)")
LINK_TEXT = r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]"  # may span lines and hold one level of [..]
IMAGE = re.compile("!" + LINK_TEXT + r"\([^)]*\)")
LINK = re.compile(LINK_TEXT + r"\((?:<[^>\n]*>|(?:[^()\s]|\([^()\s]*\))*)"
                  r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)")
# A destination with an unbalanced `(` is not a CommonMark link, but it is still meant as one.
LOOSE_LINK = re.compile(LINK_TEXT + r"\(\S*?\)(?=\s|$|[.,;:!?])")
REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
QUOTE = re.compile(r"^\s*(>\s?)+")
LIST_MARKER = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s+")
RULE = re.compile(r"^\s*([-*_]\s*){3,}$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
TABLE_CAPTION = re.compile(r"^\s*Table:\s*")
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation
UNDERSCORE_EMPHASIS = re.compile(r"(?<!\w)_+|_+(?!\w)")
MARKERS = re.compile(r"\*+|~~|`+")


def markdown_to_text(markdown: str) -> str:
    """The words of newskb's Markdown as plain text, as the benchmark's truth is written.

    Drops the first `# Title` line (the truth leaves the headline out), link targets, images,
    emphasis and heading markers, list and quote markers, table pipes and separator rows, code
    fences (code is kept) and the `Table:` of a caption line.
    """
    lines = markdown.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].startswith("# "):
        del lines[first]
    out, prose, in_code = [], [], False
    for line in lines:
        if FENCE.match(line):
            out += _prose("\n".join(prose))
            prose, in_code = [], not in_code
        elif in_code:
            out.append(line)
        else:
            prose.append(line)
    out += _prose("\n".join(prose))
    return "\n".join(out).strip()


def _prose(text: str) -> list[str]:
    """Lines of Markdown outside code blocks, as plain text."""
    text = IMAGE.sub("", text)
    text = LINK.sub(r"\1", text)
    text = LOOSE_LINK.sub(r"\1", text)
    text = REFERENCE_LINK.sub(r"\1", text)
    lines = []
    for line in text.split("\n"):
        if TABLE_SEPARATOR.match(line) or RULE.match(line):
            continue
        line = QUOTE.sub("", line)
        line = HEADING.sub("", line)
        line = LIST_MARKER.sub("", line)
        line = TABLE_CAPTION.sub("", line)
        line = _unmark(line)
        if "|" in line:
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(line)
    return lines


def _unmark(line: str) -> str:
    """Emphasis and code markers removed, backslash escapes resolved."""
    out = []
    # ESCAPE.split alternates text and escaped characters: unmark the text parts only, so an
    # escaped `\_` or `\*` stays as written.
    for index, part in enumerate(ESCAPE.split(line)):
        if index % 2:
            out.append(part)
        else:
            out.append(MARKERS.sub("", UNDERSCORE_EMPHASIS.sub("", part)))
    return "".join(out)


def load_corpus(limit: int | None = None) -> tuple[dict[str, bytes], dict[str, dict]]:
    """Page id → raw bytes (decompressed), and id → {articleBody, url}, sorted by id."""
    truth = json.loads((CORPUS / "ground-truth.json").read_text("utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {i: gzip.decompress((CORPUS / "html" / f"{i}.html.gz").read_bytes()) for i in ids}
    return pages, {i: truth[i] for i in ids}


def warmup_pages(count: int = WARMUP) -> dict[str, bytes]:
    """The last `count` pages by id: outside the timed set of any --limit under 176."""
    ids = sorted(json.loads((CORPUS / "ground-truth.json").read_text("utf-8")))[-count:]
    return {i: gzip.decompress((CORPUS / "html" / f"{i}.html.gz").read_bytes()) for i in ids}


def run_newskb(pages: dict[str, bytes], repeat: int = 1,
                warmup: dict[str, bytes] | None = None) -> tuple[dict, float, dict, dict]:
    from ingest.decode import decode
    from ingest.readers.html import read

    for key, data in (warmup or {}).items():  # untimed: lazy imports, compiled patterns
        read(decode(data, f"{key}.html"), f"{key}.html")
    texts, errors, found = {}, {}, {"title": 0, "authors": 0, "published": 0}
    seconds = float("inf")
    for _ in range(repeat):
        drafts = {}
        start = time.perf_counter()
        for key, data in pages.items():
            origin = f"{key}.html"
            try:
                drafts[key] = read(decode(data, origin), origin)
            except Exception as error:  # a reader crash scores as an empty page and is listed
                errors[key] = f"{type(error).__name__}: {error}"[:200]
        seconds = min(seconds, time.perf_counter() - start)
    for key, draft in drafts.items():
        texts[key] = markdown_to_text(draft.markdown)
        for field in found:
            found[field] += bool(getattr(draft.metadata, field))
    return texts, seconds, errors, found


def run_trafilatura(pages: dict[str, bytes], repeat: int = 1,
                    warmup: dict[str, bytes] | None = None) -> tuple[dict, float, dict, dict]:
    import trafilatura

    html = {key: data.decode("utf-8", errors="replace") for key, data in pages.items()}
    for data in (warmup or {}).values():  # untimed: lazy imports, compiled patterns
        trafilatura.bare_extraction(data.decode("utf-8", errors="replace"), with_metadata=True)
    texts, errors, found = {}, {}, {"title": 0, "author": 0, "date": 0}
    seconds = float("inf")
    for _ in range(repeat):
        docs = {}
        start = time.perf_counter()
        for key, page in html.items():
            try:
                docs[key] = trafilatura.bare_extraction(page, with_metadata=True)
            except Exception as error:
                errors[key] = f"{type(error).__name__}: {error}"[:200]
        seconds = min(seconds, time.perf_counter() - start)
    for key, doc in docs.items():
        if doc is None:
            continue
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
        texts[key] = doc.get("text") or ""
        for field in found:
            found[field] += bool(doc.get(field))
    return texts, seconds, errors, found


def child(tool: str, cpu: int, limit: int | None, out: Path, repeat: int = 1) -> None:
    """One tool over the corpus, in this process pinned to `cpu`; results to `out` as JSON."""
    import resource

    warnings.simplefilter("ignore")  # trafilatura's FutureWarnings from lxml
    os.sched_setaffinity(0, {cpu})
    sys.path.insert(0, str(ROOT))
    pages, _ = load_corpus(limit)
    warmup = warmup_pages()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    runner = run_newskb if tool == "newskb" else run_trafilatura
    texts, seconds, errors, found = runner(pages, repeat, warmup)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.write_text(json.dumps({
        "texts": texts, "seconds": seconds, "errors": errors, "found": found,
        "rss_mib": peak, "rss_before_mib": base, "cpu": cpu,
    }), "utf-8")


def run_tool(tool: str, cpu: int, limit: int | None, repeat: int = 1) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        command = [sys.executable, __file__, "--child", tool, "--cpu", str(cpu),
                   "--repeat", str(repeat)]
        if limit:
            command += ["--limit", str(limit)]
        subprocess.run([*command, "--out", str(out)], check=True)
        return json.loads(out.read_text("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (sorted by id)")
    parser.add_argument("--only", choices=TOOLS, help="run one tool (newskb: no speed ratio)")
    parser.add_argument("--worst", type=int, default=0, metavar="K",
                        help="list the K pages where newskb's F1 is lowest")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    parser.add_argument("--save", type=Path, metavar="DIR",
                        help="write each tool's scored text per page here (e.g. bench/out)")
    parser.add_argument("--cpu", type=int, help="core to pin to (default: the first allowed)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="time each tool N times over the pages and keep the fastest")
    parser.add_argument("--child", choices=TOOLS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    cpu = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
    if args.child:
        child(args.child, cpu, args.limit, args.out, max(1, args.repeat))
        return 0

    _, truth_entries = load_corpus(args.limit)
    truth = {key: entry["articleBody"] for key, entry in truth_entries.items()}
    tools = [args.only] if args.only else list(TOOLS)
    results, rows = {}, []
    for tool in tools:
        started = time.perf_counter()
        run = run_tool(tool, cpu, args.limit, max(1, args.repeat))
        figures = score(run["texts"], truth)
        figures.update(
            docs_per_s=len(truth) / run["seconds"] if run["seconds"] else 0.0,
            seconds=run["seconds"], rss_mib=run["rss_mib"], rss_before_mib=run["rss_before_mib"],
            errors=run["errors"], metadata_found=run["found"],
            wall_s=time.perf_counter() - started,
            page_f1={key: page_f1(truth[key], run["texts"].get(key)) for key in truth},
        )
        results[tool] = figures
        rows.append(figures)
        if args.save:
            folder = args.save / tool
            folder.mkdir(parents=True, exist_ok=True)
            for key, text in run["texts"].items():
                (folder / f"{key}.txt").write_text(text, "utf-8")

    timing = f", fastest of {args.repeat} timings" if args.repeat > 1 else ""
    print(f"{len(truth)} pages, one core (cpu {cpu}) per tool, one tool at a time{timing}\n")
    print(f"{'tool':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'exact':>6} "
          f"{'docs/s':>8} {'peak RSS MiB':>13} {'errors':>6}")
    for tool, f in results.items():
        print(f"{tool:<12} {f['precision']:>9.3f} {f['recall']:>7.3f} {f['f1']:>6.3f} "
              f"{f['accuracy']:>6.3f} {f['docs_per_s']:>8.1f} {f['rss_mib']:>13.0f} "
              f"{len(f['errors']):>6}")
    base = min(f["rss_before_mib"] for f in results.values())
    print(f"(peak RSS includes about {base:.0f} MiB of interpreter and pages held in memory)")
    speedup = None
    if len(results) == 2 and results["trafilatura"]["docs_per_s"]:
        speedup = results["newskb"]["docs_per_s"] / results["trafilatura"]["docs_per_s"]
        print(f"speed ratio newskb/trafilatura: {speedup:.2f}x")
    for tool, f in results.items():
        print(f"{tool} metadata found on pages: "
              + ", ".join(f"{k} {v}/{len(truth)}" for k, v in f["metadata_found"].items()))
        for key, error in list(f["errors"].items())[:10]:
            print(f"  {tool} error on {key}: {error}")

    if args.worst and "newskb" in results:
        print(f"\nnewskb's {args.worst} worst pages (page F1; trafilatura's when it ran):")
        per_page = results["newskb"]["page_f1"]
        other = results.get("trafilatura", {}).get("page_f1", {})
        for key in sorted(per_page, key=lambda k: (per_page[k], k))[:args.worst]:
            theirs = f" trafilatura {other[key]:.2f}" if key in other else ""
            print(f"  {per_page[key]:.2f}{theirs}  {key}  {truth_entries[key]['url']}")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(
            {"pages": len(truth), "cpu": cpu, "speedup": speedup, "tools": results},
            indent=2, sort_keys=True) + "\n", "utf-8")

    return check_floors(results, speedup, args.limit)


def check_floors(results: dict, speedup: float | None, limit: int | None) -> int:
    if limit:
        print("\nfloors not checked (--limit: they hold for the whole corpus)")
        return 0
    floors = json.loads(FLOORS.read_text("utf-8"))
    failed = []
    if "newskb" in results and results["newskb"]["f1"] < floors.get("f1", 0.0):
        failed.append(f"newskb F1 {results['newskb']['f1']:.3f} < floor {floors['f1']}")
    if speedup is not None and speedup < floors.get("speedup", 0.0):
        failed.append(f"speed ratio {speedup:.2f} < floor {floors['speedup']}")
    for line in failed:
        print(f"BELOW FLOOR: {line}")
    if not failed:
        print(f"\nfloors met ({FLOORS.name}: F1 ≥ {floors.get('f1')}, "
              f"speed ratio ≥ {floors.get('speedup')})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
