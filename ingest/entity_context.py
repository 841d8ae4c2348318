"""What the words around a name say it is: a place, an organisation or a person.

A name the gazetteer does not know and whose own words tell nothing (`Merredin`, `Vantor`,
`Keiko Arai`) is typed by how the article uses it, anywhere in the article: `in Merredin`,
`the ride-hailing company Vantor`, `Keiko Arai is chief economist at …`. Read once per article
(`entities.registry`); a hint only types a name that would otherwise be `other`.
"""

from __future__ import annotations

import re

from ingest.attribution import STAFF_NOUNS

# Words of a name on one line; a dot only inside one (`U.S`), never the end of a sentence.
_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
NAME = rf"{_WORD}(?:[ \t]+(?:(?:of|for|and|&|de)[ \t]+)?{_WORD}){{0,4}}"
# Nouns for what an organisation is, in an apposition: `the ride-hailing company Vantor`,
# `Vantor, a Dutch company`, `Engine maker Pratt & Whitney`.
ORG_NOUNS = (r"(?:company|firm|carrier|airline|maker|planemaker|carmaker|automaker|chipmaker|"
             r"manufacturer|bank|lender|insurer|start-?up|retailer|club|side|team|agency|"
             r"regulator|watchdog|provider|platform|operator|broker|consultancy|publisher|"
             r"broadcaster|chain|supplier|developer|group|fund|charity|union|exchange|"
             r"conglomerate|subsidiary|rival|owner|investor|trust|body|council|university|"
             r"commission|authority|ministry|department|shipbroker|miner|drugmaker|producer|"
             r"utility|consortium|association|federation|institute|bureau|party|giant)")
ROLE_NOUNS = (r"(?:economist|analyst|professor|director|chief|head|founder|executive|officer|"
              r"president|chair|chairman|chairwoman|minister|secretary|spokes(?:person|man|"
              r"woman)|editor|reporter|correspondent|researcher|scientist|lawyer|judge|farmer|"
              r"manager|engineer|captain|coach|player|author|teacher|doctor|nurse|mayor|"
              r"councillor|governor|senator|dietitian|historian|student|resident|owner)")
STAFF = (rf"(?i:(?:{'|'.join(STAFF_NOUNS)})s?|spokes(?:person|man|woman)|chief \w+|head|"
         r"director|founder|partner|employees?|staff)")
# Where the noun phrase of an apposition ends: `Dan Okafor, the club captain` is no club.
NOUN_ENDS = (r"(?=\s*[,.;:)]|$|\s+(?:that|which|whose|based|with|in|of|from|and|listed|"
             r"headquartered|owned|founded|known|run|backed)\b)")
# What a facility named like a place is (`Escondida, the world's biggest copper mine`).
SITE_NOUNS = r"(?:mine|port|terminal|oilfield|refinery|smelter|dam|reservoir|airport)"
PLACE_NOUNS = r"(?:prefectures?|provinces?|states|counties|regions|districts|suburbs|cities|towns)"
# Investing in, or a stake in, a company: `in` then names an organisation, not a place.
NOT_PLACE_BEFORE = re.compile(r"\b(?:invest\w*|stakes?|shares|holdings?|interest|job|role|"
                              r"position|career|put|poured|pumped|\$[\d.,]+\s*\w*)\s*$", re.I)

# After the place: punctuation, or a word that cannot be the noun it would qualify (`in Apple
# shares` names a company): a function word or a verb in the past tense.
AFTER_PLACE = (r"(?=\s*[,.;:)]|$|\s+(?:and|or|are|is|was|were|has|have|had|will|would|could|"
               r"can|may|to|for|on|at|where|which|who|with|from|since|during|last|this|next|"
               r"after|before|over|until|by|as|than|[a-z]+ed)\b)")
AFTER_PLACE_AT = re.compile(AFTER_PLACE)
# `suburbs such as Machida and Kawaguchi`, `Kanagawa, Saitama and Chiba prefectures`.
LIST_AFTER = re.compile(rf"\b{PLACE_NOUNS}\s+(?:such as|including|like)\s+")
LIST_OF = re.compile(rf"{NAME}(?:,\s+{NAME})*(?:,?\s+and\s+{NAME})?")
LIST_BEFORE = re.compile(rf"(?:^|(?<=\s))(?P<names>{NAME}(?:,\s+{NAME})*,?\s+and\s+{NAME})$")
PLACE_NOUN = re.compile(rf"\s+{PLACE_NOUNS}\b")
PLACE_NOUN_WORDS = ("prefecture", "province", "states", "counties", "region", "district",
                    "suburb", "cities", "towns")
NAME_AT = re.compile(NAME)
NAME_BEFORE = re.compile(rf"(?:^|(?<=\s))(?P<name>{NAME})$")
PLACE_WORDS = frozenset({"in", "near", "outside", "across", "around", "throughout"})
ORG_WORDS = frozenset(re.findall(r"[a-z-]+", ORG_NOUNS.replace("start-?up", "startup start-up")))
SPACE_CAPITAL = re.compile(r" (?=[A-Z])")  # where a cue word may introduce a name
STAFF_BEFORE = re.compile(rf"\b{STAFF}\s+(?:at|from|of|with)(?:\s+the)?\s*$")
SHARES_BEFORE = re.compile(r"\b(?:(?:shares|stock)\s+(?:in|of)|listed\s+on(?:\s+the)?)\s*$")
# Cues after the name: an apposition or a copula naming what it is, a share price.
APPOSITION = re.compile(rf",\s+(?:a|an|the|{_WORD}['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?"
                        rf"(?:(?P<org>{ORG_NOUNS}){NOUN_ENDS}|(?P<role>{ROLE_NOUNS})\b|"
                        rf"(?P<site>{SITE_NOUNS}){NOUN_ENDS})")
# `the Quebrada Negra copper mine`: the noun first (a fast scan for its letters), then the name
# before it, past at most one lower-case word.
SITE_NOUN = re.compile(rf"{SITE_NOUNS}\b")
NAME_BEFORE_SITE = re.compile(rf"(?:^|(?<=\s))(?P<name>{NAME})[ \t]+(?:[a-z]+[ \t]+)?$")
ROLE_WORDS = frozenset(re.findall(r"[a-z]+", ROLE_NOUNS)) | {"premier", "leader", "minister"}
COPULAS = tuple(re.compile(rf" {verb} (?:a |an |the )?(?:[\w'’-]+ ){{0,3}}?"
                           rf"(?:(?P<org>{ORG_NOUNS}){NOUN_ENDS}|(?P<role>{ROLE_NOUNS})\b)")
                for verb in ("is", "was", "became", "remains", "has been"))
SHARES = re.compile(r"['’]s\s+shares\b")
LOOKBEHIND = 80  # characters before a cue searched for the name it speaks of
SPLIT_LIST = re.compile(r",\s+|,?\s+and\s+")
# Capitalised only because they open a sentence: not part of the name that follows.
OPENING = re.compile(r"^(?:(?:The|A|An|For|In|At|On|By|From|With|And|But|As|After|Before)\s+)+")


def hints(text: str) -> dict[str, str]:
    """Name → `place`, `organization` or `person`, from how `text` uses each name (possessives
    still on: `Vantor's`)."""
    found: dict[str, str] = {}
    _names_after_cues(text, found)
    if any(noun in text for noun in PLACE_NOUN_WORDS):
        _place_lists(text, found)
    for pattern in (APPOSITION, *COPULAS, *((SHARES,) if "s shares" in text else ())):
        for m in pattern.finditer(text):
            name = NAME_BEFORE.search(text, max(0, m.start() - LOOKBEHIND), m.start())
            if name is None:
                continue
            if m.re is SHARES or m["org"]:
                found[name["name"]] = "organization"
            elif m.re is APPOSITION and m["site"]:
                found.setdefault(name["name"], "place")
            elif 2 <= len(name["name"].split()) <= 3 and "&" not in name["name"]:
                found.setdefault(name["name"], "person")
    return {_bare(name): kind for name, kind in found.items()}


CUE_WORDS = ROLE_WORDS | PLACE_WORDS | ORG_WORDS | {"at", "from", "of", "with", "on", "the"}


def _names_after_cues(text: str, found: dict[str, str]) -> None:
    """`in Merredin` (a place), `company Vantor`, `analysts at Jefferies`, `shares in Vantor`,
    `listed on Euronext Amsterdam` (organisations)."""
    for space in SPACE_CAPITAL.finditer(text):
        at = space.start()
        start = text.rfind(" ", max(0, at - 24), at) + 1 or max(0, at - 24)
        word = text[start:at].rstrip(",")  # `the state copper commission, Cochilco`
        if word not in CUE_WORDS:
            continue
        name = NAME_AT.match(text, at + 1)
        if name is None:
            continue
        if word in ROLE_WORDS and 2 <= len(name[0].split()) <= 3:
            found.setdefault(name[0], "person")  # `mining minister Tomás Echeverría`
        elif word in PLACE_WORDS and not NOT_PLACE_BEFORE.search(text, max(0, start - 30), start):
            if AFTER_PLACE_AT.match(text, name.end()):
                for part in SPLIT_LIST.split(name[0]):
                    found.setdefault(part, "place")
        elif word in ORG_WORDS or _org_cue(text, word, start, at + 1):
            found[name[0]] = "organization"
    for site in SITE_NOUN.finditer(text):
        at = site.start()
        if at == 0 or text[at - 1].isalnum():
            continue  # inside a word: `report`, `Amsterdam`
        name = NAME_BEFORE_SITE.search(text, max(0, at - LOOKBEHIND), at)
        before = text[:name.start()].rstrip().rpartition(" ")[2].rstrip(",") if name else ""
        if name and before not in ORG_WORDS:
            found.setdefault(name["name"], "place")


def _place_lists(text: str, found: dict[str, str]) -> None:
    names: list[str] = []
    for cue in LIST_AFTER.finditer(text):
        if m := LIST_OF.match(text, cue.end()):
            names.append(m[0])
    for cue in PLACE_NOUN.finditer(text):
        before = max(0, cue.start() - LOOKBEHIND)
        if " and " in text[before:cue.start()] and \
                (m := LIST_BEFORE.search(text, before, cue.start())):
            names.append(m["names"])
    for listed in names:
        for name in SPLIT_LIST.split(listed):
            found.setdefault(name.strip(), "place")


def _org_cue(text: str, word: str, start: int, end: int) -> bool:
    """`analysts at`, `shares in`, `listed on the`: the words before `word` make it a cue."""
    return word in ("at", "from", "of", "with", "in", "on", "the") and (
        STAFF_BEFORE.search(text, max(0, start - 40), end) is not None
        or SHARES_BEFORE.search(text, max(0, start - 30), end) is not None)


def _bare(name: str) -> str:
    """`For The Ravens'` → `Ravens'`: the run without the words that open its sentence (the
    caller, `entities.registry`, strips the possessive as it does for every name)."""
    name = name.split(". ")[0].strip()  # `Research. The`: a sentence ended inside the run
    return OPENING.sub("", name)
