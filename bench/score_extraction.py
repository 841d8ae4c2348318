"""The article-extraction-benchmark metric (scrapinghub/article-extraction-benchmark, evaluate.py).

Both texts are split into `\\w+` tokens (case kept, punctuation dropped) and turned into
multisets of 4-token shingles; a text of 1 to 3 tokens is one shingle of all its tokens, a text
without tokens has none. Per page, TP = shingles both multisets share, FP = extra predicted,
FN = missed; the three are divided by their sum so every page weighs the same. Precision is the
mean per-page precision over pages with any prediction, recall the mean per-page recall over
pages with any truth, F1 = 2PR/(P+R) of those means. Accuracy is the share of pages whose token
sequences are equal. The repository's bootstrap deviations are not computed (about ±0.005 to
±0.02 in F1 on its 181 pages: differences under 0.01 are noise).

    .venv/bin/python bench/score_extraction.py PREDICTION.json [GROUND_TRUTH.json]

Both JSON files map page id to a string or to `{"articleBody": ...}`; a page missing from the
prediction counts as an empty prediction.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUND_TRUTH = (ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark"
                / "ground-truth.json")
TOKEN = re.compile(r"\w+")
N = 4


def tokens(text: str | None) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(text: str | None, n: int = N) -> Counter[tuple[str, ...]]:
    """The multiset of `n`-token shingles; fewer than `n` tokens make one short shingle."""
    words = tokens(text)
    return Counter(tuple(words[i:i + n]) for i in range(max(1, len(words) - n + 1)) if words)


def counts(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """Per-page (tp, fp, fn), normalised to sum to 1 (all 0 when both texts have no tokens)."""
    want, got = shingles(true), shingles(pred)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def recall_of(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def page_f1(true: str | None, pred: str | None) -> float:
    """One page's F1, for listing the worst pages (the benchmark's F1 is not a mean of these)."""
    tp, fp, fn = counts(true, pred)
    p, r = precision_of(tp, fp, fn), recall_of(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pred: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of `pred` over the pages of `truth`.

    A page of `truth` missing from `pred` counts as an empty prediction; pages only in `pred`
    are ignored.
    """
    per_page = [counts(truth[key], pred.get(key)) for key in truth]
    precisions = [precision_of(*c) for c in per_page if c[0] + c[1] > 0]
    recalls = [recall_of(*c) for c in per_page if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = [tokens(truth[key]) == tokens(pred.get(key)) for key in truth]
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": sum(exact) / len(exact) if exact else 0.0,
        "pages": len(truth),
    }


def load_texts(path: Path) -> dict[str, str]:
    """Page id → text from a JSON file of strings or of `{"articleBody": ...}` objects."""
    data = json.loads(path.read_text("utf-8"))
    if isinstance(data, dict) and set(data) == {"version", "output"}:
        data = data["output"]  # the benchmark's versioned output files
    return {key: value if isinstance(value, str) else (value or {}).get("articleBody") or ""
            for key, value in data.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("prediction", type=Path)
    parser.add_argument("truth", type=Path, nargs="?", default=GROUND_TRUTH)
    args = parser.parse_args(argv)
    result = score(load_texts(args.prediction), load_texts(args.truth))
    print("  ".join(f"{key} {value:.3f}" for key, value in result.items() if key != "pages"),
          f"({result['pages']} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
