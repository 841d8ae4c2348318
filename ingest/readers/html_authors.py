"""Author names from bylines and author fields, as the conventions want them.

A byline is `By A`, `By A and B`, `By A, B and C`, `Interview by A`, often with a date or a
role glued on (`By A | March 3, 2025`, `By A, Senior Editor`), or the same in another language
(`Von A und B`, `Par A et B`, `Por A`). Names are people: never a URL, "Staff", "Email the
author", a photographer's credit, a date, a company or the publication itself.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.dates import to_iso

BYLINES = ('[class*="byline"], [id*="byline"], [rel="author"], [itemprop~="author"], '
           '[class*="author-name"], [class*="article-author"], [class~="author"], '
           '[class*="post-author"]')
LEAD = re.compile(r"^\s*(?:(?:interview|interviewed|words|text|story|reporting|written|posted|"
                  r"published|analysis|compiled|edited)\s+)?by\s*:?\s+", re.I)
# "By" in German, French, Spanish/Portuguese, Dutch, Italian and the Nordic languages. Only in a
# byline, and only before a capitalised name: `von der Leyen` is a name, `Von Anna Schmidt` is not.
FOREIGN_LEAD = re.compile(r"^\s*(?:[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|di|[Aa]v|[Aa]f)\s+(?=[A-Z])")
CUT = re.compile(r"\s*(?:[|·•—–]|\bon\s+(?=\w+\s+\d|(?:mon|tues|wednes|thurs|fri|satur|sun)"
                 r"day\b)|\bupdated\b|\bpublished\b|"
                 r"\d{1,2}\s*(?:min|minute)s?\s+read|\bphotograph|\bphotos?\b).*$", re.I)
SPLIT = re.compile(r"\s*(?:,|;|&|\b(?:and|und|et|og|och)\b)\s*")
# Spanish `y`, Portuguese and Italian `e` join two names, but `y` also sits inside one (`José
# Ortega y Gasset`): split on them only when every piece is still a full name (two words).
SOFT_SPLIT = re.compile(r"\s+(?:y|e)\s+")
# `(Saint-Nazaire, envoyé spécial)`, `(Reuters)`: a dateline or role beside the names.
ANNOTATION = re.compile(r"\s*\([^()]*\)")
NOT_NAMES = re.compile(r"^(?:staff|editors?|admin|administrator|guest|anonymous|team|"
                       r"email the author|contact|follow|view all posts.*|more by.*|"
                       r"the associated press|associated press|reuters|afp|ap|"
                       r"[\w.+-]+@[\w-]+\.[\w.]+)$", re.I)
# A company is not a person: `Brightline Robotics, Inc.` in an author field is the issuer.
CORPORATE = re.compile(r"\b(?:Inc|Ltd|LLC|GmbH|Corp|Corporation|plc|PLC|Limited|S\.A|B\.V|N\.V)"
                       r"\b\.?(?=$|[\s,)])")
PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "du", "la", "le",
             "bin", "ibn", "al", "el", "ter", "ten", "y", "zu"}
ROLE = re.compile(r"\b(?:editor|reporter|correspondent|writer|columnist|contributor|"
                  r"producer|journalist|staff|analyst at|photographer|director|chief|head of|"
                  r"senior|bureau|desk)\b", re.I)
NON_WORD = re.compile(r"\W+")
MAX_BYLINE = 150  # characters in the line around a marked name still read as a byline


def authors_from_text(text: str, byline: bool = True) -> list[str]:
    """Names in a byline (`byline=True` needs a leading `By`) or in an author field."""
    text = re.sub(r"\s+", " ", text).strip()
    lead = LEAD.match(text) or (FOREIGN_LEAD.match(text) if byline else None)
    if byline and not lead:
        return []
    if lead:
        text = text[lead.end():]
    elif CORPORATE.search(text):
        return []
    text = CUT.sub("", ANNOTATION.sub("", text)).strip(" ,.")
    parts = [piece for part in SPLIT.split(text) if part.strip(" ,.")
             for piece in _soft_split(part.strip(" ,."))]
    if len(parts) > 1:  # `Reuters, Washington`: a lone word beside others is a place or an org
        parts = [part for part in parts if " " in part]
    return parts


def _soft_split(part: str) -> list[str]:
    pieces = SOFT_SPLIT.split(part)
    return pieces if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces) else [part]


def uninvert(name: str) -> str:
    """`Okafor, Chidi` → `Chidi Okafor`, for fields that hold one person in index order. Only
    when the part before the comma is a surname (one word, perhaps after particles: `de la
    Cruz`), so two names given as `Marta Kowalczyk, John Smith` stay two names."""
    surname, _, given = name.partition(",")
    words = surname.split()
    inverted = bool(words) and all(w in PARTICLES for w in words[:-1]) and \
        1 <= len(given.split()) <= 3 and "," not in given
    return f"{given.strip()} {surname.strip()}" if inverted else name


def not_people(names: list[str], organisations: list[str]) -> list[str]:
    """Names without the publication and organisations the page names (`author` = site)."""
    keys = {_key(org) for org in organisations if _key(org)}
    return [name for name in names if _key(name) not in keys]


def _key(text: str) -> str:
    return NON_WORD.sub("", text).casefold()


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


def byline_authors(tree: LexborHTMLParser) -> list[str]:
    """Names from the page's byline: `By …` text, or an element marked as the author."""
    for node in tree.css(BYLINES):
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if not text or len(text) > 200:
            continue
        marked = node.tag == "a" or "author" in (node.attributes.get("class") or "") \
            or node.attributes.get("itemprop") == "author"
        names = clean_authors(authors_from_text(text, byline=not marked or text[:3].lower()
                                                == "by "))
        if names:
            return _with_coauthors(node, names) if marked else names
    return []


def _with_coauthors(node: LexborNode, names: list[str]) -> list[str]:
    """Pages mark each name on its own (`By <a rel=author>A</a> and <a rel=author>B</a>`): the
    short line around the first marked name holds the others, in byline order."""
    parent = node.parent
    for _ in range(3):
        if parent is None or parent.tag in ("body", "article", "main"):
            break
        text = " ".join((parent.text(deep=True, separator=" ") or "").split())
        if len(text) > MAX_BYLINE:
            break
        more = clean_authors(authors_from_text(text, byline=False))
        if len(more) > len(names) and set(names) <= set(more):
            return more
        parent = parent.parent
    return names


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
