"""Amounts in a sentence: money, percentages, fractions, measurements and counted things.

Own rules rather than quantulum3: on the claim fixtures quantulum3 took ~1 ms per sentence warm
(~200 ms to load), read years, versions and `45p` (as 45 pennies) as quantities, gave
`12,000 workers` no unit and missed `tens of thousands`; it also warns at import. These rules run
in ~0.05 ms per sentence. Not quantities (CONVENTIONS.md): dates, years, clock times, versions,
identifiers, ordinals: callers pass date spans in `skip`, the rest is refused here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ingest.models import Quantity
from ingest.sentences import fold, letter_runs

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "t": 1e12}
WORD_SCALES = ("thousand", "million", "billion", "trillion")
SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
           "c$": "CAD", "a$": "AUD", "hk$": "HKD", "ca$": "CAD", "au$": "AUD"}
CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "HKD", "KRW")
CURRENCY_WORDS = {"dollar": ("USD", 1), "euro": ("EUR", 1), "pound": ("GBP", 1),
                  "sterling": ("GBP", 1), "yen": ("JPY", 1), "yuan": ("CNY", 1),
                  "renminbi": ("CNY", 1), "rupee": ("INR", 1), "pence": ("GBP", 0.01),
                  "penny": ("GBP", 0.01), "p": ("GBP", 0.01), "cent": ("USD", 0.01),
                  "won": ("KRW", 1)}
PERCENT = {"%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
           "percentage point": "pp", "pp": "pp", "basis point": "bp", "bp": "bp", "bps": "bp"}
# Measurement units as written → the unit stored; counted nouns are handled generally.
UNITS = {"gw": "GW", "mw": "MW", "kw": "kW", "tw": "TW", "gwh": "GWh", "mwh": "MWh",
         "twh": "TWh", "kwh": "kWh", "km": "km", "kg": "kg", "mph": "mph", "gb": "GB",
         "tb": "TB", "pb": "PB", "eb": "EB", "gbps": "Gbps", "tbps": "Tbps", "ms": "ms",
         "nm": "nm", "°c": "°C", "°f": "°F", "x": "times", "bpd": "barrel per day",
         "sq ft": "square foot", "mb": "MB"}
WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
                "a dozen": 12, "dozen": 12, "a thousand": 1000}
FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3,
             "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25,
             "one-quarter": 0.25, "three-quarters": 0.75,
             "three quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1}
VAGUE = {"dozens": (24, 100), "hundreds": (100, 1e3), "thousands": (1e3, 1e4),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
         "millions": (1e6, 1e7), "tens of millions": (1e7, 1e8),
         "hundreds of millions": (1e8, 1e9), "billions": (1e9, 1e10)}
# Words just before an amount that make it approximate, in any case: `_approximate` tests the
# end of the text with `str.endswith`, ten times faster than a `(?:about|…)\s*$` pattern.
APPROX = ("about", "around", "roughly", "approximately", "nearly", "almost", "some", "close to",
          "an estimated", "estimated", "more than", "over", "at least", "up to", "upwards of",
          "fewer than", "less than", "under", "~")
# Words between a number and its counted noun that are not the noun.
SKIP_WORDS = {"new", "more", "additional", "other", "extra", "full-time", "part-time", "of",
              "active", "monthly", "daily", "new-generation", "existing", "former", "million",
              "billion", "thousand", "fewer", "total", "paid", "registered", "local", "small",
              "large", "major", "senior", "unique", "individual", "staff", "such"}
NOT_UNITS = {"the", "a", "an", "and", "or", "to", "in", "on", "at", "by", "for", "from", "with",
             "as", "than", "that", "which", "who", "was", "were", "is", "are", "per", "a.m",
             "p.m", "am", "pm", "percent", "this", "its", "their", "his", "her",
             "will", "would", "has", "have", "had", "after", "before", "since", "until",
             "last", "next", "into", "against", "between", "among", "while", "when", "but"}
MODEL = "<model>"  # what `_tail_unit` returns for a number naming a model, not an amount
CENTS = re.compile(r"\bcents?\b", re.I)  # `10 cents`, not `per cent`
CENT_CURRENCIES = {"USD", "CAD", "AUD", "HKD", "EUR"}
UNIT_EXCEPTIONS = {"seed", "bed", "building", "listing", "filing", "holding", "family"}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
FUNCTION_WORDS = {"the", "in", "of", "about", "around", "some", "nearly", "almost", "over",
                  "more", "roughly", "by", "since", "at", "on", "for", "from", "to", "with",
                  "and", "only", "just", "all", "another", "up", "approximately", "than",
                  "under", "until", "after", "before", "during", "those", "these",
                  "exactly", "least", "fewer", "less", "below", "above", "between", "but"}
IRREGULAR = {"times": "times", "people": "person", "children": "child", "men": "man",
             "women": "woman",
             "staff": "staff", "data": "data", "series": "series", "species": "species",
             "aircraft": "aircraft", "news": "news", "analyses": "analysis", "mice": "mouse"}

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SYM = r"(?:US\$|C\$|CA\$|A\$|AU\$|HK\$|[$€£¥₹])"
_SCALE = r"(?:thousand|million|billion|trillion|mn|mln|bn|tn|[kmbtKMBT])(?![\w])"
_WORDS = "|".join(sorted({**WORD_NUMBERS, **FRACTIONS, **VAGUE}, key=len, reverse=True))
# A range's `and` needs "between" before it, `%` before its connector needs a `%` range, and a
# second currency symbol needs a first: "rose 18% to $4.2 billion" is two amounts. The lookahead
# (how an amount can start: symbol, currency code or number) is a fast first test: the optional
# parts before the number are slow to try at every position.
AMOUNT = re.compile(
    rf"(?=[\d.$€£¥₹UCAHEGJIK])(?:(?<=between )(?P<btw>))?(?:(?<=by |om )(?P<chg>))?"
    rf"(?:(?P<sym>{_SYM})\s?)?(?P<code>(?:{'|'.join(CODES)})\s)?"
    rf"(?P<num>{NUM})(?:(?:%(?=\s?(?:-|–|and\s)))?\s?(?:-|–|—|(?(chg)(?!)|to)|(?(btw)and|(?!)))\s?"
    rf"(?(sym){_SYM}?|)(?P<high>{NUM}))?"
    rf"(?:\s?-?(?P<scale>{_SCALE}))?")
# Searched in `fold(text)`, which has the offsets of `text`: a case-sensitive alternation of
# literals is several times faster than a case-insensitive one, and finds the same spans.
WORDED = re.compile(rf"(?<![\w-])(?P<word>{_WORDS})(?![\w-])")
MAYBE = frozenset(w.split()[-1].split("-")[-1] for w in (*WORD_NUMBERS, *FRACTIONS, *VAGUE))
PER = re.compile(r"\s(?:per|a|an)\s(?P<per>second|minute|hour|day|week|month|year|person|"
                 r"capita)\b")
TAIL = re.compile(r"\s?-?(?P<pct>%|per ?cent\b|pct\b|percentage points?\b|pp\b|basis points?\b|"
                  r"bps?\b)|[\s-]?(?P<word>[A-Za-z°][\w°.'-]*(?: ft)?)")
# Numbers glued to letters or after these words are identifiers, versions, times or ordinals.
IDENT_AFTER = re.compile(r"\s(?:route|line|bus|flight|highway|road|street|avenue|series)\b")
ONE_IN = re.compile(r"\b(?:one|1) in (?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
                    re.I)
DIGIT = re.compile(r"\d")
CODE_BEFORE = re.compile(r"[A-Z]{2}-$")  # an identifier's number: `STRIDE-2`, `COVID-19`
GLUED_BEFORE = re.compile(r"[\w.:/]$")
GLUED_AFTER = re.compile(r"(?![px]\b(?!\.m))\w|\.\d|:\d|/\d")
PCT_OR_PER = re.compile(r"\s?(?:%|per)")
USD_AFTER = re.compile(r"\s(?:USD|dollars)\b")
OF_OR_THE = re.compile(r"\s+(?:of|the)\b")
OF = re.compile(r"\s+of\b")
# The counted noun after a worded number, perhaps past a model name (`four A321neo jets`).
NOUN = re.compile(r"[\s-](?:[A-Z][\w-]*\d[\w-]*\s)?(?P<w>[a-z][a-z-]*)")
TAIL_WORDS = re.compile(r"[A-Za-z][\w-]*")
ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
NAME_BEFORE = re.compile(r"\b(\w*[A-Z][\w-]*[A-Za-z])\s$")
SPACES = re.compile(r"\s+")
WORD_AFTER = re.compile(r"\s+([a-z]+)")
IDENT_BEFORE = re.compile(r"(?=[a-z#])(?:\b(?:version|v|no|number|route|issue|model|ticket|flight|"
                          r"article|section|rule|chapter|page|bill|room|gate|series|phase|"
                          r"level|tier|day|top|item|figure|table)\.?|#)\s*$", re.I)


def find(text: str, skip: list[tuple[int, int]] = ()) -> list[Quantity]:  # type: ignore[assignment]
    """Every amount in `text`; spans overlapping `skip` (dates) are left out."""
    digit = DIGIT.search(text)
    runs = letter_runs(text)
    if digit is None and "one" not in runs and not MAYBE & runs:
        return []  # no number, worded amount or `one in …` share: most sentences
    out: list[Quantity] = []
    found = []
    low = fold(text)
    shares = ONE_IN.finditer(text) if "one in " in low or "1 in " in low else ()
    for m in shares:  # "one in five households": a share, not five households
        n = m["n"]
        whole = int(n) if n.isdigit() else WORD_NUMBERS.get(n.casefold())
        if not whole:
            continue  # "one in 0" states no share
        share = 1 / whole
        out.append(Quantity(text=m.group(), value=share, unit="fraction",
                            approximate=_approximate(text, m.start())))
        skip = [*skip, m.span()]
    if digit:
        # An amount starts at most 9 characters before its first digit (`HK$ USD .5`).
        found += [(m, _number) for m in AMOUNT.finditer(text, max(0, digit.start() - 9))]
    if MAYBE & runs:  # most sentences have no worded amount
        found += [(m, _word) for m in WORDED.finditer(low)]
    for match, read in sorted(found, key=lambda item: item[0].start()):
        if any(a < match.end() and match.start() < b for a, b in skip):
            continue
        quantity = read(text, match)
        if quantity is not None:
            out.append(quantity)
    return _cents_in_context(out)


def _cents_in_context(amounts: list[Quantity]) -> list[Quantity]:
    """`C$1.20 … 10 cents`: cents are hundredths of the sentence's dollar or euro, not USD's."""
    cents = [q.currency == "USD" and CENTS.search(q.text) is not None for q in amounts]
    codes = {q.currency for q, cent in zip(amounts, cents, strict=True)
             if q.currency in CENT_CURRENCIES and not cent}
    if len(codes) != 1 or not any(cents):
        return amounts
    code = codes.pop()
    return [q.model_copy(update={"currency": code}) if cent else q
            for q, cent in zip(amounts, cents, strict=True)]


def _number(text: str, m: re.Match[str]) -> Quantity | None:
    start, end = m.start(), m.end()
    before, after = text[max(0, start - 40):start], text[end:end + 80]  # bounded look-around
    value, high = _float(m["num"]), _float(m["high"]) if m["high"] else None
    if _not_an_amount(m, before, after) or (high is not None and high < value):
        return None  # an identifier, version, time, or a score like 52-48
    scale = SCALES.get((m["scale"] or "").lower(), 1)
    currency = SYMBOLS.get((m["sym"] or "").lower()) or (m["code"] or "").strip() or None
    unit, currency, scale, end = _unit(text, end, currency, scale)
    if unit == MODEL:
        return None  # `737 MAX`: a model's number
    if not (currency or unit or m["scale"]) and _is_year(value, m["num"], after):
        return None
    approximate = _approximate(before, len(before))
    if unit in TIME_UNITS and before.endswith("over "):
        approximate = False  # "over four years" is a span of time, not "more than"
    return Quantity(text=text[start:end].strip(), value=_scaled(value, scale),
                    high=_scaled(high, scale) if high is not None else None, unit=unit,
                    currency=currency, approximate=approximate)


def _not_an_amount(m: re.Match[str], before: str, after: str) -> bool:
    if GLUED_BEFORE.search(before, max(0, len(before) - 2)) or GLUED_AFTER.match(after) \
            or CODE_BEFORE.search(before, max(0, len(before) - 4)):
        return True  # glued to letters (Q3, G7, 737-MAX, 1st, STRIDE-2), a version or a time
    if not m["sym"] and (IDENT_BEFORE.search(before[-16:]) or _after_name(before)
                         or IDENT_AFTER.match(after)):
        return True  # Boeing 737, Windows 11, route 9
    bare = (m["scale"] or "").lower()
    return bare in ("m", "b", "t") and not m["sym"] and not m["code"] \
        and not PCT_OR_PER.match(after)  # 5m is five metres, 3B a model size


def _unit(text: str, end: int, currency: str | None,
          scale: float) -> tuple[str | None, str | None, float, int]:
    """What follows a number: `%`, a unit, a currency word or a counted noun."""
    after = text[end:end + 80]
    tail = TAIL.match(after)
    if tail and tail["pct"]:
        return PERCENT[_unit_key(tail["pct"])], currency, scale, end + tail.end()
    if currency:
        code = USD_AFTER.match(after)
        return None, currency, scale, end + (code.end() if code else 0)
    if not tail:
        return None, None, scale, end
    unit, end = _tail_unit(tail["word"], after, end)
    if unit in CURRENCY_WORDS:
        return None, CURRENCY_WORDS[unit][0], scale * CURRENCY_WORDS[unit][1], end
    if unit and unit != MODEL and (rate := PER.match(text, end)):
        return f"{unit} per {rate['per']}", None, scale, rate.end()  # terabits per second
    return unit, None, scale, end


def _approximate(text: str, at: int) -> bool:
    """Whether one of APPROX, then only spaces, ends the 24 characters before `at`."""
    return fold(text[max(0, at - 24):at]).rstrip().endswith(APPROX)


def _word(text: str, m: re.Match[str]) -> Quantity | None:
    """`m`: WORDED in `fold(text)`, so what was written is read from `text`."""
    written = text[m.start():m.end()]
    word, after = written.lower(), text[m.end():m.end() + 80]
    approximate = _approximate(text, m.start())
    if word in FRACTIONS:
        if word in ("half", "a half", "a quarter") and not OF_OR_THE.match(after):
            return None  # "second half", "in a quarter": a period, not a share
        return Quantity(text=written, value=FRACTIONS[word], unit="fraction",
                        approximate=approximate)
    if word in VAGUE:
        low, high = VAGUE[word]
        of = OF.match(after)
        if not of:
            return None
        unit, end = _tail_unit("", after[of.end():], m.end() + of.end())
        if unit is None or unit in ("year", "the"):
            return None  # "thousands of the", "hundreds of years": not a count we can read
        return Quantity(text=text[m.start():end], value=low, high=high,
                        unit=unit if unit not in CURRENCY_WORDS else None,
                        currency=CURRENCY_WORDS[unit][0] if unit in CURRENCY_WORDS else None,
                        approximate=True)
    noun = NOUN.match(after)
    if not noun:
        return None
    unit, end = _tail_unit(noun["w"], after, m.end())
    if unit is None or unit in CURRENCY_WORDS:
        return None
    if unit in TIME_UNITS and text[:m.start()].endswith("over "):
        approximate = False  # "over four years" is a span of time, not "more than"
    return Quantity(text=text[m.start():end], value=WORD_NUMBERS[word], unit=unit,
                    approximate=approximate)


def _tail_unit(word: str, after: str, end: int) -> tuple[str | None, int]:
    """The unit after a number: a measurement unit, currency word or counted noun."""
    key = word.lower().rstrip(".'")
    if key in UNITS or key.replace(" ft", "") in UNITS:
        return UNITS[key], end + after.find(word) + len(word.rstrip(".'"))
    words = TAIL_WORDS.findall(after[:60])
    if len(words) > 1 and words[0] == "of" and words[1] in ("the", "its", "their", "these"):
        words = words[2:]  # "100,000 of the chips"
    for i, w in enumerate(words[:5]):
        low = w.lower()
        if ACRONYM_PLURAL.fullmatch(w):  # GPUs, CPUs
            return w[:-1], end + after.find(w) + len(w)
        if i == 0 and w.isupper() and len(w) > 1:  # `737 MAX`: a model; `40 NHS trusts`
            if len(words) < 2 or not words[1].islower() or words[1] in NOT_UNITS:
                return MODEL, end
            continue
        if w[0].isupper() and not w.isupper() and any(x.islower() for x in words[i + 1:4]):
            continue  # 3,200 Chicago Transit Authority drivers
        if low in NOT_UNITS or (not w.islower() and not w.isupper()):
            return None, end
        if i > 2 and not w[0].isupper() and not words[i - 1][0].isupper():
            return None, end
        if low in SKIP_WORDS and i < 2:
            continue
        if low.endswith(("ed", "ing", "ly")) and low not in UNIT_EXCEPTIONS:
            return None, end  # a verb or adverb, not a counted thing
        singular = _singular(low)
        if singular == low and i + 1 < len(words) and _plural_noun(words[i + 1]):
            continue  # `23 central wards`, `3 bedroom flats`: the noun is the plural after
        stop = after.find(w) + len(w)
        if singular in CURRENCY_WORDS or low in CURRENCY_WORDS:
            return (singular if singular in CURRENCY_WORDS else low), end + stop
        return singular, end + stop
    return None, end


def _plural_noun(word: str) -> bool:
    return word.islower() and len(word) > 3 and word not in NOT_UNITS \
        and _singular(word) != word and not word.endswith(("ed", "ing", "ly", "ss"))


def _after_name(before: str) -> bool:
    words = before.split()
    if not words or words[-1] == words[-1].lower():
        return False  # NAME_BEFORE's capital would be in the last word: most numbers follow none
    name = NAME_BEFORE.search(before)
    return bool(name) and name[1].lower() not in FUNCTION_WORDS and not name[1].isupper()


def _singular(word: str) -> str:
    word = word.lower()
    if word in IRREGULAR:
        return IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"),
                         ("xes", "x")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _unit_key(raw: str) -> str:
    key = SPACES.sub(" ", raw.lower()).replace("per cent", "percent")
    return key[:-1] if key.endswith("points") else key


def _is_year(value: float, raw: str, after: str) -> bool:
    """1800–2100 written plain is a year unless a counted noun follows (`2000 workers`)."""
    noun = WORD_AFTER.match(after)
    return raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100 \
        and (not noun or noun[1] in NOT_UNITS)


def _scaled(value: float, scale: float) -> float:
    if scale == 1:
        return value  # what the product below gives: a float's repr reads back as itself
    return float(Decimal(repr(value)) * Decimal(repr(scale)))  # 4.1 billion is 4100000000.0


def _float(raw: str) -> float:
    return float(raw.replace(",", ""))
