"""Organisations, people, products and places named in a sentence, with canonical names.

Rule-based and offline (no statistical model is installable from PyPI without a hub download):
capitalised spans, a small gazetteer shipped in `data/gazetteer.json` (well-known organisations,
people, products and places with their aliases), organisation suffixes, role words and a list of
first names for people. The article is read once first (`Registry`) so that acronyms it defines
(`Amazon Web Services (AWS)`) and surnames of people it names (`Amodei` after `Dario Amodei`)
resolve to one canonical name. Unknown capitalised names are kept with type `other`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from itertools import pairwise

from ingest import entity_context
from ingest.models import EntityMention


def _wordset(words: str) -> frozenset[str]:
    """A set written as a block of words, for lists too long for one line each."""
    return frozenset(words.split())


EntityType = str
WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’&.-]*[\w'’]|[A-Z]|[a-z]{1,2}[A-Z][\w-]*)"
SPAN = re.compile(rf"(?<![\w$€£¥.-]){WORD}"
                  rf"(?:(?:\s+(?:of\s+the|of|for|and|de|du|von|van|der|al|&)\s+|\s+){WORD})*")
CAPITAL = re.compile(r"[A-Z]")
DEFINITION = re.compile(rf"(?P<long>{WORD}(?:(?:\s+(?:of|for|and|&)\s+|\s+){WORD})+)\s+"
                        r"\((?P<short>[A-Z][A-Za-z0-9&]{1,9})\)")
ORG_SUFFIXES = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "plc", "co",
                "co.", "group", "bank", "agency", "ministry", "department", "university",
                "institute", "commission", "council", "association", "party", "fund", "reserve",
                "authority", "court", "times", "news", "journal", "post", "labs", "technologies",
                "systems", "airlines", "motors", "capital", "partners", "holdings", "foundation",
                "tools", "team", "research", "securities", "ventures", "office", "board",
                "administration", "committee", "union", "energy", "pharmaceuticals", "media",
                "financial", "insurance", "airways", "pharma", "bancorp", "trust", "exchange",
                "network", "networks", "studios", "health", "industries", "electric", "power",
                "air", "house", "aviation", "aerospace", "railways", "telecom", "logistics",
                "software", "robotics", "therapeutics", "biosciences", "entertainment",
                "rugby", "fc", "athletic", "club", "federation", "minerals", "mining",
                "resources", "metals", "shipping", "lines", "steel", "chemicals", "petroleum"}
ORG_HEADS = {"university", "bank", "department", "ministry", "institute", "college", "school",
             "museum", "office", "bureau", "council", "court", "house", "board", "national",
             "federal", "royal", "society", "center", "centre", "agency", "commission"}
PLACE_SUFFIXES = {"airport", "park", "stadium", "square", "street", "avenue", "bridge", "river",
                  "lake", "mountains", "island", "islands", "valley", "county", "province",
                  "prefecture", "district", "coast", "bay", "harbour", "harbor", "peninsula",
                  "desert", "basin", "sea", "ocean", "gulf", "strait", "canal", "heights",
                  "hills", "beach"}
PLACE_PREFIXES = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                  "central", "greater", "mount", "lake", "port", "fort", "san", "santa"}
LAWS = {"regulation", "act", "directive", "law", "treaty", "convention", "agreement", "accord",
        "code", "bill", "protocol", "assembly"}
NOT_AFTER_TITLE = ORG_SUFFIXES | ORG_HEADS | LAWS  # what ends an institution's name, not a person's
ACRONYM = re.compile(r"\([A-Z][A-Za-z0-9&]{1,9}\)")
LEGAL = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|plc|Co|Corporation)\.?$")
ROLES = {"ceo", "cfo", "cto", "coo", "chief", "executive", "president", "chairman",
         "chairwoman", "chair", "founder", "co-founder", "minister", "secretary", "senator",
         "governor", "director", "professor", "prof", "prof.", "dr", "dr.", "mr", "mr.", "mrs",
         "mrs.", "ms", "ms.", "prime", "vice", "vice-president", "head", "analyst", "economist",
         "judge",
         "chancellor", "rep.", "sen.", "gov.", "officer", "spokesperson", "spokeswoman",
         "spokesman", "general", "commissioner", "mayor", "sir", "dame", "justice", "premier"}
# Capitalised only because they open a sentence, or never names on their own.
STOP = _wordset("""a an the this that these those it its in on at for from to of by with as but
and or
if when while after before since during however meanwhile still yet so also although though
because despite according for one two three some many most more all every each both other such
we i you he she they our their his her my your there here what why how where who which first
second last next new today yesterday tomorrow monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
ai ceo cfo cto gpu gpus cpu cpus api apis llm llms ipo gdp ev evs pc pcs tv us-based q1 q2 q3
q4 pm am ok faq url html json sql id no not under over about like just only even then now
instead overall together similarly additionally furthermore moreover finally initially earlier
later analysts officials researchers experts investors shares sales revenue prices
rival rivals former ex competitor competitors gw mw kw tw gwh mwh twh kwh gbps tbps
gb tb pb nm km kg mph
""")
DEMONYMS = _wordset("""european american british chinese french german japanese indian russian
ukrainian canadian australian korean italian spanish dutch swiss irish scottish welsh english
israeli iranian saudi mexican brazilian african asian western eastern northern southern
danish norwegian swedish finnish polish chilean argentine argentinian colombian peruvian turkish
greek egyptian nigerian kenyan portuguese belgian austrian czech hungarian romanian vietnamese
thai indonesian malaysian filipino pakistani taiwanese singaporean emirati iraqi syrian
lebanese moroccan ethiopian scandinavian nordic arab""")
NOT_NAME_TAIL = STOP - {"ai", "us", "one", "first", "new"}  # Luminar AI, Mistral AI
OPENERS = STOP | {"s"}
NOT_NAMES = STOP | DEMONYMS
NOT_SHORT_FORMS = STOP | DEMONYMS | ORG_SUFFIXES | ORG_HEADS | PLACE_SUFFIXES | PLACE_PREFIXES \
    | {"new", "international", "global", "first", "united"}
CONNECTORS = ("of", "for", "and", "&", "de")
INNER = re.compile(r"\b(?:[a-z]+|,) ([A-Z][\w-]+)")
SPACE_CAPITAL = re.compile(r" [A-Z]")
SPLIT = re.compile(r" and |-")
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s$")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’|-based)$")
THE = re.compile(r"^(?:The|the)\s+")
MODEL_NAME = re.compile(r"[a-z]\d|\d[a-z]")  # digits beside lower-case letters: a model name
# A word opening a sentence and set off as a name: `Ryanair, which flies…`, `IndiGo, India's…`.
APPOSITION = re.compile(r",\s+(?:which|who|whose|[A-Z]\w+['’]s)\b")
OPENING_WORD = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][\w'’&-]+)$")
CURRENCY_AFTER = ("$", " dollar", " cent")


@dataclass(frozen=True)
class Known:
    name: str
    type: EntityType


@cache
def _gazetteer() -> dict[str, Known]:
    """Lower-cased name or alias → canonical name and type, from the shipped gazetteer."""
    data = json.loads(files("ingest").joinpath("data/gazetteer.json").read_text("utf-8"))
    table = {}
    for kind in ("organization", "person", "product", "place"):
        for name, aliases in data[kind].items():
            for alias in (name, *aliases):
                table.setdefault(alias.lower(), Known(name, kind))
    return table


@cache
def _first_names() -> frozenset[str]:
    data = json.loads(files("ingest").joinpath("data/gazetteer.json").read_text("utf-8"))
    return frozenset(data["first_names"])


@dataclass
class Registry:
    """What the whole article tells about its names, read once before its sentences."""

    aliases: dict[str, Known] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    inner: frozenset[str] = frozenset()
    """Capitalised words seen inside sentences: names, even when one opens a sentence."""
    types: dict[str, EntityType] = field(default_factory=dict)
    """How the article uses names the rest cannot type: `in Merredin` is a place."""
    mentions: dict[tuple[str, bool, bool], list[EntityMention]] = field(
        default_factory=dict, repr=False, compare=False)
    """What each capitalised run read as, by (run, opens the sentence, after a title): an
    article names the same few entities again and again."""


    def full_name(self, name: str) -> str:
        """The full name a short form stands for (`Hill`, `Andes Cobre`), or `name`."""
        if name in self.surnames:
            return self.surnames[name]
        known = self.aliases.get(name.lower())
        return known.name if known is not None and known.name.lower().startswith(
            name.lower()) else name


NO_REGISTRY = Registry()  # an article that defines no names: what any article adds to the rest


def registry(text: str) -> Registry:
    """Acronyms the article defines and the people it names in full."""
    reg = Registry()
    for paren in ACRONYM.finditer(text):  # cheap anchor first: bodies can be megabytes
        window = text[max(0, paren.start() - 120):paren.end()]
        if not (m := DEFINITION.search(window)) or m.end() != len(window):
            continue
        long, short = _expansion(_strip(m["long"]).split(), m["short"]), m["short"]
        if long:
            known = _gazetteer().get(long.lower()) or Known(long, _guess(long.split()))
            reg.aliases[short.lower()] = known
            reg.aliases.setdefault(long.lower(), known)
    reg.inner = _inner(text) | _apposed(text)
    reg.types = {name: kind for raw, kind in entity_context.hints(text).items()
                 if (name := _strip(raw))}
    first_names = _first_names()
    long_names = []
    for m in _runs(text):
        if len(m.group().split()) < 2:
            continue  # one word names no one in full; most runs are one word
        words = _strip(m.group()).split()
        while words and words[0].lower() in OPENERS:
            words = words[1:]
        long_names.append(tuple(words))
        for i, w in enumerate(words[:-1]):
            if w in first_names and len(words) - i in (2, 3):
                full = " ".join(words[i:])
                if _gazetteer().get(full.lower(), Known(full, "person")).type == "person":
                    reg.surnames.setdefault(words[-1], full)
                break
    _short_forms(text, list(dict.fromkeys(long_names)), reg)
    for name, kind in reg.types.items():  # `Marcela Rojas, president of …`: Rojas is her
        words = name.split()
        if kind == "person" and len(words) in (2, 3):
            reg.surnames.setdefault(words[-1], name)
    return reg


def _apposed(text: str) -> set[str]:
    """Words that open a sentence and are set off by an apposition: names, not openers."""
    found = set()
    for cue in APPOSITION.finditer(text):
        if word := OPENING_WORD.search(text, max(0, cue.start() - 40), cue.start()):
            found.add(word[1])
    return found


def _short_forms(text: str, long_names: list[tuple[str, ...]], reg: Registry) -> None:
    """Names the article shortens without defining them: an acronym of the initials (`GDPR`
    after `General Data Protection Regulation`), the first words of a longer name (`Andes Cobre`
    after `Andes Cobre Minerals`) and one word of a two-word organisation (`Ravens` after
    `Harlow Ravens`, `Sakura's` after `Sakura Skyways`). A short form two names share stays
    unresolved."""
    claimed: dict[str, set[str]] = {}
    for words in long_names:
        name = " ".join(words)
        initials = "".join(w[0] for w in words if w not in CONNECTORS and w != "the")
        if len(initials) >= 3 and initials.isupper() and initials in text \
                and re.search(rf"\b{initials}\b", text):
            claimed.setdefault(initials, set()).add(name)
        if len(words) > 2 and all(w[0].isupper() for w in words):  # `Andes Cobre` of `… Minerals`
            for k in range(2, len(words)):
                if " ".join(words[:k]).lower() not in _gazetteer():
                    claimed.setdefault(" ".join(words[:k]), set()).add(name)
        if len(words) == 2 and name.lower() not in _gazetteer() and \
                words[0] not in _first_names() and _guess(words) in ("organization", "other") \
                and reg.types.get(name) in (None, "organization"):
            for word in words:
                if word.lower() not in NOT_SHORT_FORMS and word.lower() not in _gazetteer():
                    claimed.setdefault(word, set()).add(name)
    for short, names in claimed.items():
        if len(names) == 1 and short.lower() not in reg.aliases:
            name = names.pop()
            known = _gazetteer().get(name.lower()) or Known(name, reg.types.get(name) or
                                                            _guess(name.split()))
            reg.aliases[short.lower()] = known


def _inner(text: str) -> frozenset[str]:
    """The words INNER captures in `text`, found faster than by `INNER.finditer`: each match has a
    space before a capital, so INNER is tried only at the lower-case word or comma before one."""
    found = set()
    end = 0
    for space in SPACE_CAPITAL.finditer(text):
        at = space.start()
        start = at - 1
        if start < 0 or not (text[start] == "," or "a" <= text[start] <= "z"):
            continue
        while text[start] != "," and start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1  # back to where the lower-case word starts
        if start >= end and (m := INNER.match(text, start)):
            found.add(m[1])
            end = m.end()
    return frozenset(found)


def _expansion(words: list[str], short: str) -> str | None:
    """The words an acronym stands for: the shortest tail of the capitalised run before it
    whose initials spell it (`Microsoft, Google and Amazon Web Services (AWS)`)."""
    letters = short.upper().replace("&", "")
    for i in range(len(words) - 1, -1, -1):
        tail = words[i:]
        initials = "".join(w[0] for w in tail if w not in ("of", "for", "and", "&", "de"))
        if initials.upper() == letters or (initials.upper().startswith(letters) and \
                len(tail) > 2):
            return " ".join(tail)
    known = _gazetteer().get(short.lower())
    return known.name if known and known.name.lower() != short.lower() else None


def find(sentence: str, reg: Registry) -> list[EntityMention]:
    """The entities named in `sentence` (plain text), canonical and typed, each once."""
    out: dict[str, EntityMention] = {}
    for m in _runs(sentence):
        at = m.start()
        if sentence.startswith(CURRENCY_AFTER, m.end()):
            continue  # `US$6.10`, `the US dollar`: a currency, not the country
        key = (m.group(), _opens(sentence, at), _titled(sentence, at))
        mentions = reg.mentions.get(key)
        if mentions is None:
            mentions = reg.mentions[key] = _mentions(*key, reg)
        for mention in mentions:
            out.setdefault(mention.name, mention)
    return list(out.values())


def _runs(text: str) -> Iterator[re.Match[str]]:
    """What `SPAN.finditer(text)` finds, found faster: a run starts at a capital letter or at one
    or two lower-case letters just before one (`iPhone`), so SPAN is tried only there rather
    than at every position."""
    end = 0
    for capital in CAPITAL.finditer(text):
        at = capital.start()
        if at < end:
            continue  # inside the last run
        first = at
        while first > end and first > at - 2 and "a" <= text[first - 1] <= "z":
            first -= 1
        for start in range(first, at + 1):
            if m := SPAN.match(text, start):
                yield m
                end = m.end()
                break


def _opens(sentence: str, at: int) -> bool:
    """True when the run at `at` opens the sentence, or a quotation or clause in it."""
    if at == 0:
        return True
    i = at
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    return i > 0 and sentence[i - 1] in "\"“(:"


def _titled(sentence: str, at: int) -> bool:
    """True when the run at `at` follows Mr, Mrs, Ms, Dr or Prof."""
    # Cheap test first: the title's last letter or dot comes just before the space (TITLED's
    # `$` also matches before a final newline).
    return at >= 3 and (sentence[at - 2] in "rsf." or sentence[at - 1] == "\n") \
        and TITLED.search(sentence, max(0, at - 9), at) is not None


def _mentions(span: str, opening: bool, titled: bool, reg: Registry) -> list[EntityMention]:
    """What one capitalised run names; `titled`: it follows Mr, Mrs, Ms, Dr or Prof."""
    out = []
    for text, name, key, role, lone_opener, anywhere in _plan(span, opening, titled):
        if lone_opener and text not in reg.inner and name not in reg.inner \
                and name not in reg.surnames and key not in reg.aliases:
            continue  # "Training a model…": capitalised only because it opens the sentence
        if key in reg.aliases or name in reg.surnames:
            mention = _read(text, name, role, titled, reg)
        else:
            mention = anywhere  # the article adds nothing to know about it
        if mention and mention.type == "other" and (typed := reg.types.get(mention.name)):
            mention = mention.model_copy(update={"type": typed})
        if mention:
            out.append(mention)
    return out


Plan = tuple[tuple[str, str, str, bool, bool, EntityMention | None], ...]


@lru_cache(maxsize=8192)  # the same runs recur from article to article
def _plan(span: str, opening: bool, titled: bool) -> Plan:
    """What `_mentions` needs of each piece of a run, whatever the article: (text, name without
    possessive and "the", lower-cased name, after a role word, a lone word that may be
    capitalised only because it opens the sentence, what it reads as in any article)."""
    plan = []
    for text, role in _pieces(span, opening):
        name = _strip(text)
        lone_opener = opening and " " not in text and not text.isupper() \
            and name.lower() not in _gazetteer()
        plan.append((text, name, name.lower(), role, lone_opener,
                     _resolve_anywhere(text, role, titled)))
    return tuple(plan)


@lru_cache(maxsize=8192)  # "The", "However", "In": the same runs open sentences everywhere
def _pieces(span: str, opening: bool) -> tuple[tuple[str, bool], ...]:
    """Split a capitalised run at role words (`Amazon CEO Andy Jassy`) and unknown `and`s."""
    words = span.split()
    if opening:
        while words and words[0].lower().strip("'’") in OPENERS:
            words = words[1:]  # "However", "The", "In": capitalised because they open it
            while words and words[0] in CONNECTORS:
                words = words[1:]
    if "of the" in span:
        words = _of_the(words)
    pieces = [(_unled(text), is_role) for text, is_role in _at_roles(words) if _unled(text)]
    gazetteer = _gazetteer()
    out = []
    for text, is_role in pieces:
        parts = SPLIT.split(text)
        if len(parts) > 1 and text.lower() not in gazetteer \
                and (" and " in text or all(p.lower() in gazetteer for p in parts)):
            out.extend((part, is_role) for part in parts)  # Microsoft-OpenAI, X and Y
        else:
            out.append((text, is_role))
    # A lone unknown word before a role is the role's qualifier: "Energy Secretary Ed Miliband";
    # before its possessive it is the owner: "Ireland's High Court".
    return tuple((_trim(text), is_role) for i, (text, is_role) in enumerate(out)
                 if i == len(out) - 1 or not out[i + 1][1] or " " in text
                 or text.lower() in gazetteer or text.isupper() or text.endswith(("'s", "’s")))


def _at_roles(words: list[str]) -> list[tuple[str, bool]]:
    """The run cut at role words (a piece after one is `True`), after an owner's possessive
    and at `|` (`_of_the`)."""
    pieces, current, role = [], [], False
    for i, w in enumerate(words):
        if w == "|" or (w.lower() in ROLES and _is_title(words, i)):
            if current:
                pieces.append((" ".join(current), role))
            current, role = [], w != "|"
        elif i < len(words) - 1 and w.endswith(("'s", "’s")) and \
                (current or _strip(w).lower() in _gazetteer()):  # not `King's College London`
            current.append(w)  # `Ireland's High Court`: Ireland, and its High Court
            pieces.append((" ".join(current), role))
            current, role = [], False
        else:
            current.append(w)
    if current:
        pieces.append((" ".join(current), role))
    return pieces


def _of_the(words: list[str]) -> list[str]:
    """`Court of Justice of the European Union` is one name; `Tomás Breen of the Irish Council`
    is a person and an organisation: `of the` joins only after an institution's head word.
    Marks a split with `|`."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "of" and words[i + 1:i + 2] == ["the"] and \
                not any(x.lower() in ORG_HEADS for x in out):
            out.append("|")
        else:
            out.append(w)
    return out


def _is_title(words: list[str], i: int) -> bool:
    """A role word before a name (`Justice Niamh Carey`), not a word of an institution's or a
    law's name (`Court of Justice`, `Justice Department`, `General Data Protection Regulation`)."""
    if i > 0 and words[i - 1] in CONNECTORS:
        return False
    return i == len(words) - 1 or words[-1].lower() not in NOT_AFTER_TITLE


def _unled(text: str) -> str:
    """A piece without the connectors a split left at its start (`of the United States`)."""
    words = text.split()
    while words and (words[0] in CONNECTORS or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def _trim(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[-1].lower().strip("'’") in NOT_NAME_TAIL:
        words = words[:-1]  # "Nvidia GPUs" names Nvidia
    return " ".join(words)


def _resolve_anywhere(text: str, after_role: bool, titled: bool) -> EntityMention | None:
    return _read(text, _strip(text), after_role, titled, NO_REGISTRY)


def _read(text: str, name: str, after_role: bool, titled: bool,
          reg: Registry) -> EntityMention | None:
    """The mention `text` (`name` without possessive and "the"), canonical and typed."""
    if not name or name.lower() in NOT_NAMES or len(name) < 2 or (name[0].islower() and \
            name.lower() not in _gazetteer()):
        return None
    key = name.lower()
    known = reg.aliases.get(key) or _gazetteer().get(key)
    if known is None and name in reg.surnames:
        known = Known(reg.surnames[name], "person")
    if known is None and LEGAL.search(name):  # Apple Inc. is Apple, an organisation
        canonical = LEGAL.sub("", name)
        known = _gazetteer().get(canonical.lower()) or Known(canonical, "organization")
    if known is None:
        known = Known(name, _guess(name.split(), titled, after_role))
    return EntityMention(name=known.name, type=known.type, text=text)  # type: ignore[arg-type]


def _guess(words: list[str], titled: bool = False, after_role: bool = False) -> EntityType:
    if (words[-1].lower() in ORG_SUFFIXES and len(words) > 1) or "&" in words or \
            any(w.lower() in ORG_HEADS and nxt in ("of", "for") for w, nxt in pairwise(words)):
        return "organization"  # Acme Capital, Pratt & Whitney, Chicago Board of Trade
    if any(MODEL_NAME.search(w) for w in words):
        return "product"  # A321neo, RTX5090
    if len(words) > 1 and (words[-1].lower() in PLACE_SUFFIXES or
                           words[0].lower() in PLACE_PREFIXES):
        return "place"  # Kansai International Airport, Western Australia
    if after_role or titled or \
            (words[0] in _first_names() and len(words) in (2, 3)):
        return "person"
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 6:
        return "organization"  # unknown acronyms are mostly organisations (FBI, NHS)
    return "other"


def _strip(name: str) -> str:
    """Drop a possessive, `-based` and a leading "the": `the Fed's` → `Fed`."""
    name = name.strip()
    if name.endswith(("'s", "’s", "'", "’", "-based")):  # what POSSESSIVE matches, found faster
        name = POSSESSIVE.sub("", name)
    return THE.sub("", name) if name.startswith(("The", "the")) else name
