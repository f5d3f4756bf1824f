"""What the PostgreSQL and SQLite backends share: the SearchEntry table,
filters, facets, sorting and paging in SQL. A subclass supplies the matching
subquery (entry id + score) for a parsed query and writes its own word index.
"""

# SQL here is assembled from constants and placeholders; user text only travels as parameters.
# ruff: noqa: S608

from collections import defaultdict
from collections.abc import Iterable

from django.db import connections, transaction
from django.db.models import Q

from search import polish
from search.deadline import search_deadline
from search.documents import FACETS, FacetValue, SearchDocument, SearchHit, SearchResults
from search.models import SearchEntry, SearchVocabulary

from .base import BaseSearchBackend

ENTRY_TABLE = SearchEntry._meta.db_table
FACET_COLUMNS = {
    "type": ("type", "type_label"),
    "year": ("year", "year"),
    "status": ("status", "status_label"),
    "area": ("area", "area_label"),
    "gmina": ("municipality", "municipality_label"),
}
# What _match selects for each matching entry: facets and sorting need nothing else.
MATCH_COLUMNS = (
    "e.id, e.type, e.type_label, e.year, e.status, e.status_label, e.area, e.area_label, e.date, "
    "e.municipality, e.municipality_label"
)
BATCH_SIZE = 500
MAX_EXPANSIONS = 4
# Per database alias: vocabulary pairs this process knows to be committed.
_STORED_FORMS: dict[str, set[tuple[str, str]]] = {}
STORED_FORMS_CACHE_SIZE = 500_000


class DatabaseSearchBackend(BaseSearchBackend):
    vendor = ""

    def __init__(self, params=None):
        super().__init__(params)
        self.using = self.params.get("DATABASE", "default")

    @property
    def connection(self):
        return connections[self.using]

    def check_vendor(self):
        if self.connection.vendor != self.vendor:
            raise RuntimeError(
                f"{type(self).__module__} needs a {self.vendor} database, "
                f"not {self.connection.vendor}"
            )

    # --- writing --------------------------------------------------------------
    def index(self, documents: Iterable[SearchDocument]) -> int:
        self.check_vendor()
        total = 0
        batch: list[SearchDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH_SIZE:
                total += self._index_batch(batch)
                batch = []
        if batch:
            total += self._index_batch(batch)
        return total

    def _index_batch(self, documents: list[SearchDocument]) -> int:
        by_key = {d.key: d for d in documents}  # last one wins
        entries = [
            SearchEntry(
                key=d.key,
                type=d.type[:50],
                type_label=d.type_label[:100],
                title=d.title,
                url=d.url[:500],
                text=d.body,
                date=d.date,
                year=d.year,
                status=d.status[:50],
                status_label=d.status_label[:100],
                area=d.area[:50],
                area_label=d.area_label[:100],
                municipality=d.municipality[:80],
                municipality_label=d.municipality_label[:150],
                place=d.place[:500],
                citation=d.citation[:200],
            )
            for d in by_key.values()
        ]
        fields = [f.name for f in SearchEntry._meta.concrete_fields if f.name not in ("id", "key")]
        fields.remove("search_vector")
        with transaction.atomic(using=self.using):
            SearchEntry.objects.using(self.using).bulk_create(
                entries, update_conflicts=True, unique_fields=["key"], update_fields=fields
            )
            ids = dict(
                SearchEntry.objects.using(self.using)
                .filter(key__in=by_key)
                .values_list("key", "id")
            )
            self._index_words({ids[k]: d for k, d in by_key.items()})
            self._remember_forms(by_key.values())
        return len(by_key)

    def _index_words(self, documents_by_id: dict[int, SearchDocument]) -> None:
        raise NotImplementedError

    def _delete_words(self, ids: list[int]) -> None:
        """Remove word-index rows kept outside SearchEntry (nothing by default)."""

    def _remember_forms(self, documents: Iterable[SearchDocument]) -> None:
        """Store the (folded, form) pairs of words with Polish letters not stored yet.

        Pairs this process has already stored are not sent again: after the first
        few thousand documents almost every pair is known.
        """
        pairs = set()
        for d in documents:
            pairs |= polish.diacritic_forms(d.title)
            pairs |= polish.diacritic_forms(d.text)
        known = _STORED_FORMS.setdefault(self.using, set())
        new = [(folded[:100], form) for folded, form in pairs - known if len(form) <= 100]
        if new:
            self._store_forms(new)
            if len(known) > STORED_FORMS_CACHE_SIZE:
                known.clear()
            # Only once they are committed: a rolled-back batch must send them again.
            transaction.on_commit(lambda: known.update(new), using=self.using)

    def _store_forms(self, pairs: list[tuple[str, str]]) -> None:
        rows = [SearchVocabulary(folded=folded, form=form) for folded, form in pairs]
        SearchVocabulary.objects.using(self.using).bulk_create(
            rows, ignore_conflicts=True, batch_size=2000
        )

    def delete(self, keys: Iterable[str]) -> int:
        self.check_vendor()
        keys = list(keys)
        removed = 0
        for start in range(0, len(keys), BATCH_SIZE):
            chunk = keys[start : start + BATCH_SIZE]
            with transaction.atomic(using=self.using):
                ids = list(
                    SearchEntry.objects.using(self.using)
                    .filter(key__in=chunk)
                    .values_list("id", flat=True)
                )
                self._delete_words(ids)
                removed += SearchEntry.objects.using(self.using).filter(id__in=ids).delete()[0]
        return removed

    def clear(self) -> None:
        self.check_vendor()
        with transaction.atomic(using=self.using):
            self._delete_words(None)
            SearchEntry.objects.using(self.using).all().delete()
            SearchVocabulary.objects.using(self.using).all().delete()
        _STORED_FORMS.pop(self.using, None)

    def count(self) -> int:
        return SearchEntry.objects.using(self.using).count()

    # --- reading --------------------------------------------------------------
    def search(self, *args, **kwargs) -> SearchResults:
        """As BaseSearchBackend.search, within SEARCH_TIME_LIMIT (search.deadline):
        raises SearchTooSlow instead of holding the web worker."""
        with search_deadline(self.connection):
            return super().search(*args, **kwargs)

    def expansions(self, words: Iterable[str]) -> dict[str, list[str]]:
        """Each query word with the indexed forms it may stand for without diacritics."""
        words = list(dict.fromkeys(words))
        bare = {polish.fold(w): w for w in words if not polish.has_diacritics(w)}
        found = defaultdict(list)
        if bare:
            rows = (
                SearchVocabulary.objects.using(self.using)
                .filter(folded__in=list(bare))
                .order_by("folded", "form")
                .values_list("folded", "form")
            )
            for folded, form in rows:
                if len(found[folded]) < MAX_EXPANSIONS:
                    found[folded].append(form)
        expanded = {}
        for w in words:
            forms = [w.lower(), *found.get(polish.fold(w), []), *polish.restorations(w)]
            expanded[w] = list(dict.fromkeys(forms))[: MAX_EXPANSIONS + 2]
        return expanded

    def _match(self, parsed, expansions) -> tuple[str, list]:
        """SQL selecting the matching entries with MATCH_COLUMNS (score last), and its
        parameters. Facets, the total and the page of hits are all read from it."""
        raise NotImplementedError

    def _filters_sql(self, filters: dict, skip: str | None = None) -> tuple[str, list]:
        clauses, params = [], []
        for name, values in filters.items():
            if name == skip:
                continue
            column = FACET_COLUMNS[name][0]
            clauses.append(f"{column} IN ({', '.join(['%s'] * len(values))})")
            params.extend(values)
        return (" AND ".join(clauses) or "1=1"), params

    def _search(self, parsed, filters, sort, offset, limit) -> SearchResults:
        self.check_vendor()
        expansions = self.expansions(parsed.positive_words)
        sql, params = self._statement(parsed, expansions, filters, sort, offset, limit)
        facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        total = 0
        ranked = []
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            for dim, value, label, count, score in cursor.fetchall():
                if dim == "hit":
                    ranked.append((count, int(value), score))
                elif dim == "":
                    total = count
                else:
                    facets[dim].append(FacetValue(value=value, label=label or value, count=count))
        for name, values in facets.items():
            if name == "year":
                values.sort(key=lambda v: v.value, reverse=True)
            else:
                values.sort(key=lambda v: (-v.count, v.label))

        hits: list[SearchHit] = []
        if ranked:
            ranked.sort()
            entries = (
                SearchEntry.objects.using(self.using)
                .defer("search_vector")
                .in_bulk([entry_id for _n, entry_id, _score in ranked])
            )
            snippets = self._snippets(list(entries.values()), parsed, expansions)
            for _n, entry_id, score in ranked:
                entry = entries[entry_id]
                hits.append(self._hit(entry, snippets.get(entry_id, ""), score))
        return SearchResults(total=total, hits=hits, facets=facets)

    def _statement(self, parsed, expansions, filters, sort, offset, limit) -> tuple[str, list]:
        """One statement whose rows are the page of hits ("hit", id, "", position, score),
        the total ("", "", "", total, 0) and the facet counts (facet, value, label, count, 0)."""
        match_sql, match_params = self._match(parsed, expansions)
        # One statement: the match runs once; the page of hits, the total and
        # the facet counts are read from it.
        sql = f"WITH j AS MATERIALIZED ({match_sql}) "
        params = list(match_params)
        order = (
            "score DESC, date DESC NULLS LAST, id"
            if sort == "relevance"
            else "date DESC NULLS LAST, score DESC, id"
        )
        where, where_params = self._filters_sql(filters)
        parts = [
            "SELECT * FROM (SELECT 'hit' AS dim, CAST(id AS TEXT) AS value, '' AS label, "
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS n, score FROM j WHERE {where} "
            f"ORDER BY {order} LIMIT %s OFFSET %s) h",
            f"SELECT '', '', '', COUNT(*), CAST(0 AS FLOAT) FROM j WHERE {where}",
        ]
        params += [*where_params, limit, offset, *where_params]
        facet_parts, facet_params = self._facet_parts(filters)
        return sql + " UNION ALL ".join(parts + facet_parts), params + facet_params

    def _facet_parts(self, filters) -> tuple[list[str], list]:
        """SELECTs counting each facet's values among the matches `j` (rows shaped as in
        _statement). A facet's counts ignore its own filter, so ticking "news" still shows
        how many clauses there are."""
        parts, params = [], []
        for name in FACETS:
            column, label = FACET_COLUMNS[name]
            where, where_params = self._filters_sql(filters, skip=name)
            parts.append(
                f"SELECT '{name}', CAST({column} AS TEXT), CAST(MAX({label}) AS TEXT), COUNT(*), "
                f"CAST(0 AS FLOAT) FROM j WHERE {where} AND {column} IS NOT NULL "
                f"AND CAST({column} AS TEXT) <> '' GROUP BY {column}"
            )
            params += where_params
        return parts, params

    def _snippets(self, entries, parsed, expansions) -> dict[int, str]:
        from search.highlight import highlight

        words = [form for w in parsed.positive_words for form in expansions.get(w, [w])]
        return {e.id: highlight(e.text or e.title, words) for e in entries}

    @staticmethod
    def _hit(entry: SearchEntry, snippet_html: str, score) -> SearchHit:
        return SearchHit(
            key=entry.key,
            title=entry.title,
            url=entry.url,
            type=entry.type,
            type_label=entry.type_label,
            date=entry.date,
            snippet_html=snippet_html,
            place=entry.place,
            citation=entry.citation,
            status=entry.status,
            status_label=entry.status_label,
            area=entry.area,
            area_label=entry.area_label,
            municipality=entry.municipality,
            municipality_label=entry.municipality_label,
            score=float(score or 0),
        )

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        """Titles containing a word that starts like the last word typed."""
        with search_deadline(self.connection):
            return self._suggest(prefix, limit)

    def _suggest(self, prefix: str, limit: int) -> list[str]:
        found = polish.words(prefix or "")
        if not found or len(found[-1]) < 2:
            return []
        stem = polish.fold(found[-1])[:30]
        earlier = [polish.fold(w) for w in found[:-1]][-3:]
        query = Q()
        for word in earlier:
            query &= Q(title__icontains=word)
        titles = (
            SearchEntry.objects.using(self.using)
            .filter(query)
            .filter(self._prefix_q(stem))
            .order_by("-date", "title")
            .values_list("title", flat=True)[: limit * 3]
        )
        return list(dict.fromkeys(titles))[:limit]

    def _prefix_q(self, stem: str) -> Q:
        return Q(title__istartswith=stem) | Q(title__icontains=" " + stem)
