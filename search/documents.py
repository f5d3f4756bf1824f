"""What every search backend indexes: a flat, backend-neutral `SearchDocument`.

Adapters (see `search.registry`) turn model instances into these; backends
store them and return `SearchHit`s built from what they stored, so the results
page never touches the original models.
"""

import datetime
import re
from dataclasses import dataclass, field

# The facet dimensions the results page offers, in display order.
FACETS = ("type", "year", "status", "area", "gmina")

# Very long texts (a 300-page PDF) are cut: the first 200,000 characters are
# more than enough to be found, and PostgreSQL's tsvector is limited to 1 MB.
MAX_TEXT_LENGTH = 200_000

# Control characters (NUL breaks PostgreSQL; \x02/\x03 are highlight markers).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(text: str, limit: int = MAX_TEXT_LENGTH) -> str:
    return _CONTROL_RE.sub(" ", (text or "")[:limit])


@dataclass
class SearchDocument:
    """One searchable thing: a page, a clause, a comment, a report, a document.

    key         unique and stable, "<prefix>:<pk>", e.g. "page:12", "clause:5"
    type        a slug for the type facet ("news", "clause", "document")
    type_label  what residents read for that type ("Clause", "Document")
    title       shown as the hit's link text, weighted above the body
    url         where the hit links to (with an #anchor for clauses)
    text        the body text, plain (no HTML)
    date        what "sort by date" and the year facet use
    status      facet, e.g. "open"/"closed" for consultations and calls
    status_label
    area        facet: subject area slug, e.g. "transport"
    area_label
    place       the exact place, e.g. consultation title; shown under the title
    citation    e.g. "§ 3 ust. 2" for a clause
    municipality  facet "gmina": the slug of the municipality whose window holds it
                  (empty for what belongs to the whole portal)
    municipality_label  its name, shown on the hit
    snippet_source  text to cut the snippet from when it differs from `text`
    """

    key: str
    type: str
    type_label: str
    title: str
    url: str
    text: str = ""
    date: datetime.date | None = None
    status: str = ""
    status_label: str = ""
    area: str = ""
    area_label: str = ""
    place: str = ""
    citation: str = ""
    snippet_source: str = ""
    municipality: str = ""
    municipality_label: str = ""

    def __post_init__(self):
        if isinstance(self.date, datetime.datetime):
            self.date = self.date.date()
        self.title = plain(self.title, 500).strip()
        self.text = plain(self.text)
        self.snippet_source = plain(self.snippet_source)
        # Lazy translation strings are frozen at index time.
        self.type_label = str(self.type_label or self.type)
        self.status_label = str(self.status_label or self.status)
        self.area_label = str(self.area_label or self.area)
        self.municipality_label = str(self.municipality_label or self.municipality)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def body(self) -> str:
        return self.snippet_source or self.text


@dataclass
class SearchHit:
    key: str
    title: str
    url: str
    type: str
    type_label: str
    date: datetime.date | None
    snippet_html: str  # escaped text with <mark> only (already bleach-clean)
    place: str = ""
    citation: str = ""
    status: str = ""
    status_label: str = ""
    area: str = ""
    area_label: str = ""
    score: float = 0.0
    municipality: str = ""
    municipality_label: str = ""


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    total: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    page: int = 1
    per_page: int = 10

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))
