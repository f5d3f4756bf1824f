"""A search the database cannot finish in SEARCH_TIME_LIMIT seconds is stopped by the
database and answered with a polite 503 ("narrow your search"), on SQLite and on
PostgreSQL; the limit never outlives the search."""

import contextlib
import time

import pytest
from django.db import connection

from search.deadline import SearchTooSlow, search_deadline
from tests.ci_strict import needs

LIMIT = 0.3
# A statement of the shape the database backends' _statement returns that runs for minutes.
SLOW_SQL = {
    "sqlite": (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000000) "
        "SELECT 'hit', '1', '', MAX(x), 0.0 FROM c"
    ),
    "postgresql": "SELECT 'hit', '1', '', 1, CAST(0 AS FLOAT) FROM pg_sleep(60)",
}


@pytest.fixture
def slow_search(settings, monkeypatch, indexed_corpus):
    settings.SEARCH_TIME_LIMIT = LIMIT
    monkeypatch.setattr(
        type(indexed_corpus),
        "_statement",
        lambda self, *args: (SLOW_SQL[connection.vendor], []),
    )
    return monkeypatch


def timed(call):
    start = time.monotonic()
    result = call()
    return result, time.monotonic() - start


def test_results_page_answers_503_and_asks_to_narrow_the_search(client, slow_search):
    response, seconds = timed(lambda: client.get("/szukaj/", {"q": "uchwała"}))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert 'id="search-too-slow"' in body
    assert "Zawęź" in body  # Polish: "narrow it"
    assert seconds < LIMIT + 3


def test_api_answers_503_naming_the_query(client, slow_search):
    response, seconds = timed(lambda: client.get("/api/v1/search", {"q": "uchwała"}))
    assert response.status_code == 503
    assert response.json()["field"] == "q"
    assert seconds < LIMIT + 3


def test_the_connection_works_normally_after_a_stopped_search(client, slow_search, settings):
    assert client.get("/szukaj/", {"q": "uchwała"}).status_code == 503
    slow_search.undo()
    settings.SEARCH_TIME_LIMIT = 60  # the real search, however busy the machine
    response = client.get("/szukaj/", {"q": "uchwała"})
    assert response.status_code == 200


def test_the_limit_ends_with_the_search(settings, indexed_corpus):
    """A statement after the search is not bound by the search's limit."""
    settings.SEARCH_TIME_LIMIT = 0.2
    # On a busy machine the search itself may be stopped; what follows must not be.
    with contextlib.suppress(SearchTooSlow):
        indexed_corpus.search("uchwała")
    time.sleep(0.3)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_sleep(0.4)")
        else:
            cursor.execute(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                "WHERE x < 300000) SELECT MAX(x) FROM c"
            )
        assert cursor.fetchone() is not None


def test_no_limit_when_the_setting_is_zero(settings, indexed_corpus):
    settings.SEARCH_TIME_LIMIT = 0
    with search_deadline(connection), connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_postgres_puts_the_statement_timeout_back(settings, indexed_corpus):
    """Inside a request's transaction SET LOCAL would last until its end."""
    if connection.vendor != "postgresql":
        pytest.skip(needs("PostgreSQL", "statement_timeout is PostgreSQL's"))
    settings.SEARCH_TIME_LIMIT = 2
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        before = cursor.fetchone()[0]
        indexed_corpus.search("uchwała")
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == before


def test_other_database_errors_are_not_taken_for_slowness(indexed_corpus):
    from django.db import DatabaseError

    with (
        pytest.raises(DatabaseError) as caught,
        search_deadline(connection, 1),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT * FROM no_such_table")
    assert not isinstance(caught.value, SearchTooSlow)


class _PgError(Exception):
    def __init__(self, message, sqlstate):
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("message", "sqlstate", "cancelled"),
    [
        ("canceling statement due to statement timeout", "57014", True),
        ("invalid regular expression: operation cancelled", "2201B", True),
        ("invalid regular expression: parentheses () not balanced", "2201B", False),
        ("division by zero", "22012", False),
    ],
)
def test_a_cancel_inside_the_regex_engine_is_a_stopped_search(message, sqlstate, cancelled):
    from django.db import DataError

    from search.deadline import _was_cancelled

    error = DataError(message)
    error.__cause__ = _PgError(message, sqlstate)
    assert _was_cancelled(error, "postgresql") is cancelled
