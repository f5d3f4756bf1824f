"""User text -> safe HTML, once, on write.

Users type plain text: blank lines separate paragraphs, single line breaks are kept,
URLs become links with rel="nofollow ugc noopener". Everything else is escaped; text
with links then passes bleach's allow-list (p, br, a[href, rel]) as a last line of
defence behind the linkifier. Text without anything to link is only escaped text in
<p> and <br>, which that allow-list returns unchanged, so it skips the second parse.
"""

import re

import bleach
from bleach.linkifier import Linker
from django.utils.html import escape

ALLOWED_TAGS = frozenset({"p", "br", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _set_rel(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.lower().startswith(("http://", "https://", "mailto:")):
        return None  # drop the link, keep the text
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


_linker = Linker(callbacks=[_set_rel], skip_tags={"pre", "code"}, parse_email=False)
_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True
)
# What the linkifier could turn into a link: a scheme ("https://") or a dotted name
# ("example.org", "www.gmina.pl"). Text without either has nothing to link, so the
# linkifier's HTML parse (most of this module's cost) is skipped for it.
_MAY_LINK = re.compile(r"://|\w\.[^\W\d_]{2,}")


# The only characters bleach changes in escaped text: C0 controls other than tab and
# line feed (checked over every code point). Text holding one takes the full clean.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")


def render_user_text(text: str) -> str:
    """Return safe HTML for a user's plain text (empty string for empty input)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    html = "".join("<p>" + escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
    if not _MAY_LINK.search(text) and not _CONTROL.search(text):
        # Nothing but escaped text in <p> and <br>: already what the allow-list lets
        # through (tests/consultations/test_bleaching.py checks it against bleach).
        return html
    return _cleaner.clean(_linker.linkify(html))
