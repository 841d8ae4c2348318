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
follow the author|download the app|get the app|open in app|from|pin|pin it|guest essay
press release|share full article|share this page|comment|scroll to continue
story continues below|article continues below|continue reading below
translate|select language|choose language
""".replace("\n", "|").split("|")) - {""}

# Share targets that are button labels only when glued to other labels (`FacebookBluesky…`);
# alone on a line, `Threads` or `Pocket` may be a heading.
SHARE_TARGETS = frozenset({"bluesky", "threads", "mastodon", "telegram", "pinterest", "tumblr",
                           "flipboard", "messenger", "sms", "pocket", "hacker news", "copy",
                           "copy url", "share link", "gift", "gift article"})
LINK_ROW_PIECES = 3
GLUED_LABEL_MAX = 80  # characters; a share bar or a toolbar is short
GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # `kX`, `XWh`

_ENDS = " \t\u00a0•·|>›»→←<«‹↑↓▶►▸✕×✖+–—-:.!…"
# Links that name another story: "Read more: …", "Related: …", "Also read: …".
RELATED = re.compile(r"^(read more|related|also read|see also|more|recommended|read next|"
                     r"watch|listen)\s*[:|]\s*\S", re.I)
# "Photo: Jane Roe / Getty Images", "Image: A data centre in Virginia", "(Reuters)".
CREDIT = re.compile(r"^(image|photo|photograph|picture|illustration|graphic|video|credit|"
                    r"image credit|photo credit|source image|caption)s?\s*(credit)?\s*[:|]\s*\S|"
                    r"^(photo|image|picture|illustration)s?\s+(by|courtesy(\s+of)?|via)\s+"
                    r"(?!.*[.!?]\s\S)", re.I)  # `Photo by Ann Lee on Unsplash`, not a sentence
# Wire captions: `Item 1 of 2 A man… REUTERS/Hannah McKay/File Photo`, gallery links that a
# screen reader names (`Purchase Licensing Rights, opens new tab`).
WIRE_CAPTION = re.compile(r"^item \d+ of \d+\b|\b(?:REUTERS|AFP|AP|EPA|ANP|XINHUA)/[A-Z][^/]{1,40}"
                          r"(?:/(?:File )?Photo)?\s*$|,\s*opens new tab\s*$", re.I)
AGENCY_CREDIT = re.compile(r"(/|\bvia|\bfor|\(|\bby)\s*(getty images|reuters|afp|ap photo|"
                           r"associated press|bloomberg|shutterstock|unsplash|alamy|epa|"
                           r"istock|ap)\)?\.?\s*$", re.I)
PIECES = re.compile(r"\s+[|·•]\s+")
BREADCRUMB_SEP = re.compile(r"\s+(?:>|/|›|»|→|\\)\s+")
COMMENTS = re.compile(r"^((?:read|view|see|show|join)\s+(?:all\s+)?)?"
                      r"(\d[\d,.]*k?\s+(comments?|replies|responses|shares|likes|views|followers|claps|reactions|restacks)|"
                      r"comments?\s*\(\d+\)|view (all )?\d+ comments?|\d+\s+min(ute)?s?\s+"
                      r"(read|listen|watch)|reading time:?\s*\d+\s*min(ute)?s?|"
                      r"\d+\s+min(ute)?s?|\d{1,2}:\d{2}(?:\s*min(ute)?s?)?)$", re.I)
# Calls to action: "Sign up for our newsletter", "Subscribe to The Daily", "Follow us on X".
CALL_TO_ACTION = re.compile(r"^(sign up|subscribe|follow us|join|register|log in|sign in|get)\b"
                            r".{0,40}\b(newsletters?|briefing|digest|updates|app|account|"
                            r"instagram|facebook|linkedin|twitter|x|free)\b.{0,20}$", re.I)
# Labels above links to other stories or pages: in the foot, they and what follows them are not
# the article (in the body, `More on the numbers` may be a section heading).
RELATED_LABEL = re.compile(r"^(?:related(?: articles| stories| posts| content| reading| links)?|"
                           r"more (?:on|in|from|about) .{1,40}|more stories|most (?:popular|read|"
                           r"viewed|shared)|read next|up next|what to read next|you (?:may|might) "
                           r"(?:also )?like|recommended(?: for you)?|trending(?: now)?|"
                           r"(?:previous|next)(?: (?:article|post|story|page|chapter))?)[\s:]*$",
                           re.I)
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|all rights reserved", re.I)
# Boilerplate sentences every site words alike: cookie banners, affiliate disclosures, the
# newsletter box, e-mail footers, comment forms, feedback widgets, reviewer and sign-in lines.
# Each is matched on the whole line (at most 40 words), so article text about cookies or
# newsletters, which says more than this, stays.
BOILERPLATE = re.compile(
    r"^cookies on \S+$|"
    r"^(?:accept|reject|manage|allow|decline|customi[sz]e|view|update)\b.{0,25}"
    r"\b(?:cookies?|preferences|consent|settings)$|"
    r"\bwe (?:may )?earn (?:a|an)?\s*(?:small )?(?:affiliate )?commission\b|"
    r"\bmay contain affiliate links\b|\bas an amazon associate\b|"
    r"^(?:sign up|subscribe|sign in|log in|register)\b(?:[^.]{0,60}$|.{0,60}\b(?:newsletters?|"
    r"e-?mails?|inbox|account|free|tips|updates|offers|today|now)\b)|"
    r"\b(?:in|to|into) your inbox\b|^.{0,30}\bnewsletters?\s*!?$|"
    r"^your privacy (?:is important|matters)\b|\bupdated our (?:privacy|cookie) policy\b|"
    r"^(?:(?:enter|add) )?(?:your )?e-?mail(?: address)?$|"
    r"^(?:contact|email|send) me\b|^by (?:submitting|signing up|subscribing|clicking|"
    r"continuing|using)\b.{0,140}\b(?:agree|consent|accept)|"
    r"^(?:view|read|open) (?:this|the) (?:e-?mail|newsletter|issue) (?:in|on) |"
    r"\bforward (?:it |this(?: e-?mail| issue| newsletter)? )?to a (?:friend|colleague)\b|"
    r"^you(?:'re|’re| are) receiving this\b|^unsubscribe\b|"
    r"\byour email address will not be published\b|\brequired fields are marked\b|"
    r"^save my name, email\b|^leave a (?:reply|comment)\b|"
    r"^(?:was|is|did) (?:this|the) (?:page|article|post|story|guide|answer|information)"
    r"\b.{0,20}\b(?:helpful|useful)\b|\bthis page is (?:not )?useful$|"
    r"^thank you for your feedback\b|^report a problem with this page\b|"
    r"^edit (?:this page )?on (?:github|gitlab)\b|^jump to (?:the )?\w+(?: \w+)?$|"
    r"^(?:print|save|rate) (?:this )?recipe$|^(?:continue|keep) reading\b(?!.{40})|"
    r"^(?:did you|have you) (?:make|made|try|tried)\b.{0,60}@\w|"
    r"^(?:medically |clinically |fact[- ]|expert |peer |technically )?(?:reviewed|checked|"
    r"fact-checked|verified) by [A-Z]|"
    r"^(?:cover|featured|header|hero) image (?:for|of)\b|"  # an image's alt text
    r"^(?:media|press) (?:contacts?|enquiries|inquiries)\s*:|"  # a release's contact line
    r"^an official (?:web)?site of\b.{0,60}$|^here(?:'s|’s| is) how you know$|"  # gov banner
    r"^you(?:'ve|’ve| have) (?:\d+|one|two|three|no) (?:more )?(?:free )?(?:articles?|stories|"
    r"reads)\b.{0,30}\b(?:left|remaining)\b|^subscribe (?:for|to get) unlimited\b|"  # paywall
    r"^thanks? (?:you )?for reading\b.{0,80}\b(?:subscribe|sign up)\b|"  # Substack's box
    r"^we(?:'re|’re| are) hiring\b.{0,60}\b(?:roles?|careers?|jobs?|positions?|openings?)\b|"
    # a company's registration line in the footer: `Acme Ltd ABN 12 345 678 901`
    r"^(?:[^.]{0,60}\s)?(?:ABN|ACN|ARBN|company (?:no\.?|number|reg(?:istration)?(?: no\.?)?)|"
    r"registered (?:in \w+(?: and \w+)?|company)(?: no\.?| number)?|VAT (?:no\.?|number|reg\.?))"
    r"\s*:?\s*[A-Z]{0,2}\d[\d ]{4,}\d\b.{0,60}$|"
    r"^(?:proudly )?(?:built|made|powered|generated) (?:with|by|using) (?:sphinx|mkdocs|material "
    r"for mkdocs|docusaurus|hugo|jekyll|gatsby|ghost|wordpress|gitbook|vitepress|astro|read the "
    r"docs|squarespace|wix|substack)\b", re.I)
COOKIE_BANNER = re.compile(r"^(?:we|this (?:web)?site|our (?:web)?site)\b.{0,60}\bcookies\b.*"
                           r"\b(?:experience|work|improve|analy[sz]e|personali[sz]e|browse|"
                           r"browsing|agree|consent|preferences|settings|traffic|measure|"
                           r"statistics|understand|ads|advertising|cookie policy)\b", re.I)
# An image's alt text left alone on its line: `Diagram showing …`, `Aerial view of …`,
# `StreamKit 3.0 release banner`. A picture's description, not a sentence or a heading.
ALT_TEXT = re.compile(r"^(?:(?:an?|the) )?(?:[\w.'’-]+ ){0,3}?(?:diagram|chart|graph|"
                      r"illustration|screenshot|photo(?:graph)?|image|infographic|map|"
                      r"(?:aerial|satellite|close-up) view|rendering|mock-?up)s? (?:of|showing|"
                      r"shows|depicting|illustrating|comparing)\s|\s(?:banner|screenshot|"
                      r"illustration|diagram|logo|thumbnail|hero image|cover image)$", re.I)
# The last line of a sign-up box: its button or e-mail field.
FORM_CONTROL = re.compile(r"^(?:subscribe|subscribe now|sign up|sign me up|join|join now|"
                          r"get started|(?:enter )?your e-?mail(?: address)?|e-?mail(?: address)?"
                          r"|enter your e-?mail(?: address)?|"
                          r"(?:view|see|browse) (?:all )?(?:open )?"
                          r"(?:roles|jobs|positions|vacancies|openings)|apply now|"
                          r"(?:book|request|get) a demo)$", re.I)
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
    if re.fullmatch(r"[·•∙|]+", text):
        return True  # a separator left alone on its line by a copied toolbar (not `***`, a break)
    if RELATED.match(text) or CREDIT.match(text) or is_breadcrumb(text):
        return True
    if len(text.split()) <= 40 and (BOILERPLATE.search(text) or COOKIE_BANNER.search(text)):
        return True
    if glued_labels(text):
        return True  # `ShareTweetLinkedInEmailCopy link`: a toolbar's buttons, glued
    if all(_bare(piece) in CHROME_LINES or COMMENTS.match(_bare(piece))
           for piece in PIECES.split(text)):
        return True  # `Listen · 7:32 min`, `Unsubscribe | Update your preferences`
    # A caption that ends in an agency credit is an image's text, not the article's.
    return len(WORD.findall(text)) <= 30 and bool(AGENCY_CREDIT.search(text)
                                                  or WIRE_CAPTION.search(text))


def glued_labels(text: str) -> bool:
    """A line made wholly of button labels glued together (`FacebookXWhatsAppCopy link`).
    Labels may only meet where a lower-case letter runs into a capital or at a space, and
    at least one such glue must be there: `Back Home`, spaced words, may be a heading."""
    text = text.strip()
    if len(text) > GLUED_LABEL_MAX or not GLUE.search(text):
        return False
    cuts = sorted({0, len(text), *(m.start() for m in GLUE.finditer(text)),
                   *(i for i, c in enumerate(text) if c == " ")})
    reach = {0: 0}  # cut position -> labels used to get there
    for a in cuts:
        if a not in reach:
            continue
        for b in (b for b in cuts if b > a):
            label = text[a:b].strip().casefold()
            if label in CHROME_LINES or label in SHARE_TARGETS:
                reach.setdefault(b, reach[a] + 1)
    return reach.get(len(text), 0) >= 2


def is_link_row(line: str) -> bool:
    """A footer's row of links or address parts (`About · Privacy · Terms`, `County Hall ·
    1 Main Street · Springfield`): three or more short pieces, none a sentence. Chrome in the
    page's foot only: in the head the same shape is a byline (`Ann Lee · 3 May · 4 min`)."""
    pieces = [piece.strip() for piece in PIECES.split(unemphasised(line))]
    return len(pieces) >= LINK_ROW_PIECES and all(
        is_lone_short(piece) and (piece[:1].isupper() or piece[:1].isdigit())
        for piece in pieces)


def is_image_alt(line: str) -> bool:
    """A lone line describing a picture (an image's alt text copied with the page)."""
    text = unemphasised(line)
    return bool(text[:1].isupper() and len(text.split()) <= 20 and not SENTENCE_END.search(text)
                and ALT_TEXT.search(text))


def is_signup_box(lines: list[str]) -> bool:
    """A group of at most five lines ending in a sign-up button or e-mail field: a newsletter
    box (`Get our briefing` / `One email a month.` / `Enter your email` / `Subscribe`)."""
    return 0 < len(lines) <= 5 and bool(FORM_CONTROL.match(_bare(lines[-1])))


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
