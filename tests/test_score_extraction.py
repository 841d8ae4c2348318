"""The benchmark metric in bench/score_extraction.py, on cases small enough to count by hand."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


se = _load("score_extraction")


def test_shingles_are_four_token_windows_with_case_kept_and_punctuation_dropped():
    assert se.shingles("The cat, the hat!") == Counter({("The", "cat", "the", "hat"): 1})
    assert se.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_short_text_is_one_shingle_and_no_tokens_none():
    assert se.shingles("Hello, world!") == Counter({("Hello", "world"): 1})
    assert se.shingles("  ... — !") == Counter()
    assert se.shingles(None) == Counter()


def test_unicode_words_are_tokens():
    assert se.tokens("Привет, мир. 世界") == ["Привет", "мир", "世界"]


def test_partial_overlap():
    # truth {abcd, bcde}, prediction {abcd, bcdx}: tp 1, fp 1, fn 1.
    assert se.counts("a b c d e", "a b c d x") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    result = se.score({"p": "a b c d x"}, {"p": "a b c d e"})
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(0.5)
    assert result["f1"] == pytest.approx(0.5)
    assert result["accuracy"] == 0.0


def test_empty_prediction_counts_for_recall_only():
    # Page "p": P 0.5, R 0.5; page "q": no prediction, so it is left out of precision, R 0.
    truth = {"p": "a b c d e", "q": "a b c d e"}
    result = se.score({"p": "a b c d x", "q": ""}, truth)
    assert result["precision"] == pytest.approx(0.5)
    assert result["recall"] == pytest.approx(0.25)
    assert result["f1"] == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert se.score({"p": "a b c d x"}, truth) == result  # a missing page is an empty one


def test_duplicate_shingles_are_a_multiset():
    truth = "a b c d a b c d"  # abcd ×2, bcda, cdab, dabc: 5 shingles
    assert se.shingles(truth)[("a", "b", "c", "d")] == 2
    # Predicting abcd once: tp 1, fn 4.
    assert se.counts(truth, "a b c d") == pytest.approx((0.2, 0.0, 0.8))
    result = se.score({"p": "a b c d"}, {"p": truth})
    assert (result["precision"], result["recall"]) == pytest.approx((1.0, 0.2))
    # Predicting it three times over: abcd ×3, bcda ×2, cdab ×2, dabc ×2 → tp 5, fp 4.
    result = se.score({"p": "a b c d " * 3}, {"p": truth})
    assert (result["precision"], result["recall"]) == pytest.approx((5 / 9, 1.0))


def test_exact_match_and_accuracy_ignore_punctuation_and_spacing():
    truth = {"p": "One two three four five.", "q": "Six seven eight nine ten"}
    pred = {"p": "One, two\n\nthree four five", "q": "six seven eight nine ten"}
    result = se.score(pred, truth)
    assert result["accuracy"] == 0.5  # case is kept: "six" is not "Six"
    assert result["precision"] == pytest.approx((1 + 0.5) / 2)


def test_a_page_empty_on_both_sides_is_in_neither_mean_but_is_accurate():
    result = se.score({"p": "a b c d", "q": ""}, {"p": "a b c d", "q": "…"})
    assert (result["precision"], result["recall"], result["f1"]) == (1.0, 1.0, 1.0)
    assert result["accuracy"] == 1.0


def test_short_texts_compare_as_whole_shingles():
    assert se.counts("Hello world", "Hello world") == (1.0, 0.0, 0.0)
    assert se.counts("Hello world", "hello world") == (0.0, 0.5, 0.5)


def test_markdown_to_text_keeps_the_words_the_benchmark_counts():
    html_bench = _load("html_bench")
    markdown = (
        "# The headline\n\n"
        "Some *emphasis*, **strong** and a [link text](https://example.com/a \"t\").\n\n"
        "![a photo](https://example.com/p.jpg)\n\n"
        "## A section\n\n"
        "> quoted `code` here\n\n"
        "- item one\n- item two\n\n"
        "| Name | Value |\n| --- | ---: |\n| a | 1 |\n\n"
        "Table: Caption words\n\n"
        "```python\nprint(1)\n```\n"
    )
    text = html_bench.markdown_to_text(markdown)
    assert se.tokens(text) == [
        "Some", "emphasis", "strong", "and", "a", "link", "text",
        "A", "section", "quoted", "code", "here", "item", "one", "item", "two",
        "Name", "Value", "a", "1", "Caption", "words", "print", "1",
    ]
    assert "#" not in text and "|" not in text and "](" not in text and "Table:" not in text


def test_markdown_to_text_resolves_escapes_and_awkward_links():
    html_bench = _load("html_bench")
    markdown = (
        "# Title\n\n"
        "1\\. Not a list: snake_case, \\_literal\\_ and _emphasised_ \\<tag\\> a \\= b.\n\n"
        "[spaced](<https://example.com/a b>) and [![logo](data:image/png;base64,AAAA)](/home) "
        "and [paren](https://en.wikipedia.org/wiki/Foo_(bar)) done.\n"
    )
    assert se.tokens(html_bench.markdown_to_text(markdown)) == [
        "1", "Not", "a", "list", "snake_case", "_literal_", "and", "emphasised", "tag", "a", "b",
        "spaced", "and", "and", "paren", "done",
    ]


def test_markdown_to_text_keeps_a_first_line_that_is_not_a_title():
    html_bench = _load("html_bench")
    assert html_bench.markdown_to_text("Just text.\n\n# Later heading\n") == (
        "Just text.\n\nLater heading")


def test_markdown_to_text_links_across_lines_with_brackets_and_unbalanced_targets():
    html_bench = _load("html_bench")
    markdown = (
        "Said [\n  Variety](https://variety.com/x) and [[CNBC]](https://cnbc.com/y), "
        "[estimated](https://un.org/a/(b%29/c?Open) at 40,000.\n"
    )
    assert se.tokens(html_bench.markdown_to_text(markdown)) == [
        "Said", "Variety", "and", "CNBC", "estimated", "at", "40", "000",
    ]
