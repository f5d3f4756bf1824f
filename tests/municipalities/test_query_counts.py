"""Every public page costs the same number of queries with 1 and with 20 municipalities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from cms_pages import factories as cms
from cms_pages.models import NewsIndexPage, NewsPage
from consultations.models import ConsultationIndexPage, ConsultationPage
from municipalities.factories import rural_municipality
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db


def _content(municipality):
    home = municipality.home_page
    cms.NewsPageFactory(
        parent=NewsIndexPage.objects.child_of(home).get(), title=f"Wieści {municipality.slug}"
    )
    make_consultation(
        ConsultationIndexPage.objects.child_of(home).get(),
        "open",
        title=f"Konsultacje {municipality.slug}",
    )


def _urls(first):
    root = Site.objects.get(is_default_site=True).root_page.url_path

    def under_regional(page):
        return "/" + page.url_path[len(root) :]

    consultation = ConsultationPage.objects.descendant_of(first.home_page).get()
    news = NewsPage.objects.descendant_of(first.home_page).get()
    return [
        ("regional page", "/", "localhost"),
        ("window home", "/testowo-1/", "localhost"),
        ("window news", "/testowo-1/aktualnosci/", "localhost"),
        ("news page", under_regional(news), "localhost"),
        ("consultations", "/testowo-1/konsultacje/", "localhost"),
        ("consultation", under_regional(consultation), "localhost"),
        ("open data", f"/konsultacje/{consultation.pk}/dane.json", "localhost"),
        ("own host home", "/", "testowo-1.localhost"),
        ("own host news", "/aktualnosci/", "testowo-1.localhost"),
        ("search", "/szukaj/?q=konsultacje", "localhost"),
        ("search narrowed", "/szukaj/?q=konsultacje&gmina=testowo-1", "testowo-1.localhost"),
        ("news feed", "/aktualnosci/rss/", "localhost"),
        ("news feed of one", "/aktualnosci/rss/?gmina=testowo-1", "localhost"),
        ("own host feed", "/aktualnosci/rss/", "testowo-1.localhost"),
    ]


def _counts(client, urls):
    counts = {}
    for name, url, host in urls:
        client.get(url, HTTP_HOST=host)  # warm caches (site root paths, settings)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.mark.timeout(900)  # builds 20 municipalities with content
def test_query_counts_of_every_page_do_not_grow_with_municipalities(client, operator):
    first = rural_municipality(1, hostname="testowo-1.localhost")
    _content(first)
    urls = _urls(first)
    with_one = _counts(client, urls)
    for n in range(2, 21):
        _content(rural_municipality(n))
    with_twenty = _counts(client, urls)
    assert with_twenty == with_one
