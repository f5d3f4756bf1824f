import datetime
import re

import pytest

from cms_pages import factories

pytestmark = pytest.mark.django_db


def listed_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'class="news-card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def newsroom(news_index):
    grants = factories.NewsCategoryFactory(name="Dotacje", slug="dotacje")
    training = factories.NewsCategoryFactory(name="Szkolenia", slug="szkolenia")
    factories.NewsPageFactory(
        parent=news_index,
        title="Konkurs dla seniorów",
        date=datetime.date(2025, 5, 1),
        category=grants,
        tags=["seniorzy"],
    )
    factories.NewsPageFactory(
        parent=news_index,
        title="Szkolenie z RODO",
        date=datetime.date(2026, 2, 1),
        category=training,
        tags=["rodo", "szkolenia"],
    )
    factories.NewsPageFactory(
        parent=news_index,
        title="Konkurs kultura",
        date=datetime.date(2026, 3, 1),
        category=grants,
        tags=["kultura"],
    )
    factories.NewsPageFactory(
        parent=news_index, title="Szkic wiadomości", date=datetime.date(2026, 4, 1), publish=False
    )
    return news_index


def test_news_index_lists_live_news_newest_first(client, newsroom):
    titles = listed_titles(client.get(newsroom.url))
    assert titles == ["Konkurs kultura", "Szkolenie z RODO", "Konkurs dla seniorów"]


def test_news_index_filters_by_year(client, newsroom):
    assert listed_titles(client.get(newsroom.url, {"year": "2025"})) == ["Konkurs dla seniorów"]
    assert listed_titles(client.get(newsroom.url, {"year": "2026"})) == [
        "Konkurs kultura",
        "Szkolenie z RODO",
    ]


def test_news_index_filters_by_tag_and_category(client, newsroom):
    assert listed_titles(client.get(newsroom.url, {"tag": "rodo"})) == ["Szkolenie z RODO"]
    assert listed_titles(client.get(newsroom.url, {"category": "dotacje", "year": "2026"})) == [
        "Konkurs kultura"
    ]


def test_year_choices_come_from_published_news_only(client, newsroom):
    html = client.get(newsroom.url).content.decode()
    years = re.findall(r'<option value="(\d{4})"', html)
    assert years == ["2026", "2025"]


@pytest.mark.parametrize("params", [{"year": "abc"}, {"year": "1999"}, {"tag": "nie-ma"}])
def test_unknown_filter_values_are_ignored_not_errors(client, newsroom, params):
    response = client.get(newsroom.url, params)
    assert response.status_code == 200
    assert len(listed_titles(response)) == 3


def test_filter_form_works_without_javascript(client, newsroom):
    html = client.get(newsroom.url).content.decode()
    form = re.search(r'<form class="filters" method="get".*?</form>', html, flags=re.S).group(0)
    for name in ("year", "tag", "category"):
        assert f'name="{name}"' in form
        assert f'<label for="id_{name}">' in form
    assert 'type="submit"' in form


@pytest.fixture
def long_news_index(news_index):
    for day in range(1, 24):  # 23 items = 3 pages of 10
        factories.NewsPageFactory(
            parent=news_index, title=f"Wiadomość z dnia {day}", date=datetime.date(2026, 1, day)
        )
    return news_index


@pytest.mark.parametrize(
    ("page", "expected_first"),
    [
        ("1", "Wiadomość z dnia 23"),
        ("3", "Wiadomość z dnia 3"),
        ("999", "Wiadomość z dnia 3"),  # past the end: last page
        ("abc", "Wiadomość z dnia 23"),  # garbage: first page
        ("-1", "Wiadomość z dnia 3"),
        ("", "Wiadomość z dnia 23"),
    ],
)
def test_pagination_never_fails(client, long_news_index, page, expected_first):
    response = client.get(long_news_index.url, {"page": page})
    assert response.status_code == 200
    assert listed_titles(response)[0] == expected_first


def test_pagination_links_keep_the_filters(client, long_news_index):
    html = client.get(long_news_index.url, {"year": "2026"}).content.decode()
    assert '?year=2026&amp;page=2"' in html
    assert 'aria-current="page"' in html


def test_news_index_query_count_does_not_grow_with_news(client, news_index, count_queries):
    category = factories.NewsCategoryFactory(name="Kategoria")
    image = factories.ImageFactory(title="Obraz")

    def add(n):
        for i in range(n):
            factories.NewsPageFactory(
                parent=news_index,
                category=category,
                listing_image=image if i % 2 else None,
                tags=[f"tag{i}", "wspólny"],
            )

    add(3)
    few = count_queries(news_index.url)
    add(12)
    many = count_queries(news_index.url)
    assert few == many


def test_news_page_query_count_does_not_grow_with_attachments(news_index, count_queries):
    few_docs = [factories.DocumentFactory(fmt="txt") for _ in range(3)]
    many_docs = [factories.DocumentFactory(fmt="txt") for _ in range(15)]
    Attachment = factories.NewsPage.attachments.rel.related_model
    few = factories.NewsPageFactory(
        parent=news_index, attachments=[Attachment(document=d) for d in few_docs], tags=["a"]
    )
    many = factories.NewsPageFactory(
        parent=news_index, attachments=[Attachment(document=d) for d in many_docs], tags=["a"]
    )
    assert count_queries(few.url) == count_queries(many.url)
