"""Quantities in claim sentences (CONVENTIONS.md, Quantities) and dates mentioned in claims."""

from __future__ import annotations

import pytest

from ingest import claim_dates, quantities


def amounts(text: str) -> list[tuple]:
    return [(q.value, q.high, q.unit, q.currency) for q in quantities.find(text)]


@pytest.mark.parametrize("text, expected", [
    ("Amazon is injecting another $5 billion into Anthropic.", (5e9, None, None, "USD")),
    ("Anthropic raised $5B.", (5e9, None, None, "USD")),
    ("Revenue climbed to $14.9B.", (14.9e9, None, None, "USD")),
    ("Luminar raised €600 million.", (6e8, None, None, "EUR")),
    ("Debt reached £3.7bn.", (3.7e9, None, None, "GBP")),
    ("A pint now costs 45p more.", (0.45, None, None, "GBP")),
    ("Electricity is capped at 25.73p per kilowatt-hour.", (0.2573, None, None, "GBP")),
    ("Union members get $500 a week.", (500, None, None, "USD")),
])
def test_money_has_a_currency_and_no_unit(text: str, expected: tuple) -> None:
    assert amounts(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Shares fell 40% on Monday.", (40, None, "percent", None)),
    ("Inflation hit 3.5 per cent.", (3.5, None, "percent", None)),
    ("Debt rose 0.9 percentage points.", (0.9, None, "pp", None)),
    ("The Fed cut by 25 basis points.", (25, None, "bp", None)),
    ("About a third of users left.", (1 / 3, None, "fraction", None)),
    ("Two-thirds of firms agree.", (2 / 3, None, "fraction", None)),
    ("One in five households is in fuel poverty.", (0.2, None, "fraction", None)),
])
def test_percentages_points_and_fractions(text: str, expected: tuple) -> None:
    assert amounts(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The firm cut 12,000 workers.", (12000, None, "worker", None)),
    ("Researchers followed 114,000 adults.", (114000, None, "adult", None)),
    ("Three people died.", (3, None, "person", None)),
    ("The cable carries 100 petabits.", (100, None, "petabit", None)),
    ("A campus can draw 3–5 GW.", (3, 5, "GW", None)),
    ("The cluster links 32,768 GPUs.", (32768, None, "GPU", None)),
    ("It carries 200 terabits per second.", (200, None, "terabit per second", None)),
    ("The rate sits between 4.25% and 4.5%.", (4.25, 4.5, "percent", None)),
    ("A $3-5 billion round.", (3e9, 5e9, None, "USD")),
    ("Crews cleared 23 coastal wards.", (23, None, "ward", None)),  # the noun, past its adjective
    ("The fleet adds four B747x freighters.", (4, None, "freighter", None)),  # past a model name
    ("Regulators audited 40 NHS trusts.", (40, None, "trust", None)),
])
def test_counted_things_measurements_and_ranges(text: str, expected: tuple) -> None:
    assert amounts(text) == [expected]


def test_tens_of_thousands_is_an_approximate_range() -> None:
    [q] = quantities.find("Tens of thousands of commuters scrambled for rides.")
    assert (q.value, q.high, q.unit, q.approximate) == (1e4, 1e5, "commuter", True)


def test_about_and_more_than_are_approximate_but_over_a_period_is_not() -> None:
    assert quantities.find("About 500 jobs went.")[0].approximate
    assert quantities.find("It has more than 40 million users.")[0].approximate
    assert not quantities.find("A 5% raise over four years.")[1].approximate


def test_cents_are_hundredths_of_the_sentence_s_currency() -> None:
    assert amounts("Fares rise to C$3.40, or 10 cents more.") == [
        (3.4, None, None, "CAD"), (0.1, None, None, "CAD")]


def test_change_and_result_are_two_amounts_not_a_range() -> None:
    assert amounts("Net income rose 18% to $4.2 billion.") == [
        (18, None, "percent", None), (4.2e9, None, None, "USD")]
    assert amounts("Bills will drop by £129 to £1,720.") == [
        (129, None, None, "GBP"), (1720, None, None, "GBP")]


@pytest.mark.parametrize("text", [
    "iOS 17.2 shipped to users.",
    "Boeing 737 jets and Windows 11 machines.",
    "The meeting starts at 3:30 p.m. sharp.",
    "It was the 2nd time in Q3.",
    "I drove the 66 route for years.",
    "Flight 370 vanished.",
    "In 2023 the firm grew.",
    "Output of the 797 XR has been slowed.",  # a model's number
    "Results of the VELA-3 trial are due.",  # a trial's number
])
def test_versions_identifiers_times_ordinals_and_years_are_not_quantities(text: str) -> None:
    assert amounts(text) == []


def test_dates_passed_as_skip_spans_are_not_quantities() -> None:
    text = "The meeting is on May 14 and costs $5."
    _, spans = claim_dates.find(text, None)
    assert amounts(text) == [(5, None, None, "USD")]
    assert [(q.value) for q in quantities.find(text, spans)] == [5]


# Dates in claims

def dates(text: str, published: str | None = "2026-04-14") -> list[tuple[str, str | None]]:
    return [(d.text, d.date) for d in claim_dates.find(text, published)[0]]


def test_absolute_dates_keep_their_precision() -> None:
    assert dates("Signed on April 21, 2026, in March 2024 and in 2023.") == [
        ("April 21, 2026", "2026-04-21"), ("March 2024", "2024-03"), ("2023", "2023")]


def test_a_day_without_a_year_takes_the_published_year_and_is_no_quantity() -> None:
    assert dates("Bids close on 30 June; the vote is May 3.") == [
        ("30 June", "2026-06-30"), ("May 3", "2026-05-03")]
    text = "Bids close on 30 June."
    assert quantities.find(text, claim_dates.find(text, "2026-04-14")[1]) == []


def test_relative_dates_resolve_against_published() -> None:
    assert dates("Profit rose on Tuesday, last year and three weeks ago.") == [
        ("Tuesday", "2026-04-14"), ("last year", "2025"), ("three weeks ago", "2026-W13")]


def test_relative_dates_without_published_have_no_date() -> None:
    assert dates("Profit rose yesterday and last month.", None) == [
        ("yesterday", None), ("last month", None)]


def test_future_weekday_is_the_next_one() -> None:
    assert dates("Castlegate reports on Thursday and is expected to miss.") == [
        ("Thursday", "2026-04-16")]


def test_month_ahead_of_publication_is_last_year_unless_future() -> None:
    assert dates("Hiring slowed in June.") == [("June", "2025-06")]
    assert dates("The Fed will cut rates in June.") == [("June", "2026-06")]


@pytest.mark.parametrize("sentence", ["The team won 2 of 3.", "It was 2 of", "one in 0 people",
                                      "One in ſix households"])
def test_odd_sentences_never_crash_the_parse(sentence: str) -> None:
    quantities.find(sentence)  # an article with such a sentence must still import
