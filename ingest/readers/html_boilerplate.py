"""Publisher boilerplate written as article text: newsletter pitches, affiliate notices,
"follow us", ad-blocker pleas, reporting credits.

Class names do not mark these (they are plain `<p>`s inside the article body), so they are
found by what they say. Only short blocks are considered, and the phrases speak to the reader
about the publication, so a sentence of reporting about, say, subscriptions is not touched.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

MAX_LENGTH = 320
CALLS_TO_ACTION = re.compile(
    r"\b(?:sign up (?:for (?:our|the|free)|to (?:our|receive|get)|here|now|today)|"
    r"subscribe (?:to (?:our|the)|now|here|today)|"
    r"(?:our|free|daily|weekly) (?:e-?mail )?newsletters?\b|to your inbox|in your inbox|"
    r"through your letterbox|follow (?:us|him|her|them|me) (?:on|at|@)|follow @\w+|"
    r"support (?:our|us|independent) |support \w+ so we|disable your ad ?blocker|"
    r"ad ?blocker|affiliate commission|(?:get|earn) a (?:small )?(?:share|commission) of|"
    r"if you buy something through|join (?:our|the) [\w ]{0,30}(?:forums?|community|newsletter)|"
    r"reach the reporters?|have a tip\?|e-?mail (?:the author|\w+ \w+ at)|"
    r"(?:^|\()\s*reporting by |(?:^|; )editing by |writers? [\w ,.]{0,120} contributed|"
    r"contributed to this report|download (?:our|the) app|"
    r"there was a problem subscribing|this article is related to|"
    r"is committed to publishing|let our news meet your inbox|"
    r"relies on advertising|never see this message again|free articles? (?:left|remaining)|"
    r"cancel any ?time|already a subscriber|to continue reading|^like this:?$|^loading…?$|"
    r"a version of this (?:article|story) (?:appears|appeared) in print|order reprints)",
    re.I)
# A word every phrase above contains (lower case): a block with none of them cannot match, and
# these substring tests take a fraction of the regex's time on the many blocks that do not.
# A phrase added above needs its word here (the tests check each phrase against both).
KEY_WORDS = ("sign up", "subscrib", "newsletter", "inbox", "letterbox", "follow", "support",
             "blocker", "affiliate", "share of", "commission of", "buy something", "join",
             "reach the reporter", "have a tip", "mail ", "reporting by", "editing by",
             "contributed", "download", "related to", "committed to", "relies on",
             "this message", "free article", "cancel any", "continue reading", "like this",
             "loading", "in print", "reprints")


def drop_calls_to_action(content: LexborNode) -> None:
    for node in content.css("p, li, h3, h4, h5, h6"):
        if node.parent is None:
            continue
        text = node.text(deep=True) or ""
        if len(text) <= MAX_LENGTH and call_to_action(" ".join(text.split())):
            node.decompose()


def call_to_action(text: str) -> bool:
    """True when `text` (whitespace collapsed) is one of the publisher's pitches."""
    lowered = text.lower()
    return any(word in lowered for word in KEY_WORDS) and CALLS_TO_ACTION.search(text) is not None
