"""The language of a text the page does not label, from its function words."""

from __future__ import annotations

import pytest

from ingest.language import detect

ENGLISH = (
    "The city council voted on Tuesday to expand the bus network, and the mayor said that the "
    "first routes would open in the spring. It was the third vote on the plan in a year, but "
    "this time the members who had opposed it were absent. Residents of the northern suburbs, "
    "who have been waiting for a direct line to the hospital, welcomed the decision. The cost "
    "of the new routes will be met by the regional transport fund, which has set aside money "
    "for the purpose, and by fares, which are not expected to rise."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen, und die Bürgermeisterin "
    "sagte, dass die ersten Linien im Frühjahr in Betrieb gehen. Es war die dritte Abstimmung "
    "über den Plan in einem Jahr, aber diesmal waren die Gegner nicht anwesend. Die Bewohner "
    "der nördlichen Vororte, die seit Jahren auf eine direkte Verbindung zum Krankenhaus "
    "warten, begrüßten die Entscheidung. Die Kosten werden von dem regionalen Verkehrsfonds "
    "getragen, der dafür Geld zurückgelegt hat, und von den Fahrpreisen, die nicht steigen "
    "sollen, wie die Verwaltung auf Nachfrage mit den Worten der Stadt bestätigte."
)
FRENCH = (
    "Le conseil municipal a voté mardi pour étendre le réseau de bus, et la maire a déclaré "
    "que les premières lignes seront ouvertes au printemps. C'était le troisième vote sur le "
    "projet en un an, mais cette fois les opposants étaient absents. Les habitants des "
    "quartiers du nord, qui attendent depuis des années une ligne directe vers l'hôpital, "
    "ont salué la décision. Le coût des nouvelles lignes sera pris en charge par le fonds "
    "régional des transports, qui a mis de l'argent de côté pour cela, et par les tarifs, "
    "qui ne devraient pas augmenter selon la mairie dans une note publiée pour les usagers."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr")])
def test_detect_names_the_language_of_running_text(text: str, code: str) -> None:
    assert detect(text) == code


def test_detect_leaves_a_short_text_unknown() -> None:
    assert detect("The council voted on Tuesday.") is None


def test_detect_leaves_a_text_in_two_languages_unknown() -> None:
    # English function words are commoner: 48 in ENGLISH against German's 30 in GERMAN.
    assert detect(ENGLISH + " " + GERMAN + " " + GERMAN) is None


def test_detect_reads_only_the_sample_it_is_given() -> None:
    assert detect(ENGLISH + " " + GERMAN * 20, sample=len(ENGLISH)) == "en"


def test_a_short_notice_is_told_when_one_language_clearly_leads() -> None:
    notice = ("Die Stadt hat am Montag die Pläne für den neuen Park vorgestellt. Die Arbeiten "
              "sollen im Herbst beginnen und werden von der Verwaltung mit dem Land bezahlt, "
              "das auch die Kosten für die Wege und die Beleuchtung übernimmt.")
    assert detect(notice) == "de"
