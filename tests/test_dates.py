"""Dates as people write them, to ISO 8601 (ingest.dates.to_iso)."""

from __future__ import annotations

import pytest

from ingest.dates import to_iso


@pytest.mark.parametrize(("written", "iso"), [
    ("2026-04-21T09:30Z", "2026-04-21T09:30:00Z"),
    ("April 21, 2026", "2026-04-21"),
    ("21 April 2026", "2026-04-21"),
    ("2026/04/21", "2026-04-21"),
    ("21.04.2026", "2026-04-21"),   # dotted: always day.month.year
    ("21/04/2026", "2026-04-21"),   # slashed, and 21 cannot be a month
])
def test_to_iso_reads_the_usual_ways_of_writing_a_date(written: str, iso: str) -> None:
    assert to_iso(written) == iso


@pytest.mark.parametrize("written", ["03/04/2026", "31.02.2026", "0001-01-01", "5 hours ago"])
def test_to_iso_gives_none_rather_than_a_guess(written: str) -> None:
    assert to_iso(written) is None


@pytest.mark.parametrize(("text", "iso"), [
    ("15. Juni 2026", "2026-06-15"),
    ("4 de marzo de 2026", "2026-03-04"),
    ("12 novembre 2026", "2026-11-12"),
    ("1er mars 2026", "2026-03-01"),
    ("Mars 2026 mission", None),  # a month name of another language, but no day: no date
    ("Published August 2026", None),  # `August` is English and German: read once, no day
])
def test_month_names_of_other_languages_are_read(text: str, iso: str | None) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(("text", "iso"), [
    ("Nov. 20, 2019 5:52 AM EST", "2019-11-20T05:52:00-05:00"),
    ("4:05 PM EST, Tue March 3, 2026", "2026-03-03T16:05:00-05:00"),
    ("3 May 2025 18:30 GMT", "2025-05-03T18:30:00+00:00"),
    ("March 3, 2026 at 14:30", "2026-03-03T14:30:00"),
    ("March 3, 2026, 3 min read", "2026-03-03"),  # no clock: the date alone
])
def test_a_clock_time_written_beside_a_date_is_kept(text: str, iso: str) -> None:
    assert to_iso(text) == iso
