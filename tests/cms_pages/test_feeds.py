import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parses our own responses

import pytest
from django.urls import reverse

from cms_pages import factories
from cms_pages.models import CallStatus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(data: bytes):
    return ET.fromstring(data)  # noqa: S314 - our own server's response


@pytest.fixture
def content(news_index, resolution_index, call_index):
    factories.NewsPageFactory(parent=news_index, title="Nowy konkurs & nabór <2026>")
    factories.NewsPageFactory(parent=news_index, title="Druga wiadomość")
    factories.NewsPageFactory(parent=news_index, title="Szkic", publish=False)
    factories.ResolutionPageFactory(
        parent=resolution_index, number="XII/145/2025", adopted_on=datetime.date(2025, 11, 27)
    )
    factories.CallForProposalsPageFactory(parent=call_index, status=CallStatus.OPEN)


@pytest.mark.parametrize(
    ("name", "count"),
    [("cms_pages:news_feed", 2), ("cms_pages:resolutions_feed", 1), ("cms_pages:calls_feed", 1)],
)
def test_rss_feeds_are_valid_xml_with_live_items(client, content, name, count):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_xml(response.content)
    assert root.tag == "rss"
    items = root.findall("./channel/item")
    assert len(items) == count
    for item in items:
        assert item.findtext("link").startswith("http://testserver/")
        assert item.findtext("title")
        assert item.findtext("pubDate")


def test_news_feed_escapes_titles_and_skips_drafts(client, content):
    root = parse_xml(client.get(reverse("cms_pages:news_feed")).content)
    titles = [item.findtext("title") for item in root.findall("./channel/item")]
    assert "Nowy konkurs & nabór <2026>" in titles
    assert "Szkic" not in titles


def test_resolutions_feed_title_carries_the_act_number(client, content):
    root = parse_xml(client.get(reverse("cms_pages:resolutions_feed")).content)
    assert "XII/145/2025" in root.find("./channel/item/title").text


def test_calls_feed_describes_amount_in_polish_format(client, content):
    root = parse_xml(client.get(reverse("cms_pages:calls_feed")).content)
    assert "150\u00a0000,00\u00a0zł" in root.find("./channel/item/description").text


@pytest.mark.parametrize(
    "name", ["cms_pages:news_atom", "cms_pages:resolutions_atom", "cms_pages:calls_atom"]
)
def test_atom_feeds_are_valid_xml(client, content, name):
    response = client.get(reverse(name))
    root = parse_xml(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findall(f"{ATOM}entry")


def test_pages_advertise_the_feeds(client, content, news_index):
    html = client.get(news_index.url).content.decode()
    for name in ("news_feed", "resolutions_feed", "calls_feed"):
        assert 'type="application/rss+xml"' in html
        assert f'href="{reverse(f"cms_pages:{name}")}"' in html


def test_news_feed_query_count_does_not_grow(news_index, count_queries):
    category = factories.NewsCategoryFactory(name="Komunikaty")
    for _ in range(3):
        factories.NewsPageFactory(parent=news_index, category=category)
    url = reverse("cms_pages:news_feed")
    few = count_queries(url)
    for _ in range(12):
        factories.NewsPageFactory(parent=news_index, category=category)
    assert count_queries(url) == few


@pytest.mark.parametrize("name", ["resolutions_feed", "resolutions_atom"])
def test_resolutions_feed_query_count_does_not_grow(resolution_index, count_queries, name):
    def add(first, n):
        for i in range(first, first + n):
            factories.ResolutionPageFactory(
                parent=resolution_index,
                number=f"XX/{i}/2025",
                adopted_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            )

    url = reverse(f"cms_pages:{name}")
    add(0, 3)
    few = count_queries(url)
    add(3, 12)
    assert count_queries(url) == few


@pytest.mark.parametrize("name", ["calls_feed", "calls_atom"])
def test_calls_feed_query_count_does_not_grow(call_index, count_queries, name):
    def add(n):
        for _ in range(n):
            factories.CallForProposalsPageFactory(parent=call_index, status=CallStatus.OPEN)

    url = reverse(f"cms_pages:{name}")
    add(3)
    few = count_queries(url)
    add(12)
    assert count_queries(url) == few


def test_sitemap_query_count_does_not_grow(news_index, count_queries):
    def add(n):
        for _ in range(n):
            factories.NewsPageFactory(parent=news_index)

    add(3)
    few = count_queries("/sitemap.xml")
    add(12)
    assert count_queries("/sitemap.xml") == few


def test_sitemap_lists_live_pages_only(client, news_index):
    live = factories.NewsPageFactory(parent=news_index, title="Opublikowana")
    draft = factories.NewsPageFactory(parent=news_index, title="Robocza", publish=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = parse_xml(response.content)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locations = [loc.text for loc in root.iter(f"{ns}loc")]
    assert any(loc.endswith(live.url) for loc in locations)
    assert any(loc.endswith(news_index.url) for loc in locations)
    assert not any(loc.endswith(f"/{draft.slug}/") for loc in locations)
