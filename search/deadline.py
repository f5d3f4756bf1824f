"""A time limit on the database's work for one search.

A search that the database cannot answer quickly (a query of many common words, a
cold cache, a large index on a busy machine) must not hold a web worker until
gunicorn kills it: the database stops it at `SEARCH_TIME_LIMIT` seconds and the
visitor is asked to narrow the search (`SearchTooSlow`, a 503 page).

- PostgreSQL: `statement_timeout` for the search's own statements only, set with
  `set_config(..., is_local => true)` (what `SET LOCAL` does) in a transaction of
  its own (a savepoint inside a request's transaction) and put back afterwards.
  PostgreSQL cancels a statement that runs longer (SQLSTATE 57014; a cancel that
  lands inside the regular expression engine reports 2201B "operation cancelled").
- SQLite: a progress handler on the connection that interrupts any statement once
  the deadline has passed (checked every few thousand virtual machine steps).
"""

import time
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, transaction

DEFAULT_SECONDS = 5.0
SQLITE_CHECK_EVERY = 10_000  # SQLite VM instructions between looks at the clock
QUERY_CANCELED = "57014"
REGEX_CANCELED = "2201B"  # invalid_regular_expression, with the message "operation cancelled"


class SearchTooSlow(Exception):  # noqa: N818 - a state the visitor is told about
    """The database did not finish the search within SEARCH_TIME_LIMIT seconds."""


def time_limit() -> float:
    return float(getattr(settings, "SEARCH_TIME_LIMIT", DEFAULT_SECONDS) or 0)


def _was_cancelled(error: BaseException, vendor: str) -> bool:
    cause = error.__cause__
    if vendor == "postgresql":
        sqlstate = getattr(cause, "sqlstate", None)
        return sqlstate == QUERY_CANCELED or (
            sqlstate == REGEX_CANCELED and "cancel" in str(cause).lower()
        )
    return "interrupted" in str(cause or error)


@contextmanager
def search_deadline(connection, seconds: float | None = None):
    """Run the block's queries on `connection` under a time limit; raise SearchTooSlow
    when the database stopped them. No limit when `seconds` (or the setting) is 0."""
    seconds = time_limit() if seconds is None else seconds
    if not seconds or connection.vendor not in ("postgresql", "sqlite"):
        yield
        return
    try:
        if connection.vendor == "postgresql":
            with _postgres_limit(connection, seconds):
                yield
        else:
            with _sqlite_limit(connection, seconds):
                yield
    except DatabaseError as error:
        if _was_cancelled(error, connection.vendor):
            raise SearchTooSlow from error
        raise


@contextmanager
def _postgres_limit(connection, seconds):
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('statement_timeout'), "
                "set_config('statement_timeout', %s, true)",
                [f"{max(1, round(seconds * 1000))}ms"],
            )
            previous = cursor.fetchone()[0]
        yield
        # Inside a request's transaction SET LOCAL would outlive the search: put it back.
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])


@contextmanager
def _sqlite_limit(connection, seconds):
    connection.ensure_connection()
    raw = connection.connection
    deadline = time.monotonic() + seconds
    raw.set_progress_handler(lambda: time.monotonic() > deadline, SQLITE_CHECK_EVERY)
    try:
        yield
    finally:
        raw.set_progress_handler(None, SQLITE_CHECK_EVERY)
