"""SQLite FTS5 search with Polish morphology done in Python (embedded default).

SQLite has no Polish stemmer, so words are normalised before they reach FTS5:
each word becomes its Morfeusz lemma with diacritics stripped ("uchwałę" ->
"uchwala") in the `title`/`body` columns, and its folded surface form
("uchwale") in `title_s`/`body_s`; stop words are dropped. Queries are
normalised the same way and written as FTS5 syntax by us — every token is
quoted, so nothing a resident types is interpreted by MATCH. Ranking by bm25
(title weighted 10:1), snippets by the Python highlighter on the original text.
"""

# SQL here is assembled from constants and placeholders; user text only travels as parameters.
# ruff: noqa: S608

from search import polish

from .database import ENTRY_TABLE, MATCH_COLUMNS, DatabaseSearchBackend

FTS_TABLE = "portal_search_fts"
LEMMA_COLUMNS = "{title body}"
SURFACE_COLUMNS = "{title_s body_s}"


def _quote(token: str) -> str:
    return '"' + token.replace('"', "") + '"'


def fts_query(parsed, expansions) -> str:
    """The FTS5 MATCH expression for a ParsedQuery."""

    def clause_fts(clause) -> str:
        words = [w for w in clause.words if not polish.is_stop_word(w)] or list(clause.words)
        if len(words) > 1:
            lemmas = " ".join(polish.index_terms(w)[0] for w in words)
            surfaces = " ".join(polish.index_terms(w)[1] for w in words)
            return f"({LEMMA_COLUMNS} : {_quote(lemmas)} OR {SURFACE_COLUMNS} : {_quote(surfaces)})"
        word = words[0]
        lemmas, surfaces = set(), set()
        for form in expansions.get(word, [word.lower()]):
            lemma, surface = polish.index_terms(form)
            lemmas.add(lemma)
            surfaces.add(surface)
        return (
            f"({LEMMA_COLUMNS} : ({' OR '.join(_quote(t) for t in sorted(lemmas))}) OR "
            f"{SURFACE_COLUMNS} : ({' OR '.join(_quote(t) for t in sorted(surfaces))}))"
        )

    required = " AND ".join(
        "(" + " OR ".join(clause_fts(c) for c in group) + ")" for group in parsed.required
    )
    if parsed.excluded:
        excluded = " OR ".join(clause_fts(c) for c in parsed.excluded)
        return f"({required}) NOT ({excluded})"
    return required


class SQLiteSearchBackend(DatabaseSearchBackend):
    name = "sqlite"
    vendor = "sqlite"

    def _index_words(self, documents_by_id) -> None:
        rows = [
            (
                entry_id,
                polish.lemma_stream(d.title),
                polish.lemma_stream(d.text),
                polish.surface_stream(d.title),
                polish.surface_stream(d.text),
            )
            for entry_id, d in documents_by_id.items()
        ]
        self._delete_words(list(documents_by_id))
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title, body, title_s, body_s) "
                "VALUES (%s, %s, %s, %s, %s)",
                rows,
            )

    def _delete_words(self, ids) -> None:
        with self.connection.cursor() as cursor:
            if ids is None:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")
                return
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(
                    f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                    chunk,
                )

    def _match(self, parsed, expansions):
        sql = (
            f"SELECT {MATCH_COLUMNS}, CAST(m.score AS FLOAT) AS score FROM ("
            f"SELECT rowid AS id, -bm25({FTS_TABLE}, 10.0, 1.0, 4.0, 0.4) AS score "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) m JOIN {ENTRY_TABLE} e ON e.id = m.id"
        )
        return sql, [fts_query(parsed, expansions)]

    def _suggest(self, prefix: str, limit: int = 8) -> list[str]:
        found = [w for w in polish.words(prefix or "") if not polish.is_stop_word(w)]
        if not found or len(found[-1]) < 2:
            return []
        *earlier, last = found[-3:]
        parts = [f"{{title_s}} : {_quote(polish.fold(w))}" for w in earlier]
        parts.append(f"{{title_s}} : {_quote(polish.fold(last)[:30])} *")
        from search.models import SearchEntry

        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT %s",
                [" AND ".join(parts), limit * 5],
            )
            ids = [row[0] for row in cursor.fetchall()]
        titles = (
            SearchEntry.objects.using(self.using)
            .filter(id__in=ids)
            .order_by("-date", "title")
            .values_list("title", flat=True)
        )
        return list(dict.fromkeys(titles))[:limit]


SearchBackend = SQLiteSearchBackend
