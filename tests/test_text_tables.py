"""Glued table rows (cells copied out of an HTML table with nothing between them): where they
are cut, when a block is a table at all, and what comes with it (caption, empty corner).
Every row here is made up; none is a fixture's."""

from __future__ import annotations

import time

import pytest

from ingest.readers.text_cuts import candidates
from ingest.readers.text_split import WEAK
from ingest.readers.text_tables import glued_rows, glued_table

# --- figures whose shape says where they end ----------------------------------------------------


def test_two_clock_times_glued_together_are_two_cells() -> None:
    rows = ["RouteDepartArriveDelay", "Oslo to Bergen07:1008:2512 min",
            "Oslo to Tromsø09:4011:55—", "Bergen to Stavanger13:0513:50on time"]
    assert glued_rows(rows) == [["Route", "Depart", "Arrive", "Delay"],
                                ["Oslo to Bergen", "07:10", "08:25", "12 min"],
                                ["Oslo to Tromsø", "09:40", "11:55", "—"],
                                ["Bergen to Stavanger", "13:05", "13:50", "on time"]]


def test_a_time_ending_a_sentence_cell_is_not_cut_from_its_full_stop() -> None:
    row = "Pump 3stalled at 04:20."
    assert all(row[cut.at - 1:cut.at + 1] != "0." for cut in candidates(row))


def test_a_time_with_seconds_is_never_cut_inside() -> None:
    row = "Final lap1:23:45Pit stop"
    inside = range(row.index("1:23") + 1, row.index("Pit"))
    cuts = {cut.at: cut.strength for cut in candidates(row)}
    assert not any(at in inside for at in cuts)
    # Not read as a fixed-width clock time either, which would make the cut before it strong.
    assert cuts[row.index("1:23")] < 0.9


def test_a_year_label_glued_to_a_grouped_figure_and_a_decimal() -> None:
    rows = ["SeasonHectaresYield (t/ha)Change", "201912,3502.84+1.5%", "20209,8702.10-26.1%",
            "202111,0402.95+40.5%"]
    assert glued_rows(rows) == [["Season", "Hectares", "Yield (t/ha)", "Change"],
                                ["2019", "12,350", "2.84", "+1.5%"],
                                ["2020", "9,870", "2.10", "-26.1%"],
                                ["2021", "11,040", "2.95", "+40.5%"]]


def test_signed_percentages_glued_to_a_label_and_to_a_lone_dash() -> None:
    rows = ["CityRentsSales", "Graz-2.5%+0.4%", "Linz—+3.1%", "Salzburg+1.2%-0.7%"]
    assert glued_rows(rows) == [["City", "Rents", "Sales"], ["Graz", "-2.5%", "+0.4%"],
                                ["Linz", "—", "+3.1%"], ["Salzburg", "+1.2%", "-0.7%"]]


def test_a_count_glued_to_an_iso_date_and_temperatures_with_signs() -> None:
    rows = ["RunDateStartLowestHeldResult", "12025-11-0321 °C-40 °C—fan failed after 2 hours.",
            "22025-12-0119 °C-62 °C—Seal cracked at the flange.",
            "32026-01-1220 °C-65 °C6 h 15 minKept cold overnight."]
    assert glued_rows(rows) == [
        ["Run", "Date", "Start", "Lowest", "Held", "Result"],
        ["1", "2025-11-03", "21 °C", "-40 °C", "—", "fan failed after 2 hours."],
        ["2", "2025-12-01", "19 °C", "-62 °C", "—", "Seal cracked at the flange."],
        ["3", "2026-01-12", "20 °C", "-65 °C", "6 h 15 min", "Kept cold overnight."]]


def test_an_order_code_is_not_cut_at_its_hyphen() -> None:
    rows = ["OrderRouteWeightPickupDrop", "AB-10442Graz depot → Linz1,240 kg09:1511:40",
            "AB-10457Graz depot → Wels620 kg10:0012:05",
            "AB-10460Graz depot → Steyr2,015 kg10:3013:20"]
    assert glued_rows(rows) == [
        ["Order", "Route", "Weight", "Pickup", "Drop"],
        ["AB-10442", "Graz depot → Linz", "1,240 kg", "09:15", "11:40"],
        ["AB-10457", "Graz depot → Wels", "620 kg", "10:00", "12:05"],
        ["AB-10460", "Graz depot → Steyr", "2,015 kg", "10:30", "13:20"]]


# --- symbols and marks ----------------------------------------------------------------------------


def test_check_marks_are_cells_of_their_own() -> None:
    rows = ["FeatureBasicProEnterprise", "SSO✗✓✓", "Audit log✗✗✓", "API access✓✓✓"]
    assert glued_rows(rows) == [["Feature", "Basic", "Pro", "Enterprise"],
                                ["SSO", "✗", "✓", "✓"], ["Audit log", "✗", "✗", "✓"],
                                ["API access", "✓", "✓", "✓"]]


def test_figures_glued_to_sentence_cells_and_a_shared_vendor_word() -> None:
    rows = ["ConsoleChipHDRFrame rateState", "Orbit OneVexa Q7 Pro✓30Released in 2.1.",
            "Nova GoVexa R2 Lite✓60Released in 2.1.", "Halo Mini 4Vexa Z9—60planned for 2.2.",
            "iHub (K2)Tarn K2✓120Released in 2.1."]
    assert glued_rows(rows) == [["Console", "Chip", "HDR", "Frame rate", "State"],
                                ["Orbit One", "Vexa Q7 Pro", "✓", "30", "Released in 2.1."],
                                ["Nova Go", "Vexa R2 Lite", "✓", "60", "Released in 2.1."],
                                ["Halo Mini 4", "Vexa Z9", "—", "60", "planned for 2.2."],
                                ["iHub (K2)", "Tarn K2", "✓", "120", "Released in 2.1."]]


def test_a_currency_written_with_letters_stays_whole() -> None:
    rows = ["CountryRevenueShare", "United KingdomA$ 1.2B12%", "AustraliaA$ 3.4B34%",
            "New ZealandNZ$ 0.9B9%"]
    assert glued_rows(rows) == [["Country", "Revenue", "Share"],
                                ["United Kingdom", "A$ 1.2B", "12%"],
                                ["Australia", "A$ 3.4B", "34%"], ["New Zealand", "NZ$ 0.9B", "9%"]]


def test_one_letter_after_a_space_before_a_dollar_is_a_word_not_a_currency() -> None:
    row = "Kestrel AISeries C$210MHarbor Partners"
    assert any(row[cut.at:cut.at + 2] == "$2" for cut in candidates(row))


def test_money_with_its_scale_glued_to_a_count_that_starts_the_next_cell() -> None:
    rows = ["StudioH2 2025 salesWhat drove it", "Blue Fern Games$12.4M2 new titles and a port.",
            "Kiri Works¥880M5 updates to its racing game.",
            "Lago StudiosR$ 40M3 festival shows in the south."]
    assert glued_rows(rows) == [
        ["Studio", "H2 2025 sales", "What drove it"],
        ["Blue Fern Games", "$12.4M", "2 new titles and a port."],
        ["Kiri Works", "¥880M", "5 updates to its racing game."],
        ["Lago Studios", "R$ 40M", "3 festival shows in the south."]]


# --- header, caption and note ---------------------------------------------------------------------


def test_a_header_with_an_empty_corner_gets_an_empty_first_cell() -> None:
    rows = ["Fixed priceDynamicSaving", "Weekday£12.50£9.80-21.6%", "Weekend£15.00£14.20-5.3%",
            "Holiday£18.00£19.40+7.8%"]
    assert glued_rows(rows) == [["", "Fixed price", "Dynamic", "Saving"],
                                ["Weekday", "£12.50", "£9.80", "-21.6%"],
                                ["Weekend", "£15.00", "£14.20", "-5.3%"],
                                ["Holiday", "£18.00", "£19.40", "+7.8%"]]


def test_a_caption_line_above_glued_rows_becomes_the_table_caption() -> None:
    lines = ["Table 3: Ferry fares by day, spring 2026", "DayAdultChild",
             "Weekday£12.50£6.00", "Weekend£15.00£7.50", "Holiday£18.00£9.00",
             "Source: Harbour Ferries price list."]
    assert glued_table(lines) == (
        "| Day | Adult | Child |\n| --- | --- | --- |\n| Weekday | £12.50 | £6.00 |\n"
        "| Weekend | £15.00 | £7.50 |\n| Holiday | £18.00 | £9.00 |\n\n"
        "Table: Table 3: Ferry fares by day, spring 2026\n\nSource: Harbour Ferries price list.")


def test_a_caption_over_prose_is_no_table() -> None:
    lines = ["Table 1: what we measured", "We timed every ferry for a month.",
             "Most left on time.", "Three did not."]
    assert glued_table(lines) is None


# --- prose stays prose ----------------------------------------------------------------------------


@pytest.mark.parametrize("lines", [
    pytest.param(["The fleet left at 06:40—then 12% more followed past the GitHub office",
                  "Some other line with 40%—a jump—and a new record for the YouTube channel",
                  "Then we said hello at 09:12—everyone was happy—and left for the party"],
                 id="dash-asides-after-figures"),
    pytest.param(["Lisbon—47 min", "Porto—43 min", "Faro—44 min"], id="dash-separated-pairs"),
    pytest.param(["Flights left at 06:40—on time for once.", "The 07:15 to Madrid was full—every"
                  " seat.", "By 08:05 the bank was clear—no delays."], id="times-and-dashes"),
    pytest.param(["Revenue rose 12% to $4.2B in 2025, while margins held at",
                  "31%. The company expects growth of 8%—9% next year, and",
                  "analysts at McKinsey see a similar path for YouTube."], id="hard-wrapped"),
    pytest.param(["Five tractors under €60,000 tested", "Why durum prices jumped 17% this summer",
                  "The 2026 harvest in numbers"], id="headlines"),
    pytest.param(["Step 1—install the CLI.", "Step 2—run the setup wizard.",
                  "Step 3—deploy to production."], id="steps"),
    pytest.param(["It was 18 °C—warm for July.", "By night it was -74 °C—cold enough.",
                  "Then 9 h 40 min later—done."], id="units-and-dashes"),
    pytest.param(["AB-10442 left Graz at 11:30.", "AB-10457 left at 12:15.",
                  "AB-10460 left at 13:00."], id="codes-in-sentences"),
    pytest.param(["The Deck runs at 40fps.", "The Orbit runs at 60fps.", "The Nova runs at 30fps."],
                 id="figures-with-glued-units"),
])
def test_prose_with_figures_dashes_and_times_stays_prose(lines: list[str]) -> None:
    assert glued_rows(lines) is None


def test_a_title_line_over_two_glued_columns_is_no_empty_corner() -> None:
    rows = ["Our new rooms", "AmberHallCedarWing", "BasaltRoomDuneGallery", "CopperHallElmWing"]
    assert glued_rows(rows) is None


def test_rows_narrower_than_their_header_stay_a_paragraph() -> None:
    rows = ["MonthRainfall (mm)Sunny daysChange", "January112.46-12.0%", "February98.18+3.5%",
            "March130.24-1.1%"]
    assert glued_rows(rows) is None


def test_a_name_whose_number_runs_into_letters_is_no_signed_figure() -> None:
    row = "api-1eu-west99.98%"
    assert [cut.strength < WEAK for cut in candidates(row) if row[cut.at] == "-"] == [True]
    assert glued_rows(["CityChange", "Oslo-1.2%", "Bergen-0.4%", "Tromsø+2.1%"]) == [
        ["City", "Change"], ["Oslo", "-1.2%"], ["Bergen", "-0.4%"], ["Tromsø", "+2.1%"]]


def test_a_code_glued_to_the_next_header_word_is_not_cut_inside() -> None:
    row = "ModelScoreQA4KLicense"
    assert not any(row[cut.at - 1:cut.at + 1] == "A4" for cut in candidates(row)
                   if cut.strength >= WEAK)


# --- speed ----------------------------------------------------------------------------------------


def test_a_table_of_fifty_rows_is_cut_fast() -> None:
    rows = ["OrderRouteWeightPickupDropStatus"] + [
        f"AB-{10400 + n}Graz depot → Linz{n % 9 + 1},{100 + n * 7} kg"
        f"{9 + n % 3}:{10 + n % 40}{13 + n % 3}:{15 + n % 40}Delivered on time." for n in range(50)]
    start = time.perf_counter()
    grid = glued_rows(rows)
    assert time.perf_counter() - start < 3.0
    assert grid is not None and len(grid) == 51 and all(len(row) == 6 for row in grid)


# --- ranks, units rows, brackets, spelled dates, fractions --------------------------------------


def test_a_rank_glued_to_a_name_and_a_bracketed_note_before_a_sign() -> None:
    rows = ["PosTeamBudgetChangeSquad", "1Larkfield Rovers$12.4M+8%31",
            "2Oban Athletic$9.1M (est.)−2% (est.)28", "3Tollcross Utd$7.7M+1%30"]
    assert glued_rows(rows) == [
        ["Pos", "Team", "Budget", "Change", "Squad"],
        ["1", "Larkfield Rovers", "$12.4M", "+8%", "31"],
        ["2", "Oban Athletic", "$9.1M (est.)", "−2% (est.)", "28"],
        ["3", "Tollcross Utd", "$7.7M", "+1%", "30"]]


def test_a_units_row_and_negatives_in_brackets() -> None:
    rows = ["Line itemPlanSpendGap", "NZ$kNZ$kNZ$k", "Freight22.421.1(1.3)",
            "Storage0.00.50.5", "Packaging14.813.6(1.2)"]
    assert glued_rows(rows) == [
        ["Line item", "Plan", "Spend", "Gap"], ["", "NZ$k", "NZ$k", "NZ$k"],
        ["Freight", "22.4", "21.1", "(1.3)"], ["Storage", "0.0", "0.5", "0.5"],
        ["Packaging", "14.8", "13.6", "(1.2)"]]


def test_a_dash_rule_line_is_no_units_row() -> None:
    rows = ["Line itemPlanSpendGap", "------", "Freight22.420.1(2.3)", "Storage0.00.50.5"]
    assert glued_rows(rows) is None


def test_a_spelled_date_glued_after_a_short_word() -> None:
    rows = ["TaskDueState", "Forms returned by4 Jun 2026Done", "Appeals heard on19 Jun 2026Open",
            "Final list out2 Jul 2026—"]
    assert glued_rows(rows) == [["Task", "Due", "State"],
                                ["Forms returned by", "4 Jun 2026", "Done"],
                                ["Appeals heard on", "19 Jun 2026", "Open"],
                                ["Final list out", "2 Jul 2026", "—"]]


def test_fractions_glued_on_both_sides() -> None:
    rows = ["Route typeTrip beforeTrip afterChange", "Ring road22½ min17 min−23%",
            "Old town15 min12½ min−17%", "Harbour loop9½ min8 min−16%"]
    assert glued_rows(rows) == [["Route type", "Trip before", "Trip after", "Change"],
                                ["Ring road", "22½ min", "17 min", "−23%"],
                                ["Old town", "15 min", "12½ min", "−17%"],
                                ["Harbour loop", "9½ min", "8 min", "−16%"]]


def test_decimals_glued_together_are_cut_where_places_agree() -> None:
    cuts = {c.at: c.strength for c in candidates("Rent41.238.9")}
    assert cuts[8] > cuts[9]  # `41.2|38.9` over `41.23|8.9`
