"""Page chrome in text dumps: the words of buttons, banners and breadcrumbs copied with an article.

A browser's select-all copies the page around the article as short lines of their own. Chrome is
only ever a whole line: a sentence that mentions "subscribe" is article text. Two kinds:

- `is_chrome`: lines that are chrome wherever they stand (share bars, "Advertisement", breadcrumbs,
  image credits, comment counts, "6 min read").
- `is_lone_short`: short lines without sentence punctuation; chrome only at the very top or the
  very bottom of the page (a "Hero" placeholder, a "Back to Blog" link), where the reader decides.
"""

from __future__ import annotations

import re

# Whole lines (case-insensitive, surrounding punctuation and arrows stripped) that are the text
# of a page's controls. Collected from news and blog templates (WordPress, Ghost, Medium,
# Substack, Next.js starters); each is a label, never a sentence.
CHROME_LINES = frozenset("""
back to blog|back to top|back to news|back to articles|back|home|hero|hero image|featured image
cover image|thumbnail|skip to content|skip to main content|skip to navigation|skip navigation
toggle navigation|menu|open menu|close menu|close|search|share|share this|share this article
share this story|share this post|share article|share on x|share on twitter|share on facebook
share on linkedin|share on reddit|share on whatsapp|share via email|copy link|link copied
tweet|email|print|save|save article|bookmark|subscribe|subscribe now|subscribe to our newsletter
sign up|sign in|log in|login|register|create account|my account|advertisement|advertising|ad
sponsored|sponsored content|paid content|read more|continue reading|read full story|load more
show more|see more|view more|cookie settings|cookie preferences|manage cookies|accept cookies
accept all|accept all cookies|reject all|got it|newsletter|follow us|follow|related|related
articles|related stories|related posts|more stories|recommended|recommended for you|trending
most popular|popular|listen to this article|listen|comments|leave a comment|add a comment
show comments|view comments|reply|like|facebook|twitter|x|linkedin|reddit|whatsapp|instagram
youtube|rss|print this article|gift this article|audio|video|watch|next article|previous article
next|previous|next post|previous post|table of contents|contents|on this page|in this article
email the author|contact the author|about the author|view author profile|more from this author
follow the author|download the app|get the app|open in app
""".replace("\n", "|").split("|")) - {""}

_ENDS = " \t\u00a0•·|>›»→←<«‹↑↓▶►▸✕×✖+–—-:.!…"
# Links that name another story: "Read more: …", "Related: …", "Also read: …".
RELATED = re.compile(r"^(read more|related|also read|see also|more|recommended|read next|"
                     r"watch|listen)\s*[:|]\s*\S", re.I)
# "Photo: Jane Roe / Getty Images", "Image: A data centre in Virginia", "(Reuters)".
CREDIT = re.compile(r"^(image|photo|photograph|picture|illustration|graphic|video|credit|"
                    r"image credit|photo credit|source image|caption)s?\s*(credit)?\s*[:|]\s*\S",
                    re.I)
AGENCY_CREDIT = re.compile(r"(/|\bvia|\bfor|\(|\bby)\s*(getty images|reuters|afp|ap photo|"
                           r"associated press|bloomberg|shutterstock|unsplash|alamy|epa|"
                           r"istock|ap)\)?\.?\s*$", re.I)
BREADCRUMB_SEP = re.compile(r"\s+(?:>|/|›|»|→|\\)\s+")
COMMENTS = re.compile(r"^(\d[\d,.]*k?\s+(comments?|replies|responses|shares|likes|views)|"
                      r"comments?\s*\(\d+\)|view (all )?\d+ comments?|\d+\s+min(ute)?s?\s+"
                      r"(read|listen|watch)|reading time:?\s*\d+\s*min(ute)?s?|"
                      r"\d+\s+min(ute)?s?)$", re.I)
# Calls to action: "Sign up for our newsletter", "Subscribe to The Daily", "Follow us on X".
CALL_TO_ACTION = re.compile(r"^(sign up|subscribe|follow us|join|register|log in|sign in|get)\b"
                            r".{0,40}\b(newsletters?|briefing|digest|updates|app|account|"
                            r"instagram|facebook|linkedin|twitter|x|free)\b.{0,20}$", re.I)
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|all rights reserved", re.I)
SENTENCE_END = re.compile(r"[.!?:;,\"”’)]$")
WORD = re.compile(r"[\w$€£%'’-]+")


def unemphasised(line: str) -> str:
    """The line without emphasis around all of it (`**By Jane Doe**`, `_Share_`); a leading
    `* ` alone is a bullet and stays."""
    text = line.strip()
    match = re.fullmatch(r"(\*{1,2}|_{1,2})(\S.*?\S|\S)\1", text)
    return match.group(2).strip() if match else text


def _bare(line: str) -> str:
    """The line without emphasis markers, bullets and trailing arrows, in lower case."""
    return unemphasised(line).strip(_ENDS).strip().casefold()


def is_chrome(line: str) -> bool:
    """True for a line that is page chrome wherever it stands."""
    text = unemphasised(line)
    if not text:
        return False
    bare = _bare(text)
    if bare in CHROME_LINES or COMMENTS.match(bare) or COPYRIGHT.search(text):
        return True
    if len(text.split()) <= 10 and CALL_TO_ACTION.match(bare):
        return True
    if RELATED.match(text) or CREDIT.match(text) or is_breadcrumb(text):
        return True
    # A caption that ends in an agency credit is an image's text, not the article's.
    return len(WORD.findall(text)) <= 30 and bool(AGENCY_CREDIT.search(text))


def is_breadcrumb(text: str) -> bool:
    """`Home > Markets > Cloud`, `Home / Blog`: short segments joined by path separators."""
    parts = BREADCRUMB_SEP.split(text.strip())
    if len(parts) < 2 or any(not part or len(part.split()) > 4 for part in parts):
        return False
    if any(SENTENCE_END.search(part) or not part[0].isalnum() for part in parts):
        return False
    return parts[0].casefold() == "home" or (len(parts) >= 3 and all(
        part[0].isupper() for part in parts))


def is_lone_short(line: str, max_words: int = 4) -> bool:
    """A short line with no sentence punctuation: chrome when it stands at the top or bottom.

    Four words was chosen on the fixtures: "Back to Blog", "Hero", "Share on X" are at most
    four, while a standfirst or a headline is longer.
    """
    text = unemphasised(line)
    words = WORD.findall(text)
    return 0 < len(words) <= max_words and not SENTENCE_END.search(text) and len(text) <= 40
