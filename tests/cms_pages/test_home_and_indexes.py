"""The home page's sections and the query counts of the remaining index pages."""

import datetime
import re

import pytest
from django.utils import timezone

from cms_pages import factories
from cms_pages.models import DocumentCategory

pytestmark = pytest.mark.django_db


def test_home_page_shows_latest_news_events_and_quick_links(
    client, home_page, news_index, event_index, programme_index, centre_index
):
    for day in range(1, 7):
        factories.NewsPageFactory(
            parent=news_index, title=f"Wiadomość {day}", date=datetime.date(2026, 1, day)
        )
    event = factories.EventPageFactory(parent=event_index, title="Szkolenie na jutro")
    factories.EventPageFactory(
        parent=event_index,
        title="Dawne szkolenie",
        start=timezone.now() - datetime.timedelta(days=3),
    )
    library = factories.DocumentLibraryPageFactory(parent=programme_index)
    html = client.get("/").content.decode()
    news = re.search(r'id="section-news".*?</section>', html, flags=re.S).group(0)
    assert "Wiadomość 6" in news and "Wiadomość 3" in news and "Wiadomość 2" not in news
    events = re.search(r'id="section-events".*?</section>', html, flags=re.S).group(0)
    assert event.title in events and "Dawne szkolenie" not in events
    links = re.search(r'id="section-links".*?</section>', html, flags=re.S).group(0)
    for page in (programme_index, centre_index, library):
        assert f'href="{page.url}"' in links


def test_home_page_without_content_still_renders(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert 'id="section-news"' not in response.content.decode()


def test_home_page_query_count_does_not_grow_with_content(
    client, home_page, news_index, call_index, event_index, count_queries
):
    image = factories.ImageFactory(title="Baner")

    def add(n):
        for i in range(n):
            factories.NewsPageFactory(parent=news_index, listing_image=image if i % 2 else None)
            factories.CallForProposalsPageFactory(parent=call_index)
            factories.EventPageFactory(parent=event_index)

    add(3)
    few = count_queries("/")
    add(12)
    assert count_queries("/") == few


def test_programme_index_query_count_does_not_grow(programme_index, count_queries):
    def add(n):
        for i in range(n):
            factories.ProgrammePageFactory(
                parent=programme_index,
                year_from=2000 + i,
                resolution=factories.ResolutionPageFactory(
                    number=f"I/{i}/{2000 + i}", adopted_on=datetime.date(2000 + i, 1, 1)
                ),
                document=factories.DocumentFactory(fmt="txt"),
            )

    add(3)
    few = count_queries(programme_index.url)
    add(12)
    assert count_queries(programme_index.url) == few


def test_document_library_query_count_does_not_grow(programme_index, count_queries):
    def library(n):
        return factories.DocumentLibraryPageFactory(
            parent=programme_index,
            documents=[
                (factories.DocumentFactory(fmt="txt"), DocumentCategory.choices[i % 5][0], "")
                for i in range(n)
            ],
        )

    assert count_queries(library(3).url) == count_queries(library(15).url)


def test_support_centre_index_query_count_does_not_grow(centre_index, count_queries):
    def add(n):
        for _ in range(n):
            factories.SupportCentrePageFactory(
                parent=centre_index, people=[{"name": "Anna Lipska", "role": "doradczyni"}]
            )

    add(3)
    few = count_queries(centre_index.url)
    add(12)
    assert count_queries(centre_index.url) == few


def test_support_centre_page_query_count_does_not_grow_with_people(centre_index, count_queries):
    def centre(n):
        return factories.SupportCentrePageFactory(
            parent=centre_index,
            people=[{"name": f"Osoba {i}", "email": f"o{i}@example.org"} for i in range(n)],
        )

    assert count_queries(centre(3).url) == count_queries(centre(15).url)
