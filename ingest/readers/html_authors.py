"""Author names from bylines and author fields, as the conventions want them.

A byline is `By A`, `By A and B`, `By A, B and C`, `Interview by A`, often with a date or a
role glued on (`By A | March 3, 2025`, `By A, Senior Editor`). Names are people: never a URL,
"Staff", "Email the author", a photographer's credit or a date.
"""

from __future__ import annotations

import re

from ingest.dates import to_iso

LEAD = re.compile(r"^\s*(?:(?:interview|interviewed|words|text|story|reporting|written|posted|"
                  r"published|analysis|compiled|edited)\s+)?by\s*:?\s+", re.I)
CUT = re.compile(r"\s*(?:[|·•—–]|\bon\s+(?=\w+\s+\d)|\bupdated\b|\bpublished\b|"
                 r"\d{1,2}\s*(?:min|minute)s?\s+read|\bphotograph|\bphotos?\b).*$", re.I)
SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
NOT_NAMES = re.compile(r"^(?:staff|editors?|admin|administrator|guest|anonymous|team|"
                       r"email the author|contact|follow|view all posts.*|more by.*|"
                       r"the associated press|associated press|reuters|afp|ap|"
                       r"[\w.+-]+@[\w-]+\.[\w.]+)$", re.I)
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "la", "le",
             "bin", "ibn", "al", "el", "ter", "ten", "y", "zu"}
ROLE = re.compile(r"\b(?:editor|reporter|correspondent|writer|columnist|contributor|"
                  r"producer|journalist|staff|analyst at|photographer|director|chief|head of|"
                  r"senior|bureau|desk)\b", re.I)


def authors_from_text(text: str, byline: bool = True) -> list[str]:
    """Names in a byline (`byline=True` needs a leading `By`) or in an author field."""
    text = re.sub(r"\s+", " ", text).strip()
    lead = LEAD.match(text)
    if byline and not lead:
        return []
    if lead:
        text = text[lead.end():]
    text = CUT.sub("", text).strip(" ,.")
    parts = [part.strip(" ,.") for part in SPLIT.split(text) if part.strip(" ,.")]
    if len(parts) > 1:  # `Reuters, Washington`: a lone word beside others is a place or an org
        parts = [part for part in parts if " " in part]
    return parts


def clean_authors(names: list[str]) -> list[str]:
    """Drop what is not a person's name, and duplicates, keeping byline order."""
    kept: list[str] = []
    for name in names:
        name = re.sub(r"\s+", " ", name).strip(" ,.")
        if name.isupper():  # `TOM KRISHER` in a wire byline is Tom Krisher
            name = name.title()
        if not _is_name(name) or name in kept:
            continue
        kept.append(name)
    return kept


def _is_name(name: str) -> bool:
    if not name or len(name) > 60 or NOT_NAMES.match(name):
        return False
    if re.search(r"https?:|www\.|[/@()\[\]{}:|\d]", name) or to_iso(name):
        return False
    if ROLE.search(name):
        return False
    words = name.split()
    if not 1 <= len(words) <= 5 or words[0].lower() in ("the", "a", "an", "our", "by"):
        return False
    return all(w[:1].isupper() or w.lower() in PARTICLES for w in words)
