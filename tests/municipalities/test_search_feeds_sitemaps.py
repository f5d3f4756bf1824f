"""Search, feeds and sitemaps know which municipality a page belongs to."""

import pytest

from cms_pages import factories as cms
from cms_pages.models import NewsIndexPage
from municipalities.factories import rural_municipality
from search.backends import get_search_backend

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_tasks_on_commit(django_capture_on_commit_callbacks):
    """Page publishing indexes through on_commit tasks: run them in each test."""
    with django_capture_on_commit_callbacks(execute=True):
        yield


@pytest.fixture
def two_windows(operator, django_capture_on_commit_callbacks):
    get_search_backend().clear()
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa", hostname="alfa.localhost")
    beta = rural_municipality(2, name="Gmina Beta", slug="beta")
    for municipality in (alfa, beta):
        with django_capture_on_commit_callbacks(execute=True):
            cms.NewsPageFactory(
                parent=NewsIndexPage.objects.child_of(municipality.home_page).get(),
                title=f"Festyn dożynkowy {municipality.slug}",
            )
    return alfa, beta


def test_search_hits_name_their_municipality_and_filter_by_it(client, two_windows):
    response = client.get("/szukaj/", {"q": "festyn"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gmina Alfa" in html and "Gmina Beta" in html
    hits = {item["hit"].title: item["hit"].municipality_label for item in response.context["hits"]}
    assert hits == {"Festyn dożynkowy alfa": "Gmina Alfa", "Festyn dożynkowy beta": "Gmina Beta"}
    narrowed = client.get("/szukaj/", {"q": "festyn", "gmina": "beta"})
    assert [item["hit"].title for item in narrowed.context["hits"]] == ["Festyn dożynkowy beta"]


def test_search_api_carries_and_filters_by_municipality(client, two_windows):
    data = client.get("/api/v1/search", {"q": "festyn", "gmina": "alfa"}).json()
    assert [r["municipality"] for r in data["results"]] == [{"slug": "alfa", "name": "Gmina Alfa"}]
    assert {f["value"] for f in data["facets"]["gmina"]} == {"alfa", "beta"}


def test_single_municipality_search_offers_no_municipality_filter(client, db):
    get_search_backend().clear()
    cms.NewsPageFactory(title="Festyn w mieście")
    response = client.get("/szukaj/", {"q": "festyn"})
    assert response.status_code == 200
    assert "gmina" not in {group["name"] for group in response.context["facet_groups"]}
    assert response.context["show_municipality"] is False


def test_feed_of_a_municipality_host_lists_only_its_news(client, two_windows):
    own = client.get("/aktualnosci/rss/", HTTP_HOST="alfa.localhost").content.decode()
    assert "Festyn dożynkowy alfa" in own and "Festyn dożynkowy beta" not in own
    assert "Gmina Alfa" in own  # in the feed's title


def test_regional_feed_lists_all_and_narrows_to_one_municipality(client, two_windows):
    regional = client.get("/aktualnosci/atom/").content.decode()
    assert "Festyn dożynkowy alfa" in regional and "Festyn dożynkowy beta" in regional
    narrowed = client.get("/aktualnosci/rss/", {"gmina": "beta"}).content.decode()
    assert "Festyn dożynkowy beta" in narrowed and "Festyn dożynkowy alfa" not in narrowed
    assert "Gmina Beta" in narrowed
    assert client.get("/aktualnosci/rss/", {"gmina": "nowhere"}).status_code == 404


def test_municipality_host_feed_refuses_another_municipality(client, two_windows):
    response = client.get("/aktualnosci/rss/", {"gmina": "beta"}, HTTP_HOST="alfa.localhost")
    assert response.status_code == 404


def test_sitemap_of_a_municipality_site_lists_only_its_tree(client, two_windows):
    own = client.get("/sitemap.xml", HTTP_HOST="alfa.localhost").content.decode()
    assert "festyn-dozynkowy-alfa" in own
    assert "festyn-dozynkowy-beta" not in own
    regional = client.get("/sitemap.xml").content.decode()
    assert "festyn-dozynkowy-alfa" in regional and "festyn-dozynkowy-beta" in regional
