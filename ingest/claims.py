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
from ingest.models import Block, Claim, ClaimKind

QUESTION = re.compile(r"\?[\"”’')\]]*\s*$")
IMPERATIVE = re.compile(
    r"^[\"“(]*(?:[^,]{1,40},\s+)?(?:please\s+)?(?:click|tap|sign up|subscribe|read|follow|share|"
    r"don't|do not|let's|let us|consider|imagine|note|see|try|make sure|check|use|install|run|"
    r"download|join|register|contact|learn|find out|get|visit|take|keep|remember|think about|"
    r"stop|start|go|watch|listen|email|call|buy|sign|add|open|enter|choose|select|avoid|"
    r"ask|look|set|create|write|build|deploy|configure|upgrade|update|enable|disable|copy)\b",
    re.I)
CHROME = re.compile(r"^(?:advertisement|sponsored|related|read more|share (?:this|on)|"
                    r"follow us|sign up|subscribe|all rights reserved|©|copyright|photo:|"
                    r"image:|credit:|getty images|this article|editor's note|back to)", re.I)
OPINION = re.compile(r"\b(?:I|we) (?:think|believe|feel|hope|argue)\b|\bin (?:my|our) (?:view|"
                     r"opinion)\b|\b(?:should|ought to|must)\b|\bit(?:'s| is) time\b|"
                     r"\bno longer optional\b|\bmasterclass\b|\bwe need\b", re.I)
FUTURE = re.compile(
    r"\b(?:will|won't|shall|is|are|was|were) (?:(?:likely|probably|also|not) )?"
    r"(?:expected|set|due|scheduled|poised|likely|on track|going|projected|forecast) to\b"
    r"|\bwill\b|\bwon't\b|\bplans? to\b|\bplanned to\b|\bintends? to\b|\baims? to\b"
    r"|\bforecasts?\b|\bpredicts?\b|\b(?:I|we|analysts|economists|investors) expects?\b"
    r"|\bexpects? (?!that\b)\w+ to\b|\b(?:may|might|could) (?:see|rise|fall|reach|hit|grow|"
    r"increase|decrease|drop|top|exceed|double|face|lose|cost|become|take|soon)\b"
    r"|^[^,]{0,40},\s+expect\b|\bby (?:the end of )?20\d\d\b|\bnext (?:year|month|week|quarter)\b",
    re.I)
REPORTED_WOULD = re.compile(r"\b(?:said|told|announced|confirmed|added|stated|noted|promised|"
                            r"pledged|warned)\b[^.]*\bwould\b", re.I)
COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|faster|slower|cheaper|better|"
    r"worse|greater|earlier|later|older|newer|stronger|weaker)\s+than\b|\b\w+er than\b"
    r"|\b(?:largest|biggest|highest|lowest|fastest|slowest|smallest|cheapest|strongest|"
    r"weakest|most|least|top|leading|record|second-largest|third-largest)\b|\branked\b"
    r"|\b(?:outpaced|outperformed|overtook|surpassed|trailed|beat|eclipsed)\b"
    r"|\bcompared (?:with|to)\b|\bversus\b|\bvs\.?\b|\bthe (?:first|only)\b", re.I)
CAUSAL = re.compile(r"\b(?:because|due to|as a result|caused|causes|cause|led to|leads to|"
                    r"lead to|resulted in|result of|thanks to|owing to|driven by|blamed|"
                    r"attributed to|triggered|sparked|prompted|fueled by|fuelled by|therefore|"
                    r"consequently|linked to|responsible for|after (?:a|the) [\w ]{0,30}(?:drop|"
                    r"rise|surge|fall|decision|ruling))\b", re.I)
EVENT = re.compile(
    r"\b(?:announced|launched|acquired|bought|sold|raised|cut|laid off|hired|signed|filed|"
    r"sued|approved|rejected|passed|released|reported|agreed|won|lost|resigned|died|killed|"
    r"arrested|fell|rose|grew|declined|jumped|dropped|surged|plunged|closed|opened|shut|"
    r"banned|blocked|fined|charged|invested|pledged|pledges|unveiled|introduced|completed|"
    r"delayed|cancelled|canceled|postponed|elected|appointed|named|voted|ruled|discovered|"
    r"published|confirmed|denied|merged|partnered|expanded|struck|reached|secured|received|"
    r"awarded|recalled|settled|paid|spent|earned|posted|missed|became|began|ended|built|"
    r"shipped|deployed|joined|left|founded|is injecting|has secured|has signed|has agreed)\b",
    re.I)
HEDGE = re.compile(
    r"\b(?:may|might|could|likely|unlikely|probably|possibly|perhaps|expects?|expected|"
    r"expecting|estimates?|estimated|suggests?|suggested|suggesting|reportedly|allegedly|"
    r"potentially|apparently|appears? to|seems? to|is said to|are said to|is thought to|"
    r"are thought to|is believed to|are believed to|believed to be|rumou?red|unconfirmed)\b",
    re.I)
PERMISSION = re.compile(r"\b(?:you|users|customers|visitors|employees|residents|members|"
                        r"applicants|passengers|shareholders|drivers|students|companies|firms|"
                        r"banks|anyone|they)\s+may\s+(?:now|only|also|not|still|apply|request|"
                        r"choose|opt|use|submit|enter|access|keep|bring|file|appeal|claim)\b"
                        r"|\bmay (?:now|only) be\b", re.I)
ABILITY = re.compile(r"\bcould(?:n't| not| no longer| barely| only| easily| finally)\b"
                     r"|\bcould (?:read|write|walk|see|hear|speak|swim|afford|reach|find|access|"
                     r"handle|process|lift|remember|tell|recall|run)\b"
                     r"|\b(?:before|until|so that|as fast as|as soon as|as much as|anything|"
                     r"nothing|all|no one|nobody)\b[^.,]{0,30}\bcould\b", re.I)
NOT_HEDGE = re.compile(r"\b(?:than|as) expected\b|\bunexpected\w*|\bexpected (?:delivery|"
                       r"date|arrival)\b|(?-i:\bMay\b(?=\s+\d|,?\s+(?:19|20)\d\d))"
                       r"|(?-i:(?<=\w )May\b)", re.I)


def extract(blocks: list[Block], body_markdown: str, published: str | None) -> list[Claim]:
    """Every claim in the article's paragraphs, list items and quotes, in reading order."""
    registry = entities.registry(body_markdown)
    speakers = attribution.Speakers()
    claims: list[Claim] = []
    for block in blocks:
        for i, sentence in enumerate(sentences.split(block.text, block.start)):
            who = attribution.find(sentence.text, block.text, i == 0, block.position, speakers)
            claim = _claim(sentence, block, who, registry, published, len(claims))
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(sentence: sentences.Sentence, block: Block, who: str | None,
           registry: entities.Registry, published: str | None, position: int) -> Claim | None:
    text = sentence.text
    if _not_a_claim(text):
        return None
    dates, spans = claim_dates.find(text, published)
    amounts = quantities.find(text, spans)
    names = entities.find(text, registry)
    event = bool(EVENT.search(text))
    if not (amounts or dates or who or names or event):
        return None  # nothing a fact-checker could check
    if who is None and not (amounts or dates) and OPINION.search(text):
        return None  # the article's own opinion
    return Claim(section=block.section, position=position, text=text,
                 kind=kind(text, bool(amounts), bool(dates), who), hedged=hedged(text),
                 attribution=who, start=sentence.start, end=sentence.end,
                 quantities=amounts, dates=dates, entities=names)


def _not_a_claim(text: str) -> bool:
    words = text.split()
    return (len(words) < 3 or bool(QUESTION.search(text)) or bool(IMPERATIVE.match(text))
            and not _expect_forecast(text) or bool(CHROME.match(text))
            or text.rstrip().endswith(":") and len(words) < 8)


def _expect_forecast(text: str) -> bool:
    """`In the short term, expect a ramp-up` is a forecast in imperative form, not an order."""
    return bool(re.match(r"^(?:[^,]{1,40},\s+)?expect\b", text, re.I))


def kind(text: str, has_amount: bool, has_date: bool, who: str | None) -> ClaimKind:
    """The claim's kind: the first that applies, from most to least specific."""
    if FUTURE.search(text) or REPORTED_WOULD.search(text):
        return "prediction"
    if has_amount:
        return "quantitative"
    if COMPARATIVE.search(text):
        return "comparative"
    if CAUSAL.search(text):
        return "causal"
    if who:
        return "attributed_statement"
    if has_date:
        return "temporal"
    return "event"


def hedged(text: str) -> bool:
    """True when a hedge word is used as a hedge: not may-as-permission, could-as-ability,
    the month May, or `than expected`."""
    masked = NOT_HEDGE.sub(" ", text)
    masked = PERMISSION.sub(" ", masked)
    masked = ABILITY.sub(" ", masked)
    return bool(HEDGE.search(masked))
