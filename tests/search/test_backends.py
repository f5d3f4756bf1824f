"""Every backend passes the same contract (tests/search/contract.py)."""

import datetime
import importlib

import pytest
from django.db import connection

from search.backends import get_search_backend, load_backend

from .contract import BackendContract


class TestSQLiteBackend(BackendContract):
    @pytest.fixture
    def backend(self, db):
        if connection.vendor != "sqlite":
            pytest.skip("SQLite backend: the test database is not SQLite")
        return load_backend("search.backends.sqlite")


class TestPostgresBackend(BackendContract):
    @pytest.fixture
    def backend(self, db):
        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL: the test database is not PostgreSQL (set DATABASE_URL)")
        return load_backend("search.backends.postgres")


def test_default_backend_follows_the_database_vendor(db):
    backend = get_search_backend()
    assert backend.vendor == connection.vendor


def test_configured_backend_is_used(settings):
    settings.PORTAL_SEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": ["http://es:9200"]}
    }
    backend = get_search_backend()
    assert backend.name == "elasticsearch"
    assert backend.params["URLS"] == ["http://es:9200"]


def test_postgres_vectors_built_in_python_equal_to_tsvector(db):
    """The memoised lexeme path indexes what to_tsvector would, for ordinary words.

    (Deliberate difference: PostgreSQL's parser keeps "12/2026" or an e-mail as one
    token; we split them into words, as the query parser does, so that a resolution
    number typed in the search box matches: see the contract.)"""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the test database is not PostgreSQL")
    from search.backends.postgres import VECTOR_SQL, tokens, vector_literal
    from search.documents import SearchDocument

    backend = load_backend("search.backends.postgres")
    title = "Uchwała Rady Miasta Zielonogród nr 12 z 2026 r."
    body = "Zasady budżetu obywatelskiego; rada i radni — łączność, Łódź, A4, zadań publicznych."
    literal = vector_literal(
        tokens(title), tokens(body), backend._lexemes(set(tokens(title + " " + body)))
    )
    backend.index(
        [SearchDocument(key="x:1", type="x", type_label="x", title=title, url="/", text=body)]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT %s::tsvector = ({VECTOR_SQL}), %s::tsvector, ({VECTOR_SQL}) "  # noqa: S608 - constant SQL fragment
            "FROM portal_search_searchentry WHERE key = 'x:1'",
            [literal, literal],
        )
        same, ours, theirs = cursor.fetchone()
    assert same, f"{ours} != {theirs}"


def test_migration_fails_with_instructions_when_the_polish_dictionary_is_missing(db):
    """Without hunspell-pl the migration must stop, not create a non-Polish search."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the test database is not PostgreSQL")
    migration = importlib.import_module("search.migrations.0002_fulltext_engines")
    with pytest.raises(RuntimeError, match="apt-get install hunspell-pl") as error:
        migration.create_hunspell_dictionary(
            connection, name="okienko_missing_test", files="okienko_no_such_dictionary"
        )
    assert "okienko_no_such_dictionary" in str(error.value)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = 'okienko_missing_test'")
        assert cursor.fetchone() is None


def test_the_polish_dictionary_is_installed_and_stems(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the test database is not PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ts_lexize('polish_hunspell', 'uchwale'), "
            "to_tsvector('polish', 'projektów') @@ to_tsquery('polish', 'projekt')"
        )
        lexemes, matches = cursor.fetchone()
    assert "uchwała" in lexemes
    assert matches


def _park_documents():
    """Eight matches for "park": dates with ties, the oldest one about parks in its title."""
    from .contract import doc

    dates = [datetime.date(2025, 1, d) for d in (1, 3, 3, 5, 5, 5, 7, 9)]
    documents = [
        doc(f"park:{i}", f"Ogłoszenie nr {i}", f"Remont ławek w parku przy ulicy {i}.", date=d)
        for i, d in enumerate(dates)
    ]
    documents[0] = doc(
        "park:0", "Park Miejski i parki osiedlowe", "Parki, park, parku.", date=dates[0]
    )
    # Ties on a date are ordered by score: make one of them match more strongly.
    documents[4] = doc(
        "park:4", "Ogłoszenie nr 4", "Park, parku, parki przy szkole.", date=dates[4], area="sport"
    )
    return documents


def _all_pages(backend, sort, per_page=3):
    found, page = [], 1
    while True:
        results = backend.search("park", sort=sort, page=page, per_page=per_page)
        if not results.hits:
            return found, results
        found += [hit.key for hit in results.hits]
        page += 1


def test_postgres_bounded_ranking_counts_and_pages_every_match(db):
    """Above RANK_ALL matches only the RANK_CANDIDATES newest are ranked (listed first),
    the rest follow newest first; the total, the facets and the pages still cover every
    match, and the date order is the same as with every match ranked."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the test database is not PostgreSQL")
    exact = load_backend("search.backends.postgres", {"RANK_ALL": None})
    bounded = load_backend("search.backends.postgres", {"RANK_ALL": 4, "RANK_CANDIDATES": 2})
    exact.clear()
    exact.index(_park_documents())

    assert exact.search("park").hits[0].key == "park:0"  # the title match ranks first
    listed, results = _all_pages(bounded, "relevance")
    assert results.total == 8
    assert sorted(listed) == sorted(f"park:{i}" for i in range(8))
    # The two newest (9th and 7th of January) ranked, then the others newest first.
    assert set(listed[:2]) == {"park:7", "park:6"}
    assert listed[2:] == ["park:3", "park:4", "park:5", "park:1", "park:2", "park:0"]
    assert all(hit.score > 0 for hit in bounded.search("park", per_page=2).hits)
    assert listed[-1] == "park:0"
    assert bounded.search("park").facets == exact.search("park").facets

    for per_page in (1, 2, 3, 5):
        assert _all_pages(bounded, "date", per_page)[0] == _all_pages(exact, "date", per_page)[0]
    assert _all_pages(exact, "date", 8)[0][:5] == ["park:7", "park:6", "park:4", "park:3", "park:5"]

    # At or below RANK_ALL matches every match is ranked: the exact order.
    enough = load_backend("search.backends.postgres", {"RANK_ALL": 8, "RANK_CANDIDATES": 2})
    assert _all_pages(enough, "relevance") == _all_pages(exact, "relevance")
