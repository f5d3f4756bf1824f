"""The Polish relevance set, on the backend of this test database (SQLite or PostgreSQL;
the CI runs both)."""

import pytest

from .corpus import relevance_corpus
from .queries import QUERIES


@pytest.fixture
def relevance_index(search_backend):
    search_backend.index(relevance_corpus())
    return search_backend


def test_the_set_is_big_enough():
    assert len(QUERIES) >= 40


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_expected_documents_are_in_the_top_five(relevance_index, query, expected):
    top = [hit.key.removeprefix("rel:") for hit in relevance_index.search(query, per_page=5).hits]
    missing = [slug for slug in expected if slug not in top]
    assert not missing, f"{query!r}: {missing} not in top 5 {top}"
