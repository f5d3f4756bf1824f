"""Who reaches each grants screen: every role of the brief, incl. an official of another
municipality and a committee member before and after the declaration."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Role
from grants.factories import complete_offer
from grants.models import CommitteeMember, OfferStatus

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "resident",
    "ngo_user",
    "other_ngo_user",
    "editor",
    "official",
    "other_official",
    "administrator",
]


def answer(client, request, role, url):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client.get(url).status_code


OFFICIAL_SCREENS = ["call_terms", "call_cancel", "call_offers", "committee"]
# anonymous: to log in; only the call's municipality's officials and administrators get in
EXPECTED_OFFICIAL = dict(zip(ROLES, [302, 404, 404, 404, 404, 200, 404, 200], strict=True))


@pytest.mark.parametrize("screen", OFFICIAL_SCREENS)
@pytest.mark.parametrize("role", ROLES)
def test_call_screens_are_for_the_municipalitys_officials(client, request, call, screen, role):
    url = reverse(f"grants:{screen}", args=[call.pk])
    assert answer(client, request, role, url) == EXPECTED_OFFICIAL[role]


DRAFT_EXPECTED = dict(zip(ROLES, [302, 404, 200, 404, 404, 404, 404, 404], strict=True))
SUBMITTED_EXPECTED = dict(zip(ROLES, [302, 404, 200, 404, 404, 200, 404, 200], strict=True))


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_is_seen_by_its_organisation_only(client, request, draft, role):
    assert answer(client, request, role, draft.get_absolute_url()) == DRAFT_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_offer_is_seen_by_its_organisation_and_the_officials(
    client, request, draft, role
):
    draft.status = OfferStatus.SUBMITTED
    draft.save()
    assert answer(client, request, role, draft.get_absolute_url()) == SUBMITTED_EXPECTED[role]
    pdf = reverse("grants:offer_download", args=[draft.pk, "pdf"])
    assert answer(client, request, role, pdf) == SUBMITTED_EXPECTED[role]


@pytest.mark.parametrize("role", ROLES)
def test_formal_check_and_decision_for_the_municipalitys_officials(client, request, draft, role):
    draft.status = OfferStatus.SUBMITTED
    draft.save()
    for screen in ("formal_check", "decision"):
        url = reverse(f"grants:{screen}", args=[draft.pk])
        client.logout()
        assert answer(client, request, role, url) == EXPECTED_OFFICIAL[role], screen


def test_committee_member_sees_the_offer_only_after_the_declaration(client, call, organisation):
    call.offer_deadline = timezone.now() - datetime.timedelta(days=1)
    call.save()
    offer = complete_offer(call=call, organisation=organisation, status=OfferStatus.ACCEPTED)
    member = UserFactory(username="komisja", roles=[Role.RESIDENT])
    client.force_login(member)
    url = reverse("grants:evaluate", args=[offer.pk])
    assert client.get(url).status_code == 404  # not a member yet
    CommitteeMember.objects.create(call=call, user=member, kind="ngo")
    before = client.get(url).content.decode()
    assert "Warsztaty dla mieszkańców" not in before
    assert client.get(offer.get_absolute_url()).status_code == 404
    client.post(url, {"declaration": "yes"})
    assert "Warsztaty dla mieszkańców" in client.get(url).content.decode()
    assert client.get(reverse("grants:my_evaluations", args=[call.pk])).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_starting_an_offer_is_for_ngo_representatives(client, request, call, role):
    expected = {"anonymous": 302, "ngo_user": 200, "other_ngo_user": 200}.get(role, 404)
    url = reverse("grants:start_call_offer", args=[call.pk])
    assert answer(client, request, role, url) == expected
