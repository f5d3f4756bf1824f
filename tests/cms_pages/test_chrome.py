"""The page chrome every content page shares: breadcrumbs, OpenGraph, print, error pages."""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import timezone

from cms_pages import factories
from cms_pages.models import CallStatus, NewsIndexPage

pytestmark = pytest.mark.django_db


def breadcrumbs(html: str) -> str:
    match = re.search(r'<nav class="breadcrumbs".*?</nav>', html, flags=re.S)
    return match.group(0) if match else ""


def test_breadcrumbs_lead_from_home_through_the_index_to_the_current_page(client, news_index):
    news = factories.NewsPageFactory(parent=news_index, title="Nabór do Rady Seniorów")
    trail = breadcrumbs(client.get(news.url).content.decode())
    assert 'aria-label="Ścieżka nawigacji"' in trail
    links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', trail)
    assert links == [("/", "Strona główna"), (news_index.url, news_index.title)]
    assert re.search(r'<span aria-current="page"[^>]*>Nabór do Rady Seniorów</span>', trail)


def test_home_page_has_no_breadcrumbs(client, home_page, news_index):
    assert breadcrumbs(client.get("/").content.decode()) == ""
    # An index page directly under the home page: "Home › Index".
    trail = breadcrumbs(client.get(news_index.url).content.decode())
    assert re.findall(r'<a href="([^"]+)"', trail) == ["/"]


def test_content_page_has_website_open_graph_tags_with_absolute_url(client, settings, home_page):
    settings.BASE_URL = "https://okienko.zielonogrod.example"
    page = factories.StandardPageFactory(
        parent=home_page,
        title="O portalu",
        seo_title="O portalu Okienko",
        search_description="Czym jest okienko dla organizacji.",
    )
    html = client.get(page.url).content.decode()
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="O portalu Okienko">' in html
    assert (
        f'<meta property="og:url" content="https://okienko.zielonogrod.example{page.url}">' in html
    )
    assert '<meta property="og:description" content="Czym jest okienko dla organizacji.">' in html
    assert '<meta property="og:locale" content="pl_PL">' in html


def test_print_stylesheet_is_linked_for_print_and_leaves_only_the_content(client, home_page):
    html = client.get("/").content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*css/print\.css" media="print">', html)
    path = finders.find("css/print.css")
    assert path, "css/print.css is not among the static files"
    with open(path, encoding="utf-8") as f:
        css = f.read()
    hidden = re.search(r"([^{}]+)\{\s*display:\s*none", css).group(1)
    for chrome in (".site-header", ".site-footer", ".breadcrumbs", ".skip-link", "form"):
        assert chrome in hidden, f"{chrome} would be printed"
    assert "attr(href)" in css, "printed links do not spell out their address"


def test_server_error_gives_the_friendly_page_without_touching_the_database(
    home_page, news_index, monkeypatch, django_assert_max_num_queries
):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(NewsIndexPage, "get_context", broken)
    client = Client(raise_request_exception=False)
    response = client.get(news_index.url)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert "<h1>Przepraszamy, wystąpił błąd</h1>" in html
    assert '<main id="main">' in html and 'href="/"' in html
    assert "simulated failure" not in html and "Traceback" not in html

    from cms_pages.views import server_error

    with django_assert_max_num_queries(0):
        assert server_error(None).status_code == 500


def test_dates_and_amounts_are_written_the_polish_way(client, call_index, event_index):
    call = factories.CallForProposalsPageFactory(
        parent=call_index,
        total_amount=Decimal("98500.5"),
        offer_deadline=timezone.make_aware(datetime.datetime(2030, 2, 14, 15, 30)),
        status=CallStatus.OPEN,
    )
    html = client.get(call.url).content.decode()
    assert "98\u00a0500,50\u00a0zł" in html
    assert "14 lutego 2030 15:30" in html
    index = client.get(call_index.url).content.decode()
    assert "98\u00a0500,50\u00a0zł" in index

    event = factories.EventPageFactory(
        parent=event_index, start=timezone.make_aware(datetime.datetime(2030, 9, 3, 9, 0))
    )
    assert "3 września 2030" in client.get(event.url).content.decode()


def restrict(page, **options):
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(page=page, **options)


def test_login_restricted_page_sends_visitors_to_the_portal_login(client, home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Dla zalogowanych")
    restrict(page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"] == f"/konto/login/?next={page.url}"


def test_password_protected_page_asks_in_the_portal_chrome(client, home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Materiały dla członków Rady")
    restrict(page, restriction_type="password", password="rada-2026")  # noqa: S106
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    # "Password required" is also a msgid of Wagtail's catalogue, hence its Polish here.
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == ["Hasło jest wymagane"]
    assert '<main id="main"' in html and 'class="skip-link"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert re.search(r'<label for="id_password">[^<]+</label>', html)

    action = re.search(r'<form class="account-form" action="([^"]+)"', html).group(1)
    wrong = client.post(action, {"password": "zle", "return_url": page.url}).content.decode()
    field = re.search(r'<input[^>]*id="id_password"[^>]*>', wrong).group(0)
    assert 'aria-invalid="true"' in field and "aria-describedby=" in field
    right = client.post(action, {"password": "rada-2026", "return_url": page.url})
    assert right.status_code == 302
    assert "Materiały dla członków Rady" in client.get(page.url).content.decode()
