"""The body of a proposed news item or event: what a representative typed, as rich text
that Wagtail's editor and the page templates accept.

People type plain text (blank lines separate paragraphs, single line breaks are kept)
and may use a few HTML tags: <b>/<strong>, <i>/<em>, <ul>/<ol>/<li>, <h2>/<h3> and
<a href="…">. bleach keeps only those (links only to http, https and mailto
addresses, with no other attribute) and drops the rest of any markup, keeping its
text. The result uses only elements of cms_pages.blocks.RICH_TEXT_FEATURES, so an
editor sees it as ordinary formatted text in the admin.
"""

import re
from html import unescape

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "h2", "h3", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# Text that already starts a block of its own is not wrapped in a paragraph.
_BLOCK_START = re.compile(r"^<(p|ul|ol|h2|h3)[\s>]", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_TAG = re.compile(r"<[^>]*>")

_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def clean_rich_text(text: str) -> str:
    """Return safe rich-text HTML for what was typed ("" for empty input)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    blocks = []
    for chunk in (c.strip() for c in _PARAGRAPH_BREAK.split(text)):
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            blocks.append(chunk)
        else:
            blocks.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    html = _cleaner.clean("".join(blocks))
    # Markup that held nothing (e.g. only a stripped <script>) leaves empty paragraphs.
    return re.sub(r"<p>(\s|<br>)*</p>", "", html).strip()


def plain_length(html: str) -> int:
    """How many characters of text clean HTML (this module's output) shows."""
    return len(unescape(_TAG.sub("", html)))
