"""Bylines, datelines and tag lines of text dumps, each read from one whole line.

A copied page keeps its byline as a line of its own, often glued to the date (`April 21, 2026by
Ichiban Team`) or joined with separators (`By Jane Doe | March 3, 2025 | 6 min read`). A line is
metadata only when every piece of it is: a byline, a date, a reading time. Anything else in it
makes it article text. A photo credit or a page type (`Press Release`) beside the byline names
no author; names with no `By` count only beside the line's date (`Oct 2, 2025 • Ann Lee`).
Dates go through `ingest.dates.to_iso`, so a relative date (`5 hours ago`) is None, never
today; an `Updated` or `Last reviewed` date is not the publication date (CONVENTIONS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.dates import DAY_FIRST, ISO_DATE, MONTHS, SLASHED, WRITTEN_DATES, to_iso
from ingest.readers.text_chrome import unemphasised
from ingest.readers.text_tags import split_glued_tags

# `… GMT Updated 2 hours ago`: the update date is a piece of its own
PIECE_SEP = re.compile(r"\s*[|·•]\s*|\s+[—–-]\s+|\s+(?=[Ll]ast\s+[Uu]pdated\b)|"
                       r"(?<![Ll]ast)\s+(?=(?:[Uu]pdated|[Mm]odified)\b)")
RELATIVE = re.compile(r"\b(\d+|an?|one)\s+(sec(ond)?|min(ute)?|h(ou)?r|day|week|month|year)s?"
                      r"\s+ago\b|\b(yesterday|today|just now)\b", re.I)
# `Last reviewed: …` is a health page's review date: a later date, never the first publication.
UPDATED = re.compile(r"\b(updated|modified|edited|revised|reviewed)\b", re.I)
PREFIX = re.compile(r"^(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified|"
                    r"edited|revised|reviewed|date[d]?|on|at)\b\s*:?\s*", re.I)
TRAILING_PREFIX = re.compile(r"\s+(?:(?:(?:first|last|originally)\s+)?(?:published|posted|"
                             r"updated|modified)(?:\s+(?:on|at))?|on|at)\s*:?$", re.I)
CLOCK = re.compile(r",?\s*(?:\bat\s+)?\b\d{1,2}(?::\d{2}){1,2}\s*(?:[aApP]\.?[mM]\.?)?"
                   r"(?:\s*\b(?:[A-Z]{2,4}|UTC[+-]?\d*)\b)?|,?\s*(?:\bat\s+)?\b\d{1,2}\s*"
                   r"[aApP]\.?[mM]\.?(?:\s*\b[A-Z]{2,4}\b)?")  # `5:52 AM EST`, `9 a.m. ET`
# Copying glues a byline to its date: `April 21, 2026by Team`, `Jane DoeMarch 3, 2025`.
GLUED_BY = re.compile(r"(?<=\d)(?=[Bb]y\b)|(?<=[a-z])(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                      r"Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")
# Reuters glues the year to the clock and the clock to `Updated`: `20258:42 AM GMTUpdated`.
GLUED_TIME = re.compile(r"(?<=(?<!\d)(?:19|20)\d\d)(?=\d{1,2}:\d{2})")
# `Nov 3, 2026Ann Lee`: the author links glued after the date (a capital after the year)
GLUED_YEAR = re.compile(r"(?<=(?<!\d)(?:19|20)\d\d)(?=[A-Z][a-z])")
# `Lukas BrandtPublished May 7, 2026`: a date label glued to the name before it
GLUED_UPDATED = re.compile(r"(?<=[A-Za-z0-9])(?=(?:Updated|Modified|Published|Posted)\b)")
# `Dana Whitfield & Omar HaddadTue 7 Apr 2026`: author links glued to the date after them
GLUED_DATE = re.compile(r"(?<=[a-z])(?=(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?"
                        r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                        r"Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d)")
MAX_BYLINE_CHARS = 200
WEEKDAY_END = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s*$", re.I)
READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?)\.?(?:\s+(?:read|listen))?$", re.I)
BYLINE = re.compile(r"^(?:(?:written|words|story|text|reporting|posted)\s+)?by\b\s*:?\s*(.+)$|"
                    r"^authors?\s*:\s*(.+)$", re.I)
NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,|;|&|\band\b)\s*")
PARTICLES = {"de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le",
             "bin", "al", "el", "st.", "y", "dos", "das", "ter", "ten"}
NOT_NAMES = re.compile(r"\b(staff|reporter|editor|editors|correspondent|contributor|writer|"
                       r"columnist|producer|photographer|email|author|newsroom|wire|"
                       # job titles after a company blog's byline: `Ann Lee, Platform Engineer`
                       r"engineer|developer|designer|manager|scientist|analyst|researcher|"
                       r"director|officer|founder|co-founder|ceo|cto|cfo|coo|vp|president|"
                       r"intern|advocate|architect|consultant|specialist|strategist|"
                       # an outlet or a section beside the names: `3 March · World News`
                       r"news|media|desk|bureau|magazine|daily|weekly|journal|gazette|"
                       r"updated|published|reuters|associated press|afp|ap|bloomberg|"
                       r"press association|pa media|dpa|xinhua|upi)\b", re.I)  # + wire services
# `By Ann Lee in London and Bo Chen in Tokyo`: where each one filed from is no part of the name
FILED_FROM = re.compile(r"\s+(?:in|from)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")
# `Words by Ann Lee · Photos by Bo Chen`: the other credits of a byline line name no author
CREDIT = re.compile(r"^(?:photos?|photographs?|photography|images?|pictures?|illustrations?|"
                    r"graphics|video|artwork|art|design|edited|editing)\s*(?:by\b|:)", re.I)
# Words of a blog's category links, which share the shape of a name (`Data Science`)
TOPIC_WORDS = re.compile(r"\b(?:engineering|design|science|learning|technology|tech|security|"
                         r"research|development|product|products|company|community|culture|"
                         r"business|marketing|policy|politics|economy|health|sport|sports|"
                         r"events|stories|updates|insights|releases|tutorials?|guides?|"
                         r"source|data|cloud|infrastructure|finance|climate|environment|"
                         r"world|local|national|international|features?|announcements)\b", re.I)
# `April 14, 2026 | News Release`: the kind of page, beside its date, is no author
PAGE_TYPE = re.compile(r"^(?:(?:news|press|media)\s+(?:release|advisory|statement)|statement|"
                       r"announcement|opinion|analysis|explainer|feature|interview|review|"
                       r"editorial|commentary|obituary|podcast|news|update|case study|"
                       r"guest post|blog(?:\s+post)?|report|press)$", re.I)
# `Ann Lee and Bo Chen, Staff Writers`: names, then a role ending in a job-title word
NAMES_THEN_ROLE = re.compile(r"^([^,]+?),\s+(?:[A-Z][\w-]*\s+){0,2}(?:[Ss]taff\s+)?(?:Writers?|"
                             r"Reporters?|Correspondents?|Editors?|Columnists?|Contributors?)$")
# `By Ann Lee and Bo Chen, The Herald`: after a finished `A and B` list, a comma adds the outlet.
OUTLET_AFTER_LIST = re.compile(r"^(.*\band\b[^,]*?)\s*,\s*[^,]+$")
TAG_WORDS = (r"(?:tags?|tagged(?:\s+(?:with|in|as))?|topics?|categories|category|"
             r"filed\s+(?:under|in)|keywords|labels?|posted\s+in|more\s+about|related\s+topics)")
TAGS_LINE = re.compile(rf"^{TAG_WORDS}\s*[:：]\s*(.+)$", re.I)
LABELLED_HASHTAGS = re.compile(rf"^{TAG_WORDS}\s+(#[\w-]+(?:\s*#[\w-]+)*)$", re.I)
MAX_TAG_WORDS = 5  # a longer "tag" after a label is a sentence (`More about: the plan, which…`)
TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*|\s+(?=#)|\s+/\s+")  # a spaced slash; `TCP/IP` stays
# `Tagsdurum-wheatharvest`: the label glued to the (lower-case) tag links after it
GLUED_TAG_LABEL = re.compile(r"^(?:Tags|Tagged|Topics|Categories|Keywords|Labels)"
                             r"([a-z0-9]+(?:-[a-z0-9]+)*)$")
# A label whose value is on the next line (`Published` / `14 March 2025`, `By` / `Jane Doe`).
META_LABEL = re.compile(r"^(?:(?:first |last |originally )?(?:published|posted|updated)(?: on)?|"
                        r"date[d]?|(?:written |posted )?by|authors?)\s*:?$", re.I)
TAG_LABEL = re.compile(rf"^{TAG_WORDS}\s*:?$", re.I)
PUBLISHER_LINE = re.compile(r"^from\s*:\s*(\S.*)$", re.I)
PUBLISHER_LABEL = re.compile(r"^(?:from\s*:|published in)$", re.I)  # GOV.UK, Medium
HASHTAGS = re.compile(r"^#[\w-]+(?:\s*#[\w-]+)+$")  # spaced or glued: `#a #b`, `#a#b`
GLUED_TAGS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Meta:
    """What one metadata line says; `kind` names it for provenance."""

    kind: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    dated: bool = False
    tags: list[str] = field(default_factory=list)


def read_line(line: str, near_edge: bool) -> Meta | None:
    """The metadata a whole line states, or None when the line is article text.

    `near_edge` is True in the page's head and foot, where plain dates, bylines and glued tag
    words stand; in the body only labelled lines (`Tags: …`, `#a #b`) count.
    """
    text = GLUED_BY.sub(" ", _names_glued_to_date(unemphasised(line)))
    text = GLUED_YEAR.sub(" · ", GLUED_UPDATED.sub(" · ", GLUED_TIME.sub(" ", text)))
    if not text:
        return None
    if tags := _tags(text, near_edge):
        return Meta(kind=tags[0], tags=tags[1])
    if not near_edge:
        return None
    if (field := PUBLISHER_LINE.match(text)) and _publisher_name(field[1]):
        return Meta(kind="publisher")  # `From: Environment Agency` on one line, as in a pair
    pieces = [p for p in PIECE_SEP.split(text) if p.strip()]
    return _combined([_piece(p) for p in pieces])


def _combined(found: list[Meta | None]) -> Meta | None:
    """One line's pieces as one byline or dateline; None when a piece is not metadata.

    Names with no `By` count only on a line with a date (`Oct 2, 2026 • Ann Lee`): alone,
    two capitalised words are as often a short headline or a menu entry."""
    pieces = [piece for piece in found if piece is not None]
    if not pieces or len(pieces) < len(found):
        return None
    if any(p.kind == "bare names" for p in pieces) and not any(p.dated for p in pieces):
        return None
    meta = Meta(kind="byline")
    for piece in pieces:
        meta.authors += [a for a in piece.authors if a not in meta.authors]
        meta.dated = meta.dated or piece.dated
        meta.published = meta.published or piece.published
    if not meta.authors and not meta.dated:
        return None  # a bare reading time is chrome, not metadata
    meta.kind = "byline" if meta.authors else "dateline"
    return meta


def _names_glued_to_date(text: str) -> str:
    """`Jane DoeMarch 3, 2025` → `By Jane Doe · March 3, 2025`: names with no `By` are a
    byline only when glued to the date (a dateline `Riverside, 7 Apr` has a space), and each
    name has two words or more (a place or a section name glued to a date is one)."""
    if len(text) > MAX_BYLINE_CHARS:
        return text  # a paragraph; searching its every position costs time on long lines
    match = GLUED_DATE.search(text)
    if match is None or BYLINE.match(text):
        return text
    people = names(text[:match.start()])
    if not people or any(len(person.split()) < 2 for person in people):
        return text
    return f"By {text[:match.start()]} · {text[match.start():]}"


def read_pair(label: str, value: str, near_edge: bool) -> Meta | None:
    """A label line and its value on the next line, read as one piece of metadata, in the
    page's head or foot only. `From:` / `Department for Transport` names the publisher: a
    header field, dropped, not an author."""
    label, value = unemphasised(label).strip(), unemphasised(value).strip()
    if not near_edge or not value:
        return None
    if TAG_LABEL.match(label):
        glued = _tags(value, True)
        meta = read_line(value if glued else f"Tags: {value}", True)
        return meta if meta and all(len(t.split()) <= 4 for t in meta.tags) else None
    if PUBLISHER_LABEL.match(label):
        return Meta(kind="publisher") if _publisher_name(value) else None
    return read_line(f"{label} {value}", True) if META_LABEL.match(label) else None


def _publisher_name(value: str) -> bool:
    return len(value.split()) <= 15 and not value.endswith(".")


def _piece(piece: str) -> Meta | None:
    """One separator-delimited piece: a byline, a date (with prefix and time), a reading time,
    bare names (counted only after a date), or a credit or page-type label naming no author."""
    piece = unemphasised(piece)
    if READ_TIME.match(piece):
        return Meta(kind="read time")
    meta = Meta(kind="piece")
    rest = piece
    if span := _date_span(piece):
        start, end = span
        date_text = piece[start:end]
        rest = f"{WEEKDAY_END.sub('', piece[:start])} {piece[end:]}"  # `Thursday 27 Feb…`
        meta.dated = True
        if not UPDATED.search(piece[:start]):
            meta.published = to_iso(date_text)
        rest = _strip_time(rest.strip())
    credit = CREDIT.match(rest.strip())  # before `Edited` is stripped as a date's prefix
    rest = PREFIX.sub("", rest.strip()).strip()
    rest = PREFIX.sub("", rest).strip()  # "Published on"
    rest = TRAILING_PREFIX.sub("", rest).strip(" ,:")  # `By Jane Doe published 3 May 2025`
    if not rest:
        return meta if meta.dated else None
    if credit or PAGE_TYPE.match(rest):
        return None if meta.dated else Meta(kind="credit")
    match = BYLINE.match(rest)
    if not match and (role := NAMES_THEN_ROLE.match(rest)) and (people := names(role[1])) \
            and all(2 <= len(person.split()) <= 3 for person in people):
        meta.authors = people  # `Ann Lee and Bo Chen, Staff Writers`: the role says byline
        return meta
    if not match:
        return _bare_names(rest, meta)
    authors = names(match[1] or match[2], filed=True)
    if authors is None:
        return None
    meta.authors = authors
    return meta


def _bare_names(rest: str, meta: Meta) -> Meta | None:
    """A piece that is only people's names, each of two or three words (a one-word piece is
    a section or a place), with no date in it: the author links of a `date • names` line."""
    people = None if meta.dated else names(rest)
    if not people or any(not 2 <= len(person.split()) <= 3 for person in people):
        return None  # a longer run of capitalised words is another story's headline
    if TOPIC_WORDS.search(rest) or not all(_name_word(w) for p in people for w in p.split()):
        return None  # `Oct 2 · Machine Learning`, `Oct 2 · AI Research`: a category's link
    return Meta(kind="bare names", authors=people)


def _name_word(word: str) -> bool:
    """`Ann`, `O'Neil`, `McKay`, `Łukasz`, `J.`, `van`; not an acronym (`AI`) or a figure."""
    letters = re.sub(r"[-'’.]", "", word)
    if word.casefold() in PARTICLES or re.fullmatch(r"[A-Z]\.", word):
        return True
    return letters.isalpha() and word[0].isupper() and not (len(letters) > 1 and letters.isupper())


def _date_span(text: str) -> tuple[int, int] | None:
    """Where a date is written in `text`, absolute or relative."""
    for pattern in (ISO_DATE, SLASHED, DAY_FIRST, *WRITTEN_DATES, RELATIVE):
        if match := pattern.search(text):
            return match.span()
    return None


def _strip_time(rest: str) -> str:
    """Drop a clock time left beside the date (`at 9:15 a.m. ET`), keeping any byline."""
    return CLOCK.sub(" ", rest).strip()


def names(text: str, filed: bool = False) -> list[str] | None:
    """The people in a byline's name list, or None when it is not a list of names.

    Roles (`Senior Reporter`) and "Staff" are dropped; anything that is not name-shaped (a URL,
    a date, lower-case words of a sentence) makes the whole list not a byline. `filed` (after
    `By`) drops the place each name filed from: elsewhere `Storm in Leeds` is no name.
    """
    people: list[str] = []
    text = text.strip().rstrip(".")
    if match := OUTLET_AFTER_LIST.match(text):
        text = match[1]
    for part in NAME_SPLIT.split(text):
        part = part.strip(" .,")
        part = FILED_FROM.sub("", part) if filed else part
        if not part:
            continue
        if NOT_NAMES.search(part):
            continue
        if not _name_shaped(part):
            return None
        if part not in people:
            people.append(part)
    return people or None


def _name_shaped(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5 or re.search(r"[\d@/:]|www\.|\.com\b", part):
        return False
    if len(words) == 1 and words[0].casefold().rstrip(".") in MONTHS:
        return False
    return all(w[0].isupper() or w.casefold() in PARTICLES for w in words)


def _tags(text: str, near_edge: bool) -> tuple[str, list[str]] | None:
    if match := TAGS_LINE.match(text):
        tags = [t for t in (t.strip().lstrip("#").strip() for t in TAG_SPLIT.split(match[1])) if t]
        if any(len(tag.split()) > MAX_TAG_WORDS for tag in tags):
            return None
        glued = _glued_run(tags[0]) if len(tags) == 1 else None
        return ("glued tags", glued) if glued else ("tags line", tags)
    if match := LABELLED_HASHTAGS.match(text):  # `Tagged with #a #b`
        return "hashtags", re.findall(r"#([\w-]+)", match[1])
    if HASHTAGS.match(text):
        return "hashtags", re.findall(r"#([\w-]+)", text)
    if near_edge and re.fullmatch(r"#[a-z][\w-]*", text):
        return "hashtags", [text[1:]]
    if near_edge and (match := GLUED_TAG_LABEL.match(text)):
        tags = split_glued_tags(match[1])  # the glued label is sign enough that these are tags
        return ("glued tags", tags) if len(tags) >= 2 else None
    if near_edge and (glued := _glued_run(text)):
        return "glued tags", glued
    return None


def _glued_run(text: str) -> list[str] | None:
    """The tags of a run of glued lower-case tag links; None for one word or two (two pieces
    is more often a lone name, `tidecache`, a site or product, than a row of tags)."""
    if not GLUED_TAGS.match(text) or not any(c.isalpha() for c in text):
        return None
    tags = split_glued_tags(text)
    return tags if len(tags) >= 3 else None
