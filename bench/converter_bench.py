"""Why the HTML reader writes Markdown itself instead of using bs4 + markdownify.

For every benchmark page, the article fragment newskb selects is converted twice: by
`html_markdown.to_markdown` (walking the Lexbor tree already parsed) and by markdownify (after
bs4 re-parses the fragment, as it must). Both outputs are scored against the benchmark's truth
with its own metric, so the table shows what the faster path costs in quality (nothing, if the
F1s match) and what it saves in time.

    .venv/bin/python bench/converter_bench.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from bs4 import BeautifulSoup
from markdownify import MarkdownConverter
from selectolax.lexbor import LexborHTMLParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_bench import CORPUS, markdown_to_text
from score_extraction import score

from ingest.decode import decode
from ingest.readers.html_boilerplate import drop_calls_to_action
from ingest.readers.html_content import main_content, prune, strip_never_article
from ingest.readers.html_markdown import to_markdown


def fragments(limit: int | None) -> dict[str, object]:
    """The pruned article node of each page (kept with its tree alive)."""
    found = {}
    for path in sorted((CORPUS / "html").glob("*.html.gz"))[:limit]:
        tree = LexborHTMLParser(decode(gzip.decompress(path.read_bytes()), path.name))
        strip_never_article(tree)
        if (content := main_content(tree)) is not None:
            prune(content)
            drop_calls_to_action(content)
            found[path.name.removesuffix(".html.gz")] = (tree, content)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    truth = {k: v["articleBody"] for k, v in
             json.loads((CORPUS / "ground-truth.json").read_text()).items()}
    pages = fragments(args.limit)
    html = {key: content.html for key, (_, content) in pages.items()}
    outputs: dict[str, dict[str, str]] = {"lexbor walk (newskb)": {}, "bs4 + markdownify": {}}
    seconds = {}
    start = time.perf_counter()
    for key, (_, content) in pages.items():
        outputs["lexbor walk (newskb)"][key] = to_markdown(content)
    seconds["lexbor walk (newskb)"] = time.perf_counter() - start
    start = time.perf_counter()
    for key, fragment in html.items():
        soup = BeautifulSoup(fragment, "html.parser")
        converter = MarkdownConverter(heading_style="ATX")
        outputs["bs4 + markdownify"][key] = converter.convert_soup(soup)
    seconds["bs4 + markdownify"] = time.perf_counter() - start
    subset = {key: truth[key] for key in pages}
    print(f"{len(pages)} article fragments, same input for both converters\n")
    print(f"{'converter':22} {'F1':>6} {'ms/page':>8}")
    for name, texts in outputs.items():
        result = score({k: markdown_to_text(v) for k, v in texts.items()}, subset)
        print(f"{name:22} {result['f1']:6.3f} {seconds[name] / len(pages) * 1000:8.2f}")
    ratio = seconds["bs4 + markdownify"] / seconds["lexbor walk (newskb)"]
    print(f"\nmarkdownify path takes {ratio:.0f}x as long")
    return 0


if __name__ == "__main__":
    sys.exit(main())
