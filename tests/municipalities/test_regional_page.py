"""The operator's regional page: what is open now across the municipalities."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms_pages import factories as cms
from cms_pages.models import CallIndexPage, EventIndexPage
from consultations.models import ConsultationIndexPage
from municipalities.factories import rural_municipality
from tests.consultations.conftest import make_consultation

pytestmark = pytest.mark.django_db


def _open_items(municipality, n=1):
    home = municipality.home_page
    now = timezone.now()
    consultations = ConsultationIndexPage.objects.child_of(home).get()
    calls = CallIndexPage.objects.child_of(home).get()
    events = EventIndexPage.objects.child_of(home).get()
    for i in range(n):
        make_consultation(consultations, "open", title=f"Konsultacje {municipality.slug} {i}")
        cms.CallForProposalsPageFactory(
            parent=calls,
            title=f"Konkurs {municipality.slug} {i}",
            offer_deadline=now + datetime.timedelta(days=10 + i),
        )
        cms.EventPageFactory(
            parent=events,
            title=f"Spotkanie {municipality.slug} {i}",
            start=now + datetime.timedelta(days=3 + i),
            end=now + datetime.timedelta(days=3 + i, hours=2),
        )


def test_lists_open_items_of_every_municipality_with_its_name(client, operator):
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa")
    beta = rural_municipality(2, name="Gmina Beta", slug="beta")
    _open_items(alfa)
    _open_items(beta)
    make_consultation(
        ConsultationIndexPage.objects.child_of(beta.home_page).get(),
        "closed",
        title="Zamknięte konsultacje beta",
    )
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    for slug in ("alfa", "beta"):
        for kind in ("Konsultacje", "Konkurs", "Spotkanie"):
            assert f"{kind} {slug} 0" in html
    assert "Zamknięte konsultacje beta" not in html
    calls = response.context["calls"]
    assert {c.in_municipality.name for c in calls} == {"Gmina Alfa", "Gmina Beta"}
    assert all(c.in_municipality.name.lower().endswith(c.title.split()[1]) for c in calls)


def test_filter_by_municipality(client, operator):
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa")
    beta = rural_municipality(2, name="Gmina Beta", slug="beta")
    _open_items(alfa)
    _open_items(beta)
    html = client.get("/", {"gmina": "beta"}).content.decode()
    assert "Konkurs beta 0" in html
    assert "Konkurs alfa 0" not in html
    assert "Open now in Gmina Beta" in html or "Otwarte teraz: Gmina Beta" in html


def test_unknown_municipality_in_the_filter_shows_the_whole_region(client, operator):
    alfa = rural_municipality(1, name="Gmina Alfa", slug="alfa")
    _open_items(alfa)
    response = client.get("/", {"gmina": "nie-ma-takiej"})
    assert response.status_code == 200
    assert "Konkurs alfa 0" in response.content.decode()
    assert response.context["filter_form"].errors


def _count_queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_municipalities(client, operator):
    first = rural_municipality(1)
    _open_items(first, n=2)
    with_one = _count_queries(client, "/")
    for n in range(2, 21):
        _open_items(rural_municipality(n), n=2)
    with_twenty = _count_queries(client, "/")
    assert with_twenty == with_one


@pytest.mark.timeout(900)  # builds 20 municipalities with content
def test_municipality_home_page_query_count_does_not_grow_with_municipalities(client, operator):
    first = rural_municipality(1)
    _open_items(first, n=2)
    url = first.home_page.get_url()
    with_one = _count_queries(client, url)
    for n in range(2, 21):
        _open_items(rural_municipality(n), n=2)
    assert _count_queries(client, url) == with_one
