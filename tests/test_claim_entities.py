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


def test_how_the_article_uses_a_name_types_it() -> None:
    article = ("Growers in Kelloway fared better. The ride-hailing company Tovar was fined. "
               "Mina Sato is chief economist at Delph Research.")
    assert named("Kelloway and Tovar hired Mina Sato.", article) == [
        ("Kelloway", "place"), ("Tovar", "organization"), ("Mina Sato", "person")]


def test_investing_in_a_company_does_not_make_it_a_place() -> None:
    article = "Funds invested $2 billion in Tovar last year. Tovar, a Dutch company, grew."
    assert named("Tovar grew.", article) == [("Tovar", "organization")]
    assert named("Tovar grew.", "Funds bought shares in Tovar last year.") == [
        ("Tovar", "organization")]


def test_words_of_a_name_type_it() -> None:
    assert named("Pell & Whitcombe sued the Grain Board of Trade.") == [
        ("Pell & Whitcombe", "organization"), ("Grain Board of Trade", "organization")]
    assert named("Rain shut Tarn International Airport and hit Western Kelloway.") == [
        ("Tarn International Airport", "place"), ("Western Kelloway", "place")]


def test_an_owner_before_a_possessive_is_named_apart() -> None:
    assert named("Norway's Supreme Court upheld the fine.") == [
        ("Norway", "place"), ("Supreme Court", "organization")]
    assert ("Tarn Labour Party", "organization") in named(
        "Premier Anna Vance's Tarn Labour Party held on.")


def test_a_possessive_inside_a_name_stays_in_it() -> None:
    assert named("She studied at King's College London.") == [
        ("King's College London", "other")]


def test_a_judge_title_is_not_part_of_the_name_but_a_law_keeps_its_first_word() -> None:
    assert named("Ms Justice Ada Brennan ruled.") == [("Ada Brennan", "person")]
    assert ("General Data Protection Regulation", "other") in named(
        "It broke the General Data Protection Regulation.")


def test_an_acronym_of_a_name_s_initials_merges_with_it() -> None:
    article = "The Tarn Valley Water Authority raised bills. The TVWA said costs rose."
    assert named("The TVWA said costs rose.", article) == [
        ("Tarn Valley Water Authority", "organization")]


def test_one_word_of_a_two_word_club_is_the_club() -> None:
    article = "Harlow Kestrels collapsed. Kestrels owed £4m. The Kestrels' next match is off."
    assert named("Kestrels owed £4m.", article) == [("Harlow Kestrels", "other")]


def test_a_person_of_an_institution_is_two_entities_but_a_court_of_the_union_one() -> None:
    assert named('"We will appeal," said Anna Varga of the Tarn Civil Liberties Council.') == [
        ("Anna Varga", "person"), ("Tarn Civil Liberties Council", "organization")]
    assert named("It reached the Court of Justice of the European Union.") == [
        ("Court of Justice of the European Union", "organization")]


def test_a_currency_prefix_is_not_the_country() -> None:
    assert named("Wheat rose to US$6.10 against the US dollar.") == []


def test_a_role_word_before_a_name_makes_a_person_and_a_site_noun_a_place() -> None:
    article = ("The dispute grew as trade minister Ilse Marrow met unions at the Ostva Alta "
               "copper mine. The state mining commission, Minacor, said output fell.")
    assert named("Ilse Marrow visited Ostva Alta with Minacor.", article) == [
        ("Ilse Marrow", "person"), ("Ostva Alta", "place"), ("Minacor", "organization")]


def test_the_first_words_of_a_longer_name_are_that_name() -> None:
    article = "Andes Plata Minerals cut output. Andes Plata said costs rose."
    assert named("Andes Plata said costs rose.", article) == [
        ("Andes Plata Minerals", "organization")]
