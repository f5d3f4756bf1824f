"""The contract every search backend keeps.

A backend module exposes `SearchBackend = <class>`; the class is built with the
options of its alias in `settings.PORTAL_SEARCH_BACKENDS` and implements:

- `index(documents)`: add or replace SearchDocuments (by key); returns how many.
- `delete(keys)`: remove entries by key; unknown keys are ignored.
- `search(query, filters=None, sort="relevance", page=1, per_page=10)`:
  a `SearchResults` (total, hits, facets). `query` is the raw websearch string
  typed by a resident; it is parsed by `search.query.parse` (raises `QueryError`
  with a message for residents) and never reaches the engine as-is.
  `filters` maps facet names ("type", "year", "status", "area") to lists of
  values; `sort` is "relevance" or "date"; a page past the end gives no hits and
  the real total so callers can say so.
- `suggest(prefix, limit=8)`: titles that a search-as-you-type box can offer.
- `clear()`, `count()`.
"""

from collections.abc import Iterable

from search.documents import FACETS, SearchDocument, SearchResults
from search.query import ParsedQuery, QueryError, parse

SORTS = ("relevance", "date")
MAX_PER_PAGE = 50


class BaseSearchBackend:
    name = "base"

    def __init__(self, params: dict | None = None):
        self.params = dict(params or {})

    # --- writing --------------------------------------------------------------
    def index(self, documents: Iterable[SearchDocument]) -> int:
        raise NotImplementedError

    def delete(self, keys: Iterable[str]) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    # --- reading --------------------------------------------------------------
    def search(
        self,
        query: str | ParsedQuery,
        filters: dict | None = None,
        sort: str = "relevance",
        page: int = 1,
        per_page: int = 10,
    ) -> SearchResults:
        parsed = query if isinstance(query, ParsedQuery) else parse(query)
        filters = self.clean_filters(filters)
        if sort not in SORTS:
            raise QueryError(f"Unknown sort {sort!r}")
        if not isinstance(page, int) or page < 1:
            raise QueryError("Page numbers start at 1")
        per_page = max(1, min(int(per_page), MAX_PER_PAGE))
        results = self._search(parsed, filters, sort, (page - 1) * per_page, per_page)
        results.page, results.per_page = page, per_page
        return results

    def _search(self, parsed, filters, sort, offset, limit) -> SearchResults:
        raise NotImplementedError

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        raise NotImplementedError

    # --- helpers ----------------------------------------------------------------
    @staticmethod
    def clean_filters(filters: dict | None) -> dict[str, list]:
        """Keep known facets with non-empty values; years become ints (bad ones dropped)."""
        cleaned = {}
        for name in FACETS:
            values = (filters or {}).get(name) or []
            if isinstance(values, str | int):
                values = [values]
            values = [str(v).strip()[:50] for v in values if str(v).strip()]
            if name == "year":
                values = [int(v) for v in values if v.isdigit() and len(v) == 4]
            if values:
                cleaned[name] = sorted(set(values))
        return cleaned
