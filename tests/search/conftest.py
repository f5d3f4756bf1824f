import pytest

from search.backends import get_search_backend

from .contract import CORPUS


@pytest.fixture
def search_backend(db):
    """The backend of this test database's vendor, emptied."""
    backend = get_search_backend()
    backend.clear()
    return backend


@pytest.fixture
def indexed_corpus(search_backend):
    search_backend.index(CORPUS)
    return search_backend


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (and so the ImmediateBackend's tasks) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
