"""Who reaches the small grant screens and the call for corrections: every role, incl.
the representatives of this and another organisation and an official of another
municipality; the officials' list costs the same queries for few and many offers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grants.models import OfferStatus
from grants.services import small as service
from grants.small_factories import complete_small_offer

from .small_fixtures import *  # noqa: F403 - fixtures
from .test_permissions import ROLES, answer

pytestmark = pytest.mark.django_db

# anonymous: to log in; the offer's municipality's officials and administrators only
PER_OFFER = dict(zip(ROLES, [302, 404, 404, 404, 404, 200, 404, 200], strict=True))
# every official has the list (of their own municipalities' offers)
LIST = dict(zip(ROLES, [302, 404, 404, 404, 404, 200, 200, 200], strict=True))
# the offer itself: its organisation and the municipality's officials
OFFER = dict(zip(ROLES, [302, 404, 200, 404, 404, 200, 404, 200], strict=True))


@pytest.mark.parametrize("role", ROLES)
def test_the_small_grants_list_is_for_officials(client, request, small_offer, role):
    response_status = answer(client, request, role, reverse("grants:small_offers"))
    assert response_status == LIST[role]
    if role == "other_official":
        page = client.get(reverse("grants:small_offers")).content.decode()
        assert small_offer.title not in page


@pytest.mark.parametrize("screen", ["publish_small_offer", "decide_small_offer"])
@pytest.mark.parametrize("role", ROLES)
def test_publishing_and_deciding_are_for_the_municipalitys_officials(
    client, request, small_offer, consultation_index, screen, role
):
    url = reverse(f"grants:{screen}", args=[small_offer.pk])
    assert answer(client, request, role, url) == PER_OFFER[role]


@pytest.mark.parametrize("role", ROLES)
def test_a_published_offer_is_read_by_its_organisation_and_the_officials(
    client, request, published, small_offer, role
):
    assert answer(client, request, role, small_offer.get_absolute_url()) == OFFER[role]


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_small_offer_has_no_officials_screens(client, request, city, organisation, role):
    draft = complete_small_offer(municipality=city, organisation=organisation)
    url = reverse("grants:publish_small_offer", args=[draft.pk])
    expected = 302 if role == "anonymous" else 404
    assert answer(client, request, role, url) == expected


@pytest.mark.parametrize("role", ROLES)
def test_the_call_for_corrections_is_for_the_call_s_officials(client, request, draft, role):
    draft.status = OfferStatus.FORMALLY_REJECTED
    draft.save()
    url = reverse("grants:request_corrections", args=[draft.pk])
    expected = dict(zip(ROLES, [302, 404, 404, 404, 404, 200, 404, 200], strict=True))
    assert answer(client, request, role, url) == expected[role]


def count_list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("grants:small_offers")).status_code == 200
    return len(queries)


def test_the_officials_list_costs_the_same_for_few_and_many_offers(
    client, official, city, organisation, consultation_index
):
    client.force_login(official)

    def add(n):
        for _ in range(n):
            offer = complete_small_offer(
                municipality=city, organisation=organisation, status="submitted"
            )
            service.publish_for_comments(offer=offer, user=official)
            complete_small_offer(municipality=city, organisation=organisation, status="submitted")

    add(1)
    count_list_queries(client)  # once to warm the site's caches
    few = count_list_queries(client)
    add(8)
    assert count_list_queries(client) == few
