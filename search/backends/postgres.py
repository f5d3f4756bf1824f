"""PostgreSQL full-text search with Polish morphology (production default).

Each SearchEntry gets a weighted tsvector (title A, body B) built from two
configurations created by migration 0002: `polish` (hunspell-pl: "uchwale" ->
"uchwała") and `polish_unaccent` (unaccented surface forms, for queries typed
without Polish letters). A query is built clause by clause from the parsed
websearch syntax, each word as `plainto_tsquery('polish', w) ||
plainto_tsquery('polish_unaccent', w)` (plus the indexed forms a diacritic-less
word may stand for, and its Morfeusz lemma: words hunspell does not know are
indexed with that lemma beside their surface form), combined with && / || / !!;
ranking by ts_rank, snippets by ts_headline. User text only ever travels as query parameters.
"""

# SQL here is assembled from constants and placeholders; user text only travels as parameters.
# ruff: noqa: S608

from django.db import transaction
from django.db.models import Q

from search import polish
from search.documents import SearchDocument
from search.highlight import START, STOP, markers_to_html
from search.models import SearchVocabulary

from .database import ENTRY_TABLE, MATCH_COLUMNS, DatabaseSearchBackend

VOCABULARY_TABLE = SearchVocabulary._meta.db_table
UPSERT_COLUMNS = [
    ("key", "text"),
    ("type", "text"),
    ("type_label", "text"),
    ("title", "text"),
    ("url", "text"),
    ("text", "text"),
    ("date", "date"),
    ("year", "int"),
    ("status", "text"),
    ("status_label", "text"),
    ("area", "text"),
    ("area_label", "text"),
    ("municipality", "text"),
    ("municipality_label", "text"),
    ("place", "text"),
    ("citation", "text"),
    ("search_vector", "tsvector"),
]
_UPDATED = [name for name, _type in UPSERT_COLUMNS if name != "key"] + ["indexed_at"]
UPSERT_SQL = (
    f"INSERT INTO {ENTRY_TABLE} ({', '.join(n for n, _t in UPSERT_COLUMNS)}, indexed_at) "
    f"SELECT *, now() FROM unnest({', '.join(f'%s::{t}[]' for _n, t in UPSERT_COLUMNS)}) "
    f"ON CONFLICT (key) DO UPDATE SET {', '.join(f'{n} = EXCLUDED.{n}' for n in _UPDATED)}"
)

HEADLINE_OPTIONS = (
    f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_headline parses the whole text; past this many characters we fall back
# to the Python highlighter rather than slow the page down.
HEADLINE_MAX_CHARS = 60_000

VECTOR_SQL = (
    "setweight(to_tsvector('polish', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('polish_unaccent', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('polish', coalesce(text, '')), 'B') || "
    "setweight(to_tsvector('polish_unaccent', coalesce(text, '')), 'B')"
)


_LEXEME_CACHE: dict[str, tuple[tuple[str, ...], str]] = {}
LEXEME_CACHE_SIZE = 300_000
MAX_POSITION = 16383  # tsvector's limit
MAX_POSITIONS_PER_LEXEME = 256
MAX_WORD_LENGTH = 200
# How a match is scored (title weight A above body B, normalised by document length).
RANK_SQL = "CAST(ts_rank(e.search_vector, q.query, 1) AS FLOAT)"
# Ranking bounds (see PostgresSearchBackend._statement); options RANK_ALL, RANK_CANDIDATES.
RANK_ALL = 1000
RANK_CANDIDATES = 1000


def tokens(text: str) -> list[str]:
    """Lower-case words in order, as PostgreSQL's parser would hand them to the dictionaries."""
    return [w.lower() for w in polish.words(text) if len(w) <= MAX_WORD_LENGTH]


def _escape(lexeme: str) -> str:
    return lexeme.replace("\\", "\\\\").replace("'", "''")


def vector_literal(title: list[str], body: list[str], lexemes) -> str:
    """A tsvector literal equal to polish(title)A || polish_unaccent(title)A ||
    polish(body)B || polish_unaccent(body)B (positions offset per segment, as `||` does).

    `lexemes[word]` is (escaped hunspell lexemes, escaped unaccented form). Hot
    path of indexing: one pass per segment, both configurations at once.
    """
    positions: dict[str, list[str]] = {}
    offset = 0
    for words, weight in ((title, "A"), (body, "B")):
        count = len(words)
        for i, word in enumerate(words, start=offset + 1):
            stemmed, folded = lexemes[word]
            mark = f"{i if i < MAX_POSITION else MAX_POSITION}{weight}"
            for lexeme in stemmed:
                slots = positions.get(lexeme)
                if slots is None:
                    positions[lexeme] = [mark]
                else:
                    slots.append(mark)
            j = i + count
            mark = f"{j if j < MAX_POSITION else MAX_POSITION}{weight}"
            slots = positions.get(folded)
            if slots is None:
                positions[folded] = [mark]
            else:
                slots.append(mark)
        offset += 2 * count
    return " ".join(
        f"'{lexeme}':{','.join(sorted_positions(slots))}" for lexeme, slots in positions.items()
    )


def sorted_positions(slots: list[str]) -> list[str]:
    """At most MAX_POSITIONS_PER_LEXEME positions, the first ones (PostgreSQL sorts the rest)."""
    if len(slots) > MAX_POSITIONS_PER_LEXEME:
        slots.sort(key=lambda mark: int(mark[:-1]))
        return slots[:MAX_POSITIONS_PER_LEXEME]
    return slots


def unknown_word_lemma(word: str) -> str:
    """The lemma indexed beside a word hunspell-pl does not know (see _lexemes)."""
    if any(ch.isdigit() for ch in word):
        return word
    return polish.lemma(word)


def tsquery_sql(parsed, expansions) -> tuple[str, list]:
    """The tsquery expression for a ParsedQuery, as SQL with parameters."""
    params: list = []

    def clause_sql(clause) -> str:
        if clause.is_phrase:
            params.extend([clause.text, clause.text])
            return "(phraseto_tsquery('polish', %s) || phraseto_tsquery('polish_unaccent', %s))"
        word = clause.words[0]
        pieces = []
        for form in expansions.get(word, [word.lower()]):
            pieces.append("plainto_tsquery('polish', %s) || plainto_tsquery('polish_unaccent', %s)")
            params.extend([form, form])
        return "(" + " || ".join(pieces) + ")"

    groups = ["(" + " || ".join(clause_sql(c) for c in group) + ")" for group in parsed.required]
    sql = " && ".join(groups)
    for clause in parsed.excluded:
        sql += f" && !!{clause_sql(clause)}"
    return sql, params


class PostgresSearchBackend(DatabaseSearchBackend):
    name = "postgres"
    vendor = "postgresql"

    def _index_batch(self, documents: list[SearchDocument]) -> int:
        """One upsert per batch, vector included: each row is written once (no second
        UPDATE for the vector, which doubled the writes and the GIN maintenance), and the
        columns travel as arrays (no 8,000-placeholder statement to build and parse)."""
        if self.params.get("VECTORS", "python") == "sql":
            return super()._index_batch(documents)
        by_key = {d.key: d for d in documents}  # last one wins
        tokenised = [(tokens(d.title), tokens(d.text)) for d in by_key.values()]
        lexemes = self._lexemes({t for title, body in tokenised for t in (*title, *body)})
        columns: dict[str, list] = {name: [] for name, _type in UPSERT_COLUMNS}
        for d, words in zip(by_key.values(), tokenised, strict=True):
            for name, value in (
                ("key", d.key),
                ("type", d.type[:50]),
                ("type_label", d.type_label[:100]),
                ("title", d.title),
                ("url", d.url[:500]),
                ("text", d.body),
                ("date", d.date),
                ("year", d.year),
                ("status", d.status[:50]),
                ("status_label", d.status_label[:100]),
                ("area", d.area[:50]),
                ("area_label", d.area_label[:100]),
                ("municipality", d.municipality[:80]),
                ("municipality_label", d.municipality_label[:150]),
                ("place", d.place[:500]),
                ("citation", d.citation[:200]),
                ("search_vector", vector_literal(*words, lexemes)),
            ):
                columns[name].append(value)
        with transaction.atomic(using=self.using), self.connection.cursor() as cursor:
            cursor.execute(UPSERT_SQL, [columns[name] for name, _type in UPSERT_COLUMNS])
            self._remember_forms(by_key.values())
        return len(by_key)

    def _index_words(self, documents_by_id) -> None:
        """Vectors computed by PostgreSQL itself (option VECTORS="sql"; slower, the reference)."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ENTRY_TABLE} SET search_vector = {VECTOR_SQL} WHERE id = ANY(%s)",
                [list(documents_by_id)],
            )

    def _store_forms(self, pairs: list[tuple[str, str]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {VOCABULARY_TABLE} (folded, form) "
                "SELECT * FROM unnest(%s::text[], %s::text[]) ON CONFLICT DO NOTHING",
                [[folded for folded, _form in pairs], [form for _folded, form in pairs]],
            )

    def _lexemes(self, words: set[str]) -> dict[str, tuple[tuple[str, ...], str]]:
        """(hunspell lexemes, unaccented form) per lower-case word, escaped for a tsvector
        literal, memoised per process.

        Equivalent to what to_tsvector('polish' / 'polish_unaccent') does per token
        (hunspell, else simple), but each distinct word asks the dictionary once:
        hunspell costs ~30 µs a word, and texts repeat their words.
        """
        missing = [w for w in words if w not in _LEXEME_CACHE]
        if missing:
            if len(_LEXEME_CACHE) > LEXEME_CACHE_SIZE:
                _LEXEME_CACHE.clear()
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT w, CASE WHEN w ~ '[0-9]' THEN NULL "
                    "ELSE ts_lexize('polish_hunspell', w) END, lower(unaccent('unaccent', w)) "
                    "FROM unnest(%s::text[]) AS w",
                    [missing],
                )
                for word, stemmed, unaccented in cursor.fetchall():
                    if stemmed is None:
                        # hunspell does not know the word (a compound such as
                        # "mikrodotacji", a place name, a neologism): keep the
                        # surface form and add its Morfeusz lemma, so that other
                        # inflected forms of the same word still meet in the index.
                        forms = tuple(dict.fromkeys((word, unknown_word_lemma(word))))
                    else:
                        forms = tuple(dict.fromkeys(stemmed))
                    _LEXEME_CACHE[word] = (
                        tuple(_escape(f) for f in forms),
                        _escape(unaccented or word),
                    )
        return {w: _LEXEME_CACHE[w] for w in words}

    def expansions(self, words):
        """As the database backend's, plus each word's Morfeusz lemma: a word that
        hunspell does not know is indexed with that lemma too (see _lexemes), so
        "mikrodotacja" finds "mikrodotacji". For a word hunspell knows, its lemma
        stems to the same lexemes and adds nothing."""
        expanded = super().expansions(words)
        for word, forms in expanded.items():
            lemma = unknown_word_lemma(word.lower())
            if lemma not in forms:
                forms.append(lemma)
        return expanded

    def _match(self, parsed, expansions):
        tsq, params = tsquery_sql(parsed, expansions)
        sql = (
            f"SELECT {MATCH_COLUMNS}, {RANK_SQL} AS score "
            f"FROM {ENTRY_TABLE} e, (SELECT {tsq} AS query) q "
            f"WHERE e.search_vector @@ q.query"
        )
        return sql, params

    def _statement(self, parsed, expansions, filters, sort, offset, limit):
        """Find every match through the GIN index (ids and facet columns only: the total
        and the facets are exact), but rank a bounded set.

        Ranking costs ~10-30 µs a match on this hardware (it reads the vector and walks
        the positions of every query lexeme), so ranking 5,000 matches alone took 150 ms
        with ts_rank_cd. ts_rank (term frequency with weights, normalised by length) is
        used: a third cheaper than ts_rank_cd (cover density) and it passes the same
        relevance set. By relevance: up to
        RANK_ALL matches are all ranked (as before); above that, the RANK_CANDIDATES
        newest matches are ranked and listed first, then the rest newest first. By date:
        only the matches that share a date with the requested page are ranked (the score
        only orders hits of the same day). Option RANK_ALL=None ranks every match.
        """
        rank_all = self.params.get("RANK_ALL", RANK_ALL)
        if rank_all is None:
            return super()._statement(parsed, expansions, filters, sort, offset, limit)
        candidates_limit = self.params.get("RANK_CANDIDATES", RANK_CANDIDATES)
        tsq, params = tsquery_sql(parsed, expansions)
        where, where_params = self._filters_sql(filters)
        params += where_params
        if sort == "relevance":
            candidates = (
                "SELECT id FROM f WHERE (SELECT total FROM t) <= %s UNION ALL "
                "SELECT id FROM (SELECT id FROM f ORDER BY date DESC NULLS LAST, id LIMIT %s) n "
                "WHERE (SELECT total FROM t) > %s"
            )
            params += [rank_all, candidates_limit, rank_all]
            order = "s.score DESC NULLS LAST, f.date DESC NULLS LAST, f.id"
        else:
            # The date of the page's last hit; none past the end. Undated hits on the
            # page (NULL boundary) make every match ranked: rare, dated content is the norm.
            candidates = (
                "SELECT f.id FROM f, (SELECT date AS boundary FROM f "
                "ORDER BY date DESC NULLS LAST, id LIMIT 1 OFFSET %s) b "
                "WHERE b.boundary IS NULL OR f.date >= b.boundary"
            )
            params.append(offset + limit - 1)
            order = "f.date DESC NULLS LAST, s.score DESC NULLS LAST, f.id"
        sql = (
            f"WITH q AS MATERIALIZED (SELECT {tsq} AS query), "
            f"j AS MATERIALIZED (SELECT {MATCH_COLUMNS} FROM {ENTRY_TABLE} e, q "
            "WHERE e.search_vector @@ q.query), "
            f"f AS MATERIALIZED (SELECT * FROM j WHERE {where}), "
            "t AS MATERIALIZED (SELECT COUNT(*) AS total FROM f), "
            f"c AS MATERIALIZED ({candidates}), "
            f"s AS MATERIALIZED (SELECT c.id, {RANK_SQL} AS score "
            f"FROM c JOIN {ENTRY_TABLE} e ON e.id = c.id, q) "
        )
        parts = [
            "SELECT * FROM (SELECT 'hit' AS dim, CAST(f.id AS TEXT) AS value, '' AS label, "
            f"ROW_NUMBER() OVER (ORDER BY {order}) AS n, s.score FROM f "
            f"LEFT JOIN s ON s.id = f.id ORDER BY {order} LIMIT %s OFFSET %s) h",
            "SELECT '', '', '', total, CAST(0 AS FLOAT) FROM t",
        ]
        params += [limit, offset]
        facet_parts, facet_params = self._facet_parts(filters)
        return sql + " UNION ALL ".join(parts + facet_parts), params + facet_params

    def _snippets(self, entries, parsed, expansions):
        """ts_headline with the unaccented configuration (hunspell re-parsing every
        hit's text costs ~2 ms per 60 words); where it marks nothing — the query
        used another inflected form — the Python highlighter, which knows Polish
        inflection, cuts the snippet instead."""
        if not entries:
            return {}
        tsq, params = tsquery_sql(parsed, expansions)
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, ts_headline('polish_unaccent', left(e.text, {HEADLINE_MAX_CHARS}), "
                f"q.query, %s) FROM {ENTRY_TABLE} e, (SELECT {tsq} AS query) q "
                f"WHERE e.id = ANY(%s)",
                [HEADLINE_OPTIONS, *params, [e.id for e in entries]],
            )
            rows = dict(cursor.fetchall())
        snippets = {}
        missing = []
        for entry in entries:
            headline = rows.get(entry.id) or ""
            if START in headline:
                snippets[entry.id] = markers_to_html(headline)
            else:
                missing.append(entry)
        snippets.update(super()._snippets(missing, parsed, expansions))
        return snippets

    def _suggest(self, prefix: str, limit: int = 8) -> list[str]:
        found = polish.words(prefix or "")
        if not found or len(found[-1]) < 2:
            return []
        terms = [polish.fold(w)[:30] for w in found[-3:] if not polish.is_stop_word(w)]
        if not terms:
            return []
        # Prefix match on the unaccented title lexemes (weight A), via the GIN index.
        tsquery = " & ".join(f"{t}:*A" for t in terms if t.isalnum())
        if not tsquery:
            return []
        from search.models import SearchEntry

        titles = (
            SearchEntry.objects.using(self.using)
            .extra(where=["search_vector @@ to_tsquery('simple', %s)"], params=[tsquery])  # noqa: S610
            .filter(~Q(title=""))
            .order_by("-date", "title")
            .values_list("title", flat=True)[: limit * 3]
        )
        return list(dict.fromkeys(titles))[:limit]


SearchBackend = PostgresSearchBackend
