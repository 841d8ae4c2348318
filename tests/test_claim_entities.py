"""Entities named in claims: canonical names, types, aliases (CONVENTIONS.md, Entities)."""

from __future__ import annotations

from ingest import entities


def named(sentence: str, article: str = "") -> list[tuple[str, str]]:
    registry = entities.registry(article or sentence)
    return [(e.name, e.type) for e in entities.find(sentence, registry)]


def test_possessive_and_leading_the_are_removed() -> None:
    assert named("Anthropic's models run on the Fed's schedule.") == [
        ("Anthropic", "organization"), ("Federal Reserve", "organization")]


def test_gazetteer_alias_merges_aws_with_amazon_web_services() -> None:
    assert named("AWS is betting on its own silicon.") == [("Amazon Web Services", "organization")]


def test_acronym_defined_in_the_article_merges_with_its_long_form() -> None:
    article = "The Chicago Transit Authority (CTA) runs buses. The CTA said fares would rise."
    assert named("The CTA said fares would rise.", article) == [
        ("Chicago Transit Authority", "organization")]


def test_acronym_expansion_takes_only_the_words_it_spells() -> None:
    sentence = "Microsoft, Google and Amazon Web Services (AWS) will spend $240 billion."
    assert ("Amazon Web Services", "organization") in named(sentence)
    assert all(" and " not in name for name, _ in named(sentence))


def test_surname_resolves_to_the_person_named_in_full_earlier() -> None:
    article = "Chief Executive Laura Whitfield spoke. Whitfield, who took over in 2023, cut costs."
    assert named("Whitfield, who took over in 2023, cut costs.", article) == [
        ("Laura Whitfield", "person")]


def test_role_words_split_organisation_from_person() -> None:
    assert named("Amazon CEO Andy Jassy told Reuters on Monday.") == [
        ("Amazon", "organization"), ("Andy Jassy", "person"), ("Reuters", "organization")]


def test_legal_suffix_and_places_are_normalised() -> None:
    assert named("Shares of Apple Inc. fell in the U.S. and in New York.") == [
        ("Apple", "organization"), ("United States", "place"), ("New York", "place")]


def test_sentence_opening_words_months_and_units_are_not_entities() -> None:
    assert named("However, in May the campus drew 2 GW.") == []
    assert named("Training a frontier model needs thousands of GPUs.") == []


def test_unknown_names_get_types_from_suffixes_and_first_names() -> None:
    assert named("Analysts at Harbor Lane Securities and Mark Delaney disagreed.") == [
        ("Harbor Lane Securities", "organization"), ("Mark Delaney", "person")]
