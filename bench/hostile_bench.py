"""Hostile saved pages through the whole parse: time, peak memory, and no crash.

Generates, in a temporary directory (never in the repo):

- `heavy`: a ~30 MB "save page, complete" file: inline `data:` images (base64), tens of
  thousands of comment nodes, a multi-megabyte JSON blob in a script, and the article in the
  middle of it all;
- `nested`: an article inside 20,000 nested `<div>`s.

Each page is imported with `ingest.pipeline.parse(RawDocument(data, origin))` in its own
process (pinned to one core), which reports its seconds (the parse only) and peak RSS
(ru_maxrss, which includes the interpreter and the page's bytes and text). Exits 1 when a page
takes 60 s or more, peaks at 1 GiB or more, raises (RecursionError, an IngestError refusing the
page, ...), or kills its process. Whether the article's words survived and how large the stored
Markdown is are printed too (not gated): a `data:` URL copied into the body shows as a body of
megabytes.

    .venv/bin/python bench/hostile_bench.py [--megabytes 30] [--depth 20000] [--json PATH]

The generators (`heavy_page`, `nested_page`) are importable, for tests at a smaller scale.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_SECONDS = 60.0
MAX_RSS_MIB = 1024.0
HARD_TIMEOUT = 180.0
"""Wall seconds after which a child is killed (it has failed by then anyway)."""
MEMORY_CAP = 6 << 30
"""Address-space cap for a child, so a runaway fails with MemoryError, not the machine."""

TITLE = "Harbour authority approves second container terminal"
MARKER = "The harbour authority voted 7 to 2 on Tuesday to approve the terminal"
ARTICLE_PARAGRAPHS = [
    f"{MARKER}, ending a four-year planning fight over the eastern docks.",
    "The project will cost about $1.2 billion and add 400,000 containers a year of capacity, "
    "according to the authority's own estimate, published alongside the vote.",
    "Opponents, led by the residents' association of the old quarter, said the traffic study "
    "understated lorry movements by a third and promised to appeal.",
    "\u201cWe have waited long enough for a decision,\u201d said Maria Okafor, who chairs the "
    "authority. \u201cThe port has lost two shipping lines since 2021.\u201d",
    "Construction is expected to start next spring and take three years. The first berth "
    "could open in 2028 if the appeal fails.",
    "Shipping analysts said the terminal would make the port the third largest on the coast "
    "by volume, behind Rotterdam-style hubs that have expanded faster.",
]


def article_html() -> str:
    """The article every hostile page carries: headline, byline, date and paragraphs."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    return (
        f"<article>\n<h1>{TITLE}</h1>\n"
        '<p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a></p>\n'
        '<time datetime="2024-03-12T09:30:00Z">12 March 2024</time>\n'
        f"{paragraphs}\n</article>"
    )


def _head(title: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{title} | The Coastal Herald</title>\n"
        f'<meta property="og:title" content="{title}">\n'
        '<meta name="author" content="Jane Doe">\n'
        '<meta property="article:published_time" content="2024-03-12T09:30:00Z">\n'
        "</head>\n"
    )


def _data_image(rng: random.Random, size: int) -> str:
    payload = base64.b64encode(rng.randbytes(size)).decode("ascii")
    return f'<img alt="" src="data:image/png;base64,{payload}">'


def _json_blob(rng: random.Random, size: int) -> str:
    """A `__NEXT_DATA__`-style script of about `size` bytes, with HTML escaped inside."""
    items, total = [], 0
    while total < size:
        item = {
            "id": len(items),
            "slug": f"story-{rng.getrandbits(48):012x}",
            "html": "\\u003cp\\u003e" + " ".join(rng.choices(ARTICLE_PARAGRAPHS[1].split(), k=30))
            + "\\u003c/p\\u003e",
            "tags": [f"tag{rng.randrange(1000)}" for _ in range(5)],
        }
        items.append(item)
        total += len(json.dumps(item))
    blob = json.dumps({"props": {"pageProps": {"related": items}}})
    return f'<script id="__NEXT_DATA__" type="application/json">{blob}</script>'


def heavy_page(megabytes: float = 30.0, seed: int = 1) -> bytes:
    """A saved page of about `megabytes` MB: images, comments and JSON around the article.

    Shares: inline images about 70 %, the JSON blob about 15 %, comment nodes about 10 %
    (tens of thousands of them at 30 MB), the rest navigation and the article.
    """
    rng = random.Random(seed)
    total = int(megabytes * 1_000_000)
    image_bytes = int(total * 0.72 / 1.30)  # base64 grows the payload by a third
    images = max(4, image_bytes // 750_000)
    comments = max(100, int(total * 0.10) // 60)
    parts = [_head(TITLE), "<body>\n", _json_blob(rng, int(total * 0.15)), "\n<nav><ul>"]
    parts += [f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(200)]
    parts.append("</ul></nav>\n")

    def comment_run(count: int) -> str:
        return "".join(f"<!-- ad slot {rng.getrandbits(64):016x} tracking pixel -->\n"
                       for _ in range(count))

    def image_run(count: int) -> str:
        return "".join(f"<div class=\"promo\">{_data_image(rng, image_bytes // images)}</div>\n"
                       for _ in range(count))

    half_images, half_comments = images // 2, comments // 2
    parts += [comment_run(half_comments), image_run(half_images - 1)]
    article = article_html().replace(
        "</p>\n<p>", f"</p>\n{comment_run(3)}<p>", 2
    ).replace(
        "</time>\n",
        f"</time>\n<figure>{_data_image(rng, image_bytes // images)}"
        "<figcaption>The eastern docks at dawn.</figcaption></figure>\n",
    )
    parts += [f'<main><div class="story">{article}</div></main>\n']
    parts += [image_run(images - half_images), comment_run(comments - half_comments)]
    parts.append("<footer><p>\u00a9 2024 The Coastal Herald</p></footer>\n</body></html>\n")
    return "".join(parts).encode("utf-8")


def nested_page(depth: int = 20_000) -> bytes:
    """The article inside `depth` nested `<div>`s (each with a class, as page builders do)."""
    opening = "".join(f'<div class="wrap-{i % 7}">' for i in range(depth))
    return (_head(TITLE) + "<body>\n" + opening + "\n" + article_html() + "\n"
            + "</div>" * depth + "\n</body></html>\n").encode("utf-8")


def long_dump(megabytes: float = 2.0, seed: int = 1) -> bytes:
    """A browser text dump of `megabytes`: the article, then pasted material of every shape the
    text reader looks at (long unbroken lines, `#` lines, table-like and code-like runs), so a
    rule that backtracks or compares every line with every other shows here."""
    rng = random.Random(seed)
    lines = ["Back to Blog", "", TITLE, "", "March 12, 2024by Jane Doe", "", *ARTICLE_PARAGRAPHS]
    words = " ".join(ARTICLE_PARAGRAPHS).split()
    size = 0
    while size < megabytes * 1e6:
        kind = rng.randrange(4)
        if kind == 0:
            line = " ".join(rng.choice(words) for _ in range(rng.randrange(200, 4000)))
        elif kind == 1:
            line = f"#{rng.choice(words).title()} {rng.choice(words)}"
        elif kind == 2:
            line = "".join(rng.choice(words).title() for _ in range(rng.randrange(3, 12)))
        else:
            line = f"    value_{rng.randrange(999)} = compute({rng.choice(words)!r})"
        lines += [line, ""] if rng.random() < 0.5 else [line]
        size += len(line) + 1
    return "\n".join(lines).encode("utf-8")


PAGES = {"heavy": lambda args: heavy_page(args.megabytes),
         "nested": lambda args: nested_page(args.depth),
         "textdump": lambda args: long_dump()}
SUFFIX = {"textdump": ".txt"}


def child(path: Path, cpu: int | None) -> dict:
    """Parse one page in this process; what happened, as a dict."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    sys.path.insert(0, str(ROOT))
    from ingest.pipeline import parse
    from ingest.sources import RawDocument

    data = path.read_bytes()
    result: dict = {"bytes": len(data)}
    start = time.perf_counter()
    try:
        article = parse(RawDocument(data, str(path)))
    except BaseException as error:  # RecursionError, MemoryError, IngestError: all failures
        result["error"] = f"{type(error).__name__}: {str(error)[:300]}"
    else:
        body = article.body_markdown
        result.update(
            body_kib=len(body.encode("utf-8")) / 1024,
            article_kept=MARKER in body,
            title=article.metadata.title,
            data_urls_in_body=body.count("data:image"),
        )
    result["seconds"] = time.perf_counter() - start
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_page(name: str, path: Path, cpu: int | None) -> dict:
    command = [sys.executable, __file__, "--child", str(path)]
    if cpu is not None:
        command += ["--cpu", str(cpu)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=HARD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": f"killed after {HARD_TIMEOUT:.0f} s", "seconds": HARD_TIMEOUT}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        tail = done.stderr.strip().splitlines()[-3:]
        return {"error": f"process died (exit {done.returncode}): {' / '.join(tail)}"}
    return json.loads(lines[-1])


def failures(result: dict) -> list[str]:
    found = []
    if "error" in result:
        found.append(result["error"])
    if result.get("seconds", 0.0) >= MAX_SECONDS:
        found.append(f"{result['seconds']:.1f} s ≥ {MAX_SECONDS:.0f} s")
    if result.get("rss_mib", 0.0) >= MAX_RSS_MIB:
        found.append(f"peak RSS {result['rss_mib']:.0f} MiB ≥ {MAX_RSS_MIB:.0f} MiB")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=30.0, help="size of the heavy page")
    parser.add_argument("--depth", type=int, default=20_000, help="nesting of the nested page")
    parser.add_argument("--only", choices=sorted(PAGES), help="run one page")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    parser.add_argument("--cpu", type=int, help="core to pin to (default: the first allowed)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    cpu = args.cpu if args.cpu is not None else min(os.sched_getaffinity(0))
    if args.child:
        print(json.dumps(child(args.child, cpu)))
        return 0

    results, failed = {}, False
    with tempfile.TemporaryDirectory(prefix="newskb-hostile-") as folder:
        for name in [args.only] if args.only else list(PAGES):
            path = Path(folder) / f"{name}{SUFFIX.get(name, '.html')}"
            path.write_bytes(PAGES[name](args))
            result = run_page(name, path, cpu)
            result.setdefault("bytes", path.stat().st_size)
            path.unlink()
            problems = failures(result)
            failed |= bool(problems)
            results[name] = {**result, "failures": problems}
            print(f"{name:<7} {result['bytes'] / 1e6:6.1f} MB  "
                  f"{result.get('seconds', float('nan')):6.2f} s  "
                  f"peak RSS {result.get('rss_mib', float('nan')):6.0f} MiB  "
                  + ("FAIL: " + "; ".join(problems) if problems else "ok"))
            if "error" not in result:
                print(f"        article kept: {result['article_kept']}, "
                      f"body {result['body_kib']:.1f} KiB, "
                      f"data: URLs in body {result['data_urls_in_body']}, "
                      f"title {result['title']!r}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", "utf-8")
    print(f"limits: < {MAX_SECONDS:.0f} s and < {MAX_RSS_MIB / 1024:.0f} GiB per page, no error")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
