import pytest

from cms_pages import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated documents and images go to a temporary directory, not var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture
def news_index(home_page):
    return factories.NewsIndexPageFactory(parent=home_page)


@pytest.fixture
def resolution_index(home_page):
    return factories.ResolutionIndexPageFactory(parent=home_page)


@pytest.fixture
def call_index(home_page):
    return factories.CallIndexPageFactory(parent=home_page)


@pytest.fixture
def event_index(home_page):
    return factories.EventIndexPageFactory(parent=home_page)


@pytest.fixture
def programme_index(home_page):
    return factories.ProgrammeIndexPageFactory(parent=home_page)


@pytest.fixture
def centre_index(home_page):
    return factories.SupportCentreIndexPageFactory(parent=home_page)


@pytest.fixture
def count_queries(client):
    """GET `url` twice (the first warms caches and image renditions); queries of the second."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url, **params):
        assert client.get(url, params).status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, params)
        assert response.status_code == 200
        return len(ctx.captured_queries)

    return count
