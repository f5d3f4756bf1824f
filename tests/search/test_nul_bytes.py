"""A NUL byte anywhere in a search request is refused with a clear message (PostgreSQL
cannot take it in a query), on the results page, in the API and in suggestions."""

import pytest

pytestmark = pytest.mark.django_db

NUL_REQUESTS = [
    ({"q": "uchwa\x00ła"}, "q"),
    ({"q": "uchwała", "type": "news\x00"}, "type"),
    ({"q": "uchwała", "year": "20\x0025"}, "year"),
    ({"q": "uchwała", "status": "\x00"}, "status"),
    ({"q": "uchwała", "area": ["ekologia", "kultura\x00"]}, "area"),
    ({"q": "uchwała", "page": "1\x00"}, "page"),
]


@pytest.mark.parametrize(("params", "field"), NUL_REQUESTS)
def test_results_page_refuses_a_nul_byte_with_a_form_error(client, search_backend, params, field):
    response = client.get("/szukaj/", params)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="search-errors"' in body
    assert "Wyszukiwanie zawiera niedozwolony znak NUL" in body


@pytest.mark.parametrize(("params", "field"), NUL_REQUESTS)
def test_api_refuses_a_nul_byte_and_names_the_parameter(client, search_backend, params, field):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert "NUL" in response.json()["error"]


def test_suggestions_answer_an_empty_list_for_a_nul_byte(client, search_backend):
    response = client.get("/szukaj/podpowiedzi/", {"q": "uch\x00"})
    assert response.status_code == 200
    assert response.json() == {"suggestions": []}
