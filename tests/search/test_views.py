"""The results page, suggestions and the JSON API, on this database's backend."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

SEARCH_URL = "/szukaj/"
API_URL = "/api/v1/search"


def test_search_urls_are_where_the_header_form_points():
    assert reverse("search:results") == SEARCH_URL
    assert reverse("search_api:search") == API_URL


def test_start_page_without_query_explains_search(client, db):
    response = client.get(SEARCH_URL)
    assert response.status_code == 200
    assert response.context["state"] == "start"
    assert b'id="search-q"' in response.content


def test_results_show_type_date_place_and_marked_snippet(any_role_client, indexed_corpus):
    response = any_role_client.get(SEARCH_URL, {"q": "zespół oceniający projekty"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-key="clause:3"' in html
    assert "Projekt uchwały o budżecie obywatelskim" in html
    assert 'href="/clause/3/">§ 4 ust. 2</a>' in html
    assert "<mark>" in html
    assert 'datetime="2025-12-01"' in html


def test_snippet_never_carries_markup_from_content(client, indexed_corpus):
    html = client.get(SEARCH_URL, {"q": "losowaniu"}).content.decode()
    assert 'data-key="comment:9"' in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html or "alert(1)" not in html


def test_facets_are_checkboxes_that_filter(client, indexed_corpus):
    response = client.get(SEARCH_URL, {"q": "projekty"})
    html = response.content.decode()
    assert 'name="type" value="clause"' in html
    assert 'id="facet-year"' in html
    filtered = client.get(SEARCH_URL, {"q": "projekty", "type": "clause"})
    assert [h["hit"].key for h in filtered.context["hits"]] == ["clause:3"]
    assert 'value="clause" id="facet-type-' in filtered.content.decode()
    assert "checked" in filtered.content.decode()
    assert filtered.context["has_filters"]


def test_sort_by_date_and_pagination_links(client, indexed_corpus, monkeypatch):
    monkeypatch.setattr("search.views.PER_PAGE", 2)
    response = client.get(SEARCH_URL, {"q": "projekty", "sort": "date"})
    assert [h["hit"].key for h in response.context["hits"]] == ["comment:9", "clause:3"]
    assert response.context["next_url"].endswith("page=2&q=projekty&sort=date")
    second = client.get(SEARCH_URL, {"q": "projekty", "sort": "date", "page": "2"})
    assert [h["hit"].key for h in second.context["hits"]] == ["page:1", "page:10"]
    assert b'rel="prev"' in second.content


def test_empty_result_offers_help_and_suggestions(client, indexed_corpus):
    response = client.get(SEARCH_URL, {"q": "pływ żyrafa"})
    assert response.status_code == 200
    assert response.context["state"] == "empty"
    assert b'id="search-empty"' in response.content


def test_empty_result_with_filters_offers_search_without_them(client, indexed_corpus):
    response = client.get(SEARCH_URL, {"q": "park", "type": "clause"})
    assert response.context["state"] == "empty"
    assert response.context["without_filters_url"] == "?q=park"


BAD_QUERIES = [
    ("", 200, "start"),
    ("   ", 200, "start"),
    ("x" * 10_000, 400, "invalid"),
    ("'&|!():*\\", 400, "invalid"),
    ("😀🎉", 400, "invalid"),
    ("-park", 400, "invalid"),
    ('"park przy', 200, None),
    ('park" "', 200, None),
    ("park'&|!():*\\", 200, None),
    ("park 😀", 200, None),
    ("park OR", 200, None),
    ("'; DROP TABLE portal_search_searchentry; --", 200, None),
]


@pytest.mark.parametrize(("query", "status", "state"), BAD_QUERIES)
def test_bad_queries_get_a_helpful_page_not_an_error(client, indexed_corpus, query, status, state):
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == status
    if state:
        assert response.context["state"] == state
    if status == 400:
        assert b'id="search-errors"' in response.content
        assert b'aria-invalid="true"' in response.content


@pytest.mark.parametrize("page", ["abc", "0", "-1", "1.5", "99999999999999999999"])
def test_bad_page_numbers_are_explained(client, indexed_corpus, page):
    response = client.get(SEARCH_URL, {"q": "park", "page": page})
    assert response.status_code == 400
    assert b'id="search-page-error"' in response.content


def test_page_past_the_end_links_to_the_last_page(client, indexed_corpus):
    response = client.get(SEARCH_URL, {"q": "park", "page": "7"})
    assert response.status_code == 404
    assert b'id="search-past-end"' in response.content
    assert response.context["last_page_url"] == "?page=1&q=park"


def test_broken_engine_gets_a_503_page(client, indexed_corpus, monkeypatch):
    def explode(*args, **kwargs):
        raise ConnectionError("engine down")

    monkeypatch.setattr("search.services.search", explode)
    response = client.get(SEARCH_URL, {"q": "park"})
    assert response.status_code == 503
    assert b'id="search-down"' in response.content


def test_results_page_has_no_inline_scripts(client, indexed_corpus):
    html = client.get(SEARCH_URL, {"q": "park"}).content.decode()
    assert "<script>" not in html.replace("&lt;script&gt;", "")
    assert "js/search.js" in html


# --- suggestions ---------------------------------------------------------------------


def test_suggestions_endpoint_returns_titles(client, indexed_corpus):
    response = client.get(reverse("search:suggestions"), {"q": "lodow"})
    assert response.status_code == 200
    assert response.json() == {"suggestions": ["Sezon na lodowisku"]}


@pytest.mark.parametrize("prefix", ["", "x", "'&|!():*\\", "😀", "a" * 5000])
def test_suggestions_endpoint_tolerates_junk(client, indexed_corpus, prefix):
    response = client.get(reverse("search:suggestions"), {"q": prefix})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


# --- JSON API --------------------------------------------------------------------------


def test_api_returns_total_results_and_facets(client, indexed_corpus):
    response = client.get(API_URL, {"q": "budżet obywatelski"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 2
    assert {"title", "url", "type", "date", "snippet"} <= set(data["results"][0])
    keys = {(r["type"], r["url"]) for r in data["results"]}
    assert ("clause", "http://testserver/clause/3/") in keys
    assert set(data["facets"]) == {"type", "year", "status", "area", "gmina"}
    assert {"value", "label", "count"} == set(data["facets"]["type"][0])


def test_api_filters_by_type_and_pages(client, indexed_corpus):
    data = client.get(API_URL, {"q": "projekty", "type": "clause"}).json()
    assert data["total"] == 1
    assert data["results"][0]["type"] == "clause"
    data = client.get(API_URL, {"q": "projekty", "per_page": "3", "page": "2"}).json()
    assert data["page"] == 2
    assert len(data["results"]) == 1


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "x" * 10_000}, "q"),
        ({"q": "'&|!():*\\"}, "q"),
        ({"q": "😀"}, "q"),
        ({"q": "park", "page": "abc"}, "page"),
        ({"q": "park", "page": "0"}, "page"),
        ({"q": "park", "page": "50"}, "page"),
        ({"q": "park", "per_page": "500"}, "per_page"),
        ({"q": "park", "sort": "price"}, "sort"),
    ],
)
def test_api_bad_input_is_a_400_with_a_message(client, indexed_corpus, params, field):
    response = client.get(API_URL, params)
    assert response.status_code == 400
    data = response.json()
    assert data["field"] == field
    assert data["error"]


@pytest.mark.parametrize(
    ("query", "urls"),
    [
        ('"park przy ulicy', ["/page/4/"]),
        ("park'&|!():*\\", ["/page/4/", "/page/5/"]),
        ("park 😀", ["/page/4/", "/page/5/"]),
        ("park OR", ["/page/4/", "/page/5/"]),
    ],
)
def test_api_accepts_syntax_characters(client, indexed_corpus, query, urls):
    response = client.get(API_URL, {"q": query})
    assert response.status_code == 200
    data = response.json()
    assert sorted(urlsplit(hit["url"]).path for hit in data["results"]) == urls
    assert data["total"] == len(urls)
