"""Public pages: accepted initiatives only, never the residents' personal data, and the
same number of queries for 1 or 30 initiatives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from initiatives.factories import ApplicationFactory, accept, make_agreement, make_result
from initiatives.models import ResultPhoto, Status


def accepted_initiatives(municipality, applicant, n):
    made = []
    for _ in range(n):
        application = accept(ApplicationFactory(municipality=municipality, created_by=applicant))
        make_agreement(application)
        result = make_result(application)
        ResultPhoto.objects.create(
            result=result, image="initiatives/photos/x/a.png", alt_text="Ławki"
        )
        made.append(application)
    return made


def test_only_accepted_initiatives_are_listed(client, submitted, draft, setup_a, applicant):
    refused = ApplicationFactory(
        municipality=setup_a.municipality,
        created_by=applicant,
        status=Status.REFUSED,
        title="Odrzucony wniosek",
    )
    [accepted] = accepted_initiatives(setup_a.municipality, applicant, 1)
    html = client.get(
        reverse("initiatives:municipality", args=[setup_a.municipality.slug])
    ).content.decode()
    assert accepted.title in html
    for hidden in (submitted, draft, refused):
        assert hidden.title not in html


def test_personal_data_is_never_public(client, setup_a, applicant):
    [accepted] = accepted_initiatives(setup_a.municipality, applicant, 1)
    pages = [
        reverse("initiatives:municipality", args=[setup_a.municipality.slug]),
        reverse("initiatives:detail", args=[setup_a.municipality.slug, accepted.pk]),
        reverse("initiatives:index"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        for secret in ("Anna Przykładowa", "Klonowa 3", applicant.last_name, applicant.email):
            assert secret not in html, (url, secret)
    detail = client.get(pages[1]).content.decode()
    assert "Mieszkańcy ulicy Klonowej" in detail


def test_an_empty_municipality_says_so(client, setup_a):
    html = client.get(
        reverse("initiatives:municipality", args=[setup_a.municipality.slug])
    ).content.decode()
    assert 'id="initiative-list-empty"' in html


def count_queries(client, url) -> int:
    """Queries of a warm request (the first one also loads the site and the session)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["municipality", "index", "official_list", "my_applications"])
def test_list_pages_cost_the_same_for_1_and_30_initiatives(
    client, setup_a, applicant, official_a, page
):
    urls = {
        "municipality": reverse("initiatives:municipality", args=[setup_a.municipality.slug]),
        "index": reverse("initiatives:index"),
        "official_list": reverse("initiatives:official_list", args=[setup_a.municipality.slug]),
        "my_applications": reverse("initiatives:my_applications"),
    }
    client.force_login(official_a if page == "official_list" else applicant)
    accepted_initiatives(setup_a.municipality, applicant, 1)
    small = count_queries(client, urls[page])
    accepted_initiatives(setup_a.municipality, applicant, 29)
    large = count_queries(client, urls[page])
    assert small == large, (small, large)
    assert large <= 13


def test_detail_page_queries_do_not_grow_with_photos(
    client, setup_a, applicant, django_assert_max_num_queries
):
    [accepted] = accepted_initiatives(setup_a.municipality, applicant, 1)
    for n in range(10):
        ResultPhoto.objects.create(
            result=accepted.result, image=f"initiatives/photos/x/{n}.png", alt_text=f"Zdjęcie {n}"
        )
    url = reverse("initiatives:detail", args=[setup_a.municipality.slug, accepted.pk])
    client.get(url)
    with django_assert_max_num_queries(7):
        client.get(reverse("initiatives:detail", args=[setup_a.municipality.slug, accepted.pk]))
