"""Who a sentence reports: `according to …`, `X said`, `"…," said X`, Q&A speakers and quotes
that continue without a new speech verb (CONVENTIONS.md, Claims). None when the article itself
asserts it, including the article's own "we" and "I".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.sentences import letter_runs

# Past and present speech verbs; nouns that look like verbs (claims, notes, states) are left out.
SAY = (r"said|says|say|told|tells|added|adds|stated|explained|explains|argued|argues|argue|"
       r"claimed|wrote|writes|warned|warns|insisted|insists|acknowledged|tweeted|declared|"
       r"testified|admitted|recalled|cautioned|stressed|conceded|contended|maintained|asserted|"
       r"concluded|urged")
# Verbs that also take a plain object ("reported a profit", "announced a deal"): they
# attribute only when a clause follows (`that`) or when they close the sentence (", X found.").
REPORT = r"reported|announced|confirmed|disclosed|revealed|estimated|estimates|projected|" \
         r"forecast|forecasts|predicted|predicts|found|noted|posted|show|shows|showed"
SPEECH = (rf"{SAY}|(?:{REPORT})(?=\s+that\b|(?:\s+(?:on|in|late|early|last|this)\s+\w+)?"
          rf"\s*(?:[.,;:]|$))")
SPEECH_WORDS = frozenset(re.findall(r"[a-z]+", f"{SAY}|{REPORT}"))
SAY_WORDS = frozenset(re.findall(r"[a-z]+", SAY))
REPORT_WORDS = SPEECH_WORDS - SAY_WORDS
# A reporting verb as SPEECH accepts it: a quick test before the slow patterns when a sentence
# has no verb of saying ("the data shows a rise" attributes nothing).
REPORT_SPEECH = re.compile(rf"\b(?:{REPORT})(?=\s+that\b|(?:\s+(?:on|in|late|early|last|this)"
                           rf"\s+\w+)?\s*(?:[.,;:]|$))")
TITLE = r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Sir|Lord|Dame|St)\.?"
NAME = (rf"(?:{TITLE}\s+)?[A-Z][\w'’.&-]*"
        r"(?:\s+(?:of|for|de|van|von|al|bin|&)?\s*[A-Z][\w'’.&-]*){0,4}")
# People of an organisation, named with it: `Analysts at Jefferies`, `Climate scientists at the
# Bureau of Meteorology`, `Administrators from Begbies Traynor`: the speaker is the whole phrase.
STAFF_NOUNS = ("analyst", "economist", "strategist", "researcher", "scientist", "expert",
               "official", "executive", "administrator", "lawyer", "engineer", "doctor",
               "investigator")
STAFF = (rf"(?:[A-Za-z][\w-]*\s+)?(?i:(?:{'|'.join(STAFF_NOUNS)})s?|"
         r"spokes(?:person|man|woman))")
GROUP = (r"(?:[Tt]he\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w-]*|"
         rf"{NAME}\s+(?:figures|data|statistics|filings|records|documents|officials)|"
         r"(?:a\s+|an\s+|some\s+|two\s+|three\s+|many\s+|most\s+|several\s+)?"
         r"(?:[A-Za-z][\w-]*\s+){0,2}(?:company|firm|group|bank|government|ministry|department|"
         r"agency|regulator|spokesperson|spokesman|spokeswoman|officials?|analysts?|executives?|"
         r"sources?|researchers?|scientists?|economists?|experts?|people|investors?|"
         r"authorities|police|report|study|survey|statement|filing|lawsuit|data|he|she|they|it))")
ACCORDING = re.compile(r"\baccording to\s+(?P<who>(?:[^,;:.!?\"“”]|(?<=\d)[,.](?=\d))+?)"
                       r"(?=[,.](?!\d)|[;:!?\"“”]|$)", re.I)
INVERTED = re.compile(rf"[,\"”’]\s*(?:{SPEECH})\s+(?P<who>(?:[a-z]+\s+){{0,3}}{NAME}|{GROUP})\b")
# In SUBJECT a space or comma follows each word of the speaker, and no word holds one: a word
# giving back letters can never lead to a match, so they are taken possessively (`]*+`), which
# spares Python's `re` that futile backtracking (a fifth of SUBJECT's time). INVERTED ends the
# speaker at `\b` instead, where giving back a final `.` can matter.
SPACED_NAME, SPACED_GROUP = NAME.replace("]*", "]*+"), GROUP.replace("]*", "]*+")
# Tried on its own, before SUBJECT, and only when a staff word is there: as one more alternative
# of SUBJECT it slowed every sentence with a speech verb.
STAFF_SUBJECT = re.compile(rf"(?:^|[\s\"“,(])(?P<who>{STAFF}\s+(?:at|from|with)\s+(?:the\s+)?"
                           rf"{SPACED_NAME})\s+(?:{SPEECH})\b")
STAFF_WORDS = frozenset({*STAFF_NOUNS, *(f"{noun}s" for noun in STAFF_NOUNS)})
SUBJECT = re.compile(rf"(?:^|[\s\"“,(])(?P<who>{SPACED_NAME}|{SPACED_GROUP})"
                     r"(?:,[^,]{2,90},|,)?\s+"
                     rf"(?:also\s+|has\s+|had\s+|previously\s+|later\s+|once\s+|recently\s+)?"
                     rf"(?:{SPEECH})\b")
QA = re.compile(r"^\s*(?:\*\*(?P<bold>[A-Z][^*:\n]{1,40}?)(?::\*\*|\*\*:)|"
                r"(?P<who>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}):)\s")
NOT_SPEAKERS = {"the", "a", "an", "this", "that", "these", "those", "in", "on", "for",
                "as", "but", "and", "however", "while", "when", "after", "we", "i", "you",
                "question", "q", "interviewer", "note", "update", "editor's note", "photo",
                "source", "read more", "related"}
# Words before a name that are not part of it: roles, titles and sentence connectors.
LEADERS = {"but", "and", "however", "meanwhile", "yet", "so", "chief", "executive", "ceo", "cfo",
           "president", "chairman", "chair", "founder", "minister", "secretary", "senator",
           "governor", "director", "mayor", "professor", "prof", "dr", "mr", "mrs", "ms", "sen",
           "rep", "gov", "gen", "judge", "analyst", "economist", "spokesperson", "spokesman",
           "spokeswoman", "union", "energy", "foreign", "prime", "vice", "rival", "former",
           "vice-president", "deputy", "general"}
PRONOUNS = {"he", "she"}
NAME_ONLY = re.compile(NAME)
ARTICLE_BEFORE_GROUP = re.compile(r"^(?:The|A|An)\s+(?=[a-z])")
LEADING_THE = re.compile(r"^(?:The|the)\s+(?=[A-Z])")
# An interview printed as questions and answers: the intro names the interviewee (`Keiko Arai
# is chief economist at …`) and says it is one (`The interview has been edited for length`).
INTERVIEW = re.compile(r"\binterview (?:has been|was) (?:edited|condensed)|"
                       r"\bedited for (?:length|clarity)", re.I)
INTERVIEWEE = re.compile(rf"^\s*(?P<who>{NAME})(?:,| (?:is|was|has been) )")
THE_OR_POSSESSIVE = re.compile(r"^(?:The|the)\s+(?=[A-Z])|(?:'s|’s)$")


@dataclass
class Speakers:
    """What earlier sentences tell about the current one: the last quote speaker, whether a
    quotation is still open, and the last named person (for `he said`)."""

    quote_speaker: str | None = None
    in_quote: bool = False
    last_person: str | None = None
    block: int = -1
    """The block of the last sentence seen."""
    answer: str | None = None
    """The interviewee whose Q&A answer this block is."""
    interviewee: str | None = None
    """Who answers the questions of an interview printed as plain question paragraphs."""
    asked: bool = False
    """The last block was a question (in an interview)."""
    last_who: str | None = None
    """The previous sentence's attribution, for `it said` and `they argue`."""


def find(sentence: str, block_text: str, first: bool, block: int, state: Speakers) -> str | None:
    """The attribution of `sentence` (plain text), the `first` of block number `block`.

    Updates `state`, so call it on every sentence in order.
    """
    if block != state.block:
        _enter_block(block_text, block, state)
    starts_quoted = state.in_quote or sentence.lstrip().startswith(("\"", "“"))
    who = _explicit(sentence) or state.answer
    if who is not None and who.lower() in PRONOUNS and state.last_person:
        who = state.last_person
    elif who is not None and who.lower() in ("it", "they") and state.last_who:
        who = state.last_who  # "The CTA said … It warned that …"
    state.last_who = who
    if who is None and starts_quoted:
        # A quote that opens a paragraph is the speaker named where it closes (`"…. …," said
        # X`); one that goes on from the last paragraph is that quote's speaker's.
        opening = first and not state.in_quote
        who = (_closing_speaker(block_text) if opening else None) or state.quote_speaker
    quotes = _quotes(sentence)
    state.in_quote = (state.in_quote + quotes) % 2 == 1
    if who:
        state.quote_speaker = who
        if NAME_ONLY.fullmatch(who):
            state.last_person = who
    elif not state.in_quote and not quotes:
        state.quote_speaker = None
    return who


def _enter_block(block_text: str, block: int, state: Speakers) -> None:
    asked = state.block != -1 and state.interviewee is not None and \
        block_text.rstrip().endswith("?")
    state.block, state.answer = block, None
    if (qa := QA.match(block_text)) and (qa["bold"] or qa["who"]).lower() not in NOT_SPEAKERS:
        state.answer = qa["bold"] or qa["who"]  # Q&A: "**Amodei:** We ..." is Amodei's
    elif state.asked and not asked:
        state.answer = state.interviewee  # the paragraph after a question is the answer
    if ("edited" in block_text or "condensed" in block_text) and INTERVIEW.search(block_text) \
            and (m := INTERVIEWEE.match(block_text)):
        state.interviewee = _clean(m["who"])
    state.asked = asked


def _closing_speaker(block_text: str) -> str | None:
    """The speaker named right after the first closing quotation mark of `block_text`."""
    close = min((i for i in (block_text.find("”"), block_text.find('"', 1)) if i > 0),
                default=-1)
    if close == -1:
        return None
    m = INVERTED.match(block_text, close - 1) or INVERTED.match(block_text, close)
    return _clean(m["who"]) if m else None


def _explicit(sentence: str) -> str | None:
    lowered = sentence.lower()
    if "according" in lowered and (m := ACCORDING.search(sentence)):
        return LEADING_THE.sub("", m["who"].strip())  # `the National Farmers' Federation`
    runs = letter_runs(sentence)
    if not (SAY_WORDS & runs or (REPORT_WORDS & runs and REPORT_SPEECH.search(sentence))):
        return None  # no speech verb as SPEECH reads one: skip the slow patterns
    found = []  # the earliest speaker wins: `X, chief of Y, told reporters` names X
    staff = (STAFF_SUBJECT,) if STAFF_WORDS & runs or "spokes" in lowered else ()
    for pattern in (INVERTED, *staff, SUBJECT):
        for m in pattern.finditer(sentence):
            who = _clean(m["who"])
            if who and who.lower() not in NOT_SPEAKERS and not (
                    pattern is not INVERTED and _inside_quote(sentence, m.start("who"))):
                found.append((m.start(), who))  # a verb inside a quotation is the speaker's
                break
    return min(found)[1] if found else None


def _clean(who: str) -> str:
    """`Chief Executive Laura Whitfield` → `Laura Whitfield`; `The bank` → `the bank`."""
    who = ARTICLE_BEFORE_GROUP.sub(lambda m: m[0].lower(), who.strip(" ,\"“”"))
    who = THE_OR_POSSESSIVE.sub("", who)
    words = who.split()
    while len(words) > 1 and (words[0].lower().rstrip(".") in LEADERS
                              or (words[0][0].islower() and _role_before_name(words))):
        words = words[1:]
    return " ".join(words)


def _role_before_name(words: list[str]) -> bool:
    """`medical officer Ingrid Solberg`: lower-case words, then the name; not `analysts at X`,
    where the words before the name say whose staff they are."""
    for word in words[1:]:
        if word[0].isupper():
            return True
        if word in ("at", "from", "with", "of", "for"):
            return False
    return False


def _inside_quote(sentence: str, at: int) -> bool:
    return _quotes(sentence, at) % 2 == 1


def _quotes(sentence: str, end: int | None = None) -> int:
    """How many quotation marks (straight or curly) come before `end`."""
    return sentence.count('"', 0, end) + sentence.count("“", 0, end) \
        + sentence.count("”", 0, end)
