"""Blocks to claims: the sentences a fact-checker could check, with kind, hedging, attribution,
quantities, dates and entities (CONVENTIONS.md, Claims).

A sentence is a claim when it has something checkable (an amount, a date, a named actor, a
reported speaker, or an actor doing something) and is not a question, an instruction, page
chrome or an opinion with nothing checkable in it. Its kind is the first that applies in
`KINDS` order: prediction, quantitative, comparative, causal, attributed_statement, temporal,
event. The rules were written from CONVENTIONS.md and the sample article, then measured on
tests/fixtures/claims with bench/claims_bench.py.
"""

from __future__ import annotations

import re

from ingest import attribution, claim_dates, entities, quantities, sentences
from ingest.models import Block, Claim, ClaimKind, DateMention, EntityMention


def _wordset(words: str) -> frozenset[str]:
    """A set written as a block of words, for lists too long for one line each."""
    return frozenset(words.split())


CODE = re.compile(r"\s*(?:def |class |import |from [\w.]+ import |return |[\w.\[\]'\"]+\s*=\s*\S)")
QUESTION = re.compile(r"\?[\"”’')\]]*\s*$")
IMPERATIVE = re.compile(
    r"^[\"“(]*(?:[^,]{1,40},\s+)?(?:please\s+)?(?:click|tap|sign up|subscribe|read|follow|share|"
    r"don't|do not|let's|let us|consider|imagine|note|see|try|make sure|check|use|install|run|"
    r"download|join|register|contact|learn|find out|get|visit|take|keep|remember|think about|"
    r"stop|start|go|watch|listen|email|call|buy|sign|add|open|enter|choose|select|avoid|"
    r"ask|look|set|create|write|build|deploy|configure|upgrade|update|enable|disable|copy|"
    r"book|pack|bring|compare|save|reserve)\b",
    re.I)
CHROME = re.compile(r"^(?:advertisement|sponsored|related|read more|share (?:this|on)|"
                    r"follow us|sign up|subscribe|all rights reserved|©|copyright|photo:|"
                    r"image:|credit:|getty images|this article|editor's note|back to)", re.I)
# The patterns below start with a lookahead for the letters a match can start with: Python's
# `re` rejects a position with it far faster than by trying every alternative there (2-3x on news
# sentences). What they match is unchanged.
OPINION = re.compile(r"(?=\b[iwsomna])(?:"
                     r"\b(?:I|we) (?:think|believe|feel|hope|argue)\b|\bin (?:my|our) (?:view|"
                     r"opinion)\b|\b(?:should|ought to|must)\b|\bit(?:'s| is) time\b|"
                     r"\bno longer optional\b|\bmasterclass\b|\bwe need\b|"
                     # a verdict on what happened: `X's results are a reminder that …`
                     r"\b(?:is|are|was|were) (?:a|an) (?:\w+ )?(?:reminder|testament|lesson|"
                     r"wake-up call|cautionary tale)\b)", re.I)
FUTURE = re.compile(
    r"(?=\b[wsiapfemcbn]|^)(?:"
    r"\b(?:will|won't|shall|is|are|was|were) (?:(?:likely|probably|also|not) )?"
    r"(?:expected|set|due|scheduled|poised|likely|on track|going|projected|forecast) to\b"
    r"|\bwill\b|\bwon't\b|\b(?:is|are) expected\b|\bplans? to\b|\bplanned to\b"
    r"|\bintends? to\b|\baims? to\b"
    r"|\bforecasts?\b|\bpredicts?\b|\b(?:I|we|analysts|economists|investors) expects?\b"
    r"|\bexpects? (?:(?!that\b)\w+ )?to\b|\b(?:is|are) (?:scheduled|set|due) (?:for|on)\b"
    r"|\b(?:may|might|could) (?:see|rise|fall|reach|hit|grow|"
    r"increase|decrease|drop|top|exceed|double|face|lose|cost|become|take|soon)\b"
    r"|^[^,]{0,40},\s+expect\b|\bby (?:the end of )?20\d\d\b"
    r"|\bnext (?:year|month|week|quarter|season|summer|winter|spring|autumn|decade)\b"
    r")", re.I)
REPORTED_WOULD = re.compile(r"(?=\b[stacnpw])\b(?:said|told|announced|confirmed|added|stated|"
                            r"noted|promised|pledged|warned)\b[^.]*\bwould\b", re.I)
COMPARATIVE = re.compile(
    r"(?=\b\w)(?:"
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|cheaper|better|"
    r"worse|greater|earlier|later|older|newer|stronger|weaker)\s+than\b|\b\w+er than\b"
    r"|\b(?:largest|biggest|highest|lowest|fastest|slowest|smallest|cheapest|strongest|"
    r"weakest|least|top|leading|record|second-largest|third-largest)\b|\branked\b"
    r"|(?:\b(?:the|its|their|his|her|our)|['’]s) most\b"
    r"|\b(?:outpaced|outperformed|overtook|surpassed|trailed|beat|eclipsed)\b"
    r"|\bcompared (?:with|to)\b|\bversus\b|\bvs\.?\b|\bthe (?:first|only)\b"
    r")", re.I)
AT_LEAST = re.compile(r"\bat (?:least|most)\b|\bmost of\b", re.I)  # bounds, not rankings
CAUSAL = re.compile(r"(?=\b[bdarcltopsf])"
                    r"\b(?:because|due to|as a result|caused|causes|cause|led to|leads to|"
                    r"lead to|resulted in|result of|thanks to|owing to|driven by|blamed|"
                    r"attributed to|triggered|sparked|prompted|fueled by|fuelled by|therefore|"
                    r"consequently|linked to|responsible for|pushed (?:up|down)|"
                    r"(?<=, )so\b(?! far\b| much\b| many\b)|"
                    r"after (?:a|the) [\w ]{0,30}(?:drop|"
                    r"rise|surge|fall|decision|ruling))\b", re.I)
EVENT = _wordset("""announced launched acquired bought sold raised cut laid hired signed filed
    sued approved rejected passed released reported agreed won lost resigned died killed arrested
    fell rose grew declined jumped dropped surged plunged closed opened shut banned blocked fined
    charged invested pledged pledges unveiled introduced completed delayed cancelled canceled
    postponed elected appointed named voted ruled discovered published confirmed denied merged
    found funded studied followed tested showed measured recorded
    partnered expanded struck reached secured received awarded recalled settled paid spent earned
    posted missed became began ended built shipped deployed joined left founded injecting
    moved stayed
    acquires launches announces raises cuts signs files sues approves releases""")
HEDGE = re.compile(
    r"(?=\b[mclupeasrib])"
    r"\b(?:may|might|could|likely|unlikely|probably|possibly|perhaps|expects?|expected|"
    r"expecting|estimates?|estimated|suggests?|suggested|suggesting|reportedly|allegedly|"
    r"potentially|apparently|appears? to|seems? to|is said to|are said to|is thought to|"
    r"are thought to|is believed to|are believed to|believed to be|rumou?red|unconfirmed)\b",
    re.I)
PERMISSION = re.compile(r"(?=\b[myucveraspdfbt])(?:"
                        r"\bmay (?:now|only)\b|\bmay not (?!be\b|have\b|yet\b|\w+ed\b)|"
                        r"\b(?:you|users|customers|visitors|employees|residents|members|"
                        r"applicants|passengers|shareholders|drivers|students|companies|firms|"
                        r"banks|anyone|they)\s+may\s+(?:now|only|also|not|still|apply|request|"
                        r"choose|opt|use|submit|enter|access|keep|bring|file|appeal|claim)\b)"
                        , re.I)
ABILITY = re.compile(r"(?=\b[cbusan])(?:"
                     r"\bcould(?:n't| not| no longer| barely| only| easily| finally)\b"
                     r"|\bcould (?:read|write|walk|see|hear|speak|swim|afford|reach|find|access|"
                     r"handle|process|lift|remember|tell|recall|run)\b"
                     r"|\b(?:before|until|so that|as fast as|as soon as|as much as|anything|"
                     r"nothing|all|no one|nobody)\b[^.,]{0,30}\bcould\b)", re.I)
NOT_HEDGE = re.compile(r"(?=\b[tahuem])(?:"
                       r"\b(?:than|as|had|have) expected\b|\bunexpected\w*|\bexpected (?:delivery|"
                       r"date|arrival)\b|(?-i:\bMay\b(?=\s+\d|,?\s+(?:19|20)\d\d))"
                       r"|(?-i:(?<=\w )May\b))", re.I)


# Quick tests before the long patterns, on the folded sentence (`sentences.fold`): every match of
# FUTURE contains one of FUTURE_NEEDLES, or `by ` and `20`, or ` to` and one of FUTURE_TO; every
# match of OPINION one of OPINION_NEEDLES; every match of CODE an `=` or starts with one of
# CODE_STARTS. A few substring tests cost much less than a search that finds nothing.
FUTURE_NEEDLES = ("will", "won't", "expect", "plan", "intend", "aim", "forecast", "predict",
                  "may ", "might ", "could ", "next ", "scheduled ", "set for", "due on",
                  "due for")
FUTURE_TO = ("set", "due", "scheduled", "poised", "likely", "on track", "going", "projected")
OPINION_NEEDLES = ("think", "believe", "feel", "hope", "argue", "in my ", "in our ", "should",
                   "ought to", "must", "time", "optional", "masterclass", "we need", "reminder",
                   "testament", "lesson", "wake-up", "cautionary")
CODE_STARTS = ("def ", "class ", "import ", "from ", "return ")
SYMBOLS = re.compile(r"[=(){}\[\];_]")


# Longer "sentences" are glued text, data or a reader's failure, not a statement; the longest
# sentence in the claim fixtures is ~230 characters, news style guides stop well below 600.
MAX_SENTENCE = 800
# Cheap gates: a pattern above is only tried when one of its words is in the sentence, which
# keeps extraction within a few ms per article (most sentences trigger few of them).
TRIGGERS = {
    "future": _wordset("""will won't shall expected set due scheduled poised likely going
        projected forecast forecasts plan plans planned intend intends aim aims predict predicts
        expect expects may might could by next would"""),
    "comparative": _wordset("""than largest biggest highest lowest fastest slowest smallest
        cheapest strongest weakest most least top leading record ranked outpaced outperformed
        overtook surpassed trailed beat eclipsed compared versus vs first only
        second-largest third-largest"""),
    "causal": _wordset("""because due result caused causes cause led leads lead resulted
        thanks owing driven blamed attributed triggered sparked prompted fueled fuelled
        therefore consequently linked responsible after pushed so"""),
    "hedge": _wordset("""may might could likely unlikely probably possibly perhaps expect expects
        expected expecting estimate estimates estimated suggest suggests suggested suggesting
        reportedly allegedly potentially apparently appear appears seem seems said thought
        believed rumored rumoured unconfirmed"""),
}


def _words(text: str) -> frozenset[str]:
    return sentences.words(text)


def extract(blocks: list[Block], body_markdown: str, published: str | None) -> list[Claim]:
    """Every claim in the article's paragraphs, list items and quotes, in reading order.

    Offsets are into `body_markdown`, which the blocks were cut from; the blocks carry their own
    text, so the body itself is not read again (a body can be megabytes of a reader's failure).
    Relative dates resolve against `published` (ISO 8601) and stay None without it.
    """
    registry = entities.registry("\n\n".join(b.text for b in blocks))
    speakers = attribution.Speakers()
    claims: list[Claim] = []
    for block in blocks:
        for i, sentence in enumerate(sentences.split(block.text, block.start)):
            who = attribution.find(sentence.text, block.text, i == 0, block.position, speakers)
            who = registry.full_name(who) if who else None  # "Hill" → "Keith Hill"
            claim = _claim(sentence, block, who, registry, published, len(claims))
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(sentence: sentences.Sentence, block: Block, who: str | None,
           registry: entities.Registry, published: str | None, position: int) -> Claim | None:
    text = sentence.text
    if len(text) > MAX_SENTENCE or _not_a_claim(text):
        return None
    dates, spans = claim_dates.find(text, published)
    amounts = quantities.find(text, spans)
    names = entities.find(text, registry)
    words = _words(text)
    future = _future(text, words) or _ahead(dates, published)  # read once: the kind needs it
    compares = None  # read only when nothing else makes the sentence checkable
    if not (amounts or dates or who or names or words & EVENT or future):
        compares = _compares(text, words)
        if not (compares or _causal(text, words)):
            return None  # nothing a fact-checker could check
    if who is None and not (amounts or dates) and _opinion(text):
        return None  # the article's own opinion
    names = [_speaker_is_person(m, who) for m in names]
    return Claim(section=block.section, position=position, text=text,
                 kind=kind(text, bool(amounts), bool(dates), who, words, future, compares),
                 hedged=hedged(text, words),
                 attribution=who, start=sentence.start, end=sentence.end,
                 quantities=amounts, dates=dates, entities=names)


def _future(text: str, words: frozenset[str]) -> bool:
    if not words & TRIGGERS["future"]:
        return False
    low = sentences.fold(text)
    if not (_has_any(low, FUTURE_NEEDLES) or ("by " in low and "20" in low)
            or (" to" in low and _has_any(low, FUTURE_TO))):
        return False  # no alternative of FUTURE can match
    return FUTURE.search(text) is not None


def _ahead(dates: list[DateMention], published: str | None) -> bool:
    """A date after the article's publication (`the hearing is on 19 June`): what the sentence
    tells is still to come. Compared at the date's own precision (`2027` vs `2026-…`)."""
    return published is not None and any(
        d.date is not None and "W" not in d.date and d.date > published[:len(d.date)]
        for d in dates)


def _opinion(text: str) -> bool:
    return _has_any(sentences.fold(text), OPINION_NEEDLES) and OPINION.search(text) is not None


def _has_any(low: str, needles: tuple[str, ...]) -> bool:
    return any(needle in low for needle in needles)


def _compares(text: str, words: frozenset[str]) -> bool:
    return bool(words & TRIGGERS["comparative"]) and \
        COMPARATIVE.search(AT_LEAST.sub("", text)) is not None


def _causal(text: str, words: frozenset[str]) -> bool:
    return bool(words & TRIGGERS["causal"]) and CAUSAL.search(text) is not None


def _speaker_is_person(mention: EntityMention, who: str | None) -> EntityMention:
    """A named speaker not otherwise typed is a person (`Duane Mellor … said`)."""
    if mention.type == "other" and who and mention.name == who and 2 <= len(who.split()) <= 3:
        return mention.model_copy(update={"type": "person"})
    return mention


def _not_a_claim(text: str) -> bool:
    # Cheapest tests first; IMPERATIVE (a long alternation) last.
    words = text.split()
    return (len(words) < 3 or QUESTION.search(text) is not None
            or CHROME.match(text) is not None
            or (text.rstrip().endswith(":") and len(words) < 8)
            or _looks_like_heading(text, words) or _looks_like_code(text)
            or (IMPERATIVE.match(text) is not None and not _expect_forecast(text)))


def _looks_like_heading(text: str, words: list[str]) -> bool:
    """A heading a reader left in a paragraph: `#Title`, or Title Case with no full stop."""
    if text.startswith("#"):
        return True
    if text[-1] in ".!?\"”')" or len(words) >= 20:
        return False  # most sentences: no need to count capitals
    # 60%: the seed's title and table rows; no fixture sentence without a full stop reaches it.
    capitals = sum(w[0].isupper() for w in words if w[0].isalpha())
    return capitals >= 0.6 * len(words)


def _looks_like_code(text: str) -> bool:
    """Code a reader left in a paragraph: assignments, calls and braces, not prose."""
    if ("=" in text or text.lstrip().startswith(CODE_STARTS)) and CODE.match(text):
        return True
    return len(SYMBOLS.findall(text)) > max(6, len(text) // 12)


EXPECT = re.compile(r"^(?:[^,]{1,40},\s+)?expect\b", re.I)


def _expect_forecast(text: str) -> bool:
    """`In the short term, expect a ramp-up` is a forecast in imperative form, not an order."""
    return EXPECT.match(text) is not None


def kind(text: str, has_amount: bool, has_date: bool, who: str | None,
         words: frozenset[str] | None = None, future: bool | None = None,
         compares: bool | None = None) -> ClaimKind:
    """The claim's kind: the first that applies, from most to least specific. `future` and
    `compares` (FUTURE / COMPARATIVE found, behind their trigger words) when already known."""
    words = _words(text) if words is None else words
    if _future(text, words) if future is None else future:
        return "prediction"
    if "would" in words and REPORTED_WOULD.search(text):
        return "prediction"  # `said … would`: a reported will
    if has_amount:
        return "quantitative"
    if _compares(text, words) if compares is None else compares:
        return "comparative"
    if _causal(text, words):
        return "causal"
    if who:
        return "attributed_statement"
    if has_date:
        return "temporal"
    return "event"


def hedged(text: str, words: frozenset[str] | None = None) -> bool:
    """True when a hedge word is used as a hedge: not may-as-permission, could-as-ability,
    the month May, or `than expected`."""
    if not (_words(text) if words is None else words) & TRIGGERS["hedge"]:
        return False
    words = _words(text) if words is None else words
    masked = NOT_HEDGE.sub(" ", text) if words & {"expected", "may", "unexpected"} else text
    masked = PERMISSION.sub(" ", masked) if "may" in words else masked
    masked = ABILITY.sub(" ", masked) if "could" in words else masked
    return bool(HEDGE.search(masked))
