import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from grants.factories import complete_offer
from grants.models import CallCriterion, CommitteeMember, GrantEvent, OfferStatus
from grants.services import evaluation as service

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_call(call):
    call.offer_deadline = timezone.now() - datetime.timedelta(days=1)
    call.save()
    return call


@pytest.fixture
def submitted(closed_call, organisation, ngo_user):
    return complete_offer(
        call=closed_call, organisation=organisation, user=ngo_user, status="submitted"
    )


@pytest.fixture
def member(closed_call, official):
    return CommitteeMember.objects.create(call=closed_call, user=official, kind="official")


def formal_data(call, met=True):
    data = {"note": ""}
    for c in CallCriterion.objects.filter(terms__call=call, kind="formal"):
        if met:
            data[f"c{c.pk}"] = "on"
    return data


def test_formal_check_passes_or_rejects(client, official, submitted, closed_call):
    client.force_login(official)
    url = reverse("grants:formal_check", args=[submitted.pk])
    assert client.get(url).status_code == 200
    client.post(url, formal_data(closed_call, met=False) | {"note": "Brak podpisu."})
    submitted.refresh_from_db()
    assert submitted.status == OfferStatus.FORMALLY_REJECTED
    client.post(url, formal_data(closed_call))
    submitted.refresh_from_db()
    assert submitted.status == OfferStatus.ACCEPTED
    assert GrantEvent.objects.filter(offer=submitted, action="offer_formally_accepted").exists()


def test_formal_check_waits_for_the_deadline(official, call, organisation):
    offer = complete_offer(call=call, organisation=organisation, status="submitted")
    with pytest.raises(service.EvaluationRefused):
        service.formal_check(offer=offer, user=official, met={})


def test_member_must_declare_before_seeing_the_offer(client, official, member, submitted):
    submitted.status = OfferStatus.ACCEPTED
    submitted.save()
    client.force_login(official)
    url = reverse("grants:evaluate", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert "Warsztaty dla mieszkańców" not in page  # the description stays hidden
    assert 'name="declaration"' in page
    client.post(url, {"declaration": "yes"})
    page = client.get(url).content.decode()
    assert "Warsztaty dla mieszkańców" in page
    criteria = CallCriterion.objects.filter(terms__call=submitted.call, kind="substantive")
    too_many = {f"c{c.pk}": "99" for c in criteria}
    response = client.post(url, too_many)
    assert response.status_code == 400 and "error-summary" in response.content.decode()
    client.post(url, {f"c{c.pk}": "4" for c in criteria})
    assert member.scores.count() == criteria.count()


def test_member_linked_to_the_offeror_cannot_score(submitted, organisation, closed_call):
    linked = MembershipFactory(organisation=organisation).user
    seat = CommitteeMember.objects.create(call=closed_call, user=linked, kind="official")
    submitted.status = OfferStatus.ACCEPTED
    submitted.save()
    with pytest.raises(service.EvaluationRefused):
        service.declare(member=seat, offer=submitted, no_conflict=True)
    service.declare(member=seat, offer=submitted, no_conflict=False)
    assert not service.may_score(seat, submitted)


def test_nominee_of_a_participating_organisation_is_refused(submitted, organisation, official):
    nominee = MembershipFactory(organisation=organisation).user
    with pytest.raises(service.EvaluationRefused):
        service.add_member(call=submitted.call, user=nominee, kind="ngo", by=official)
    outsider = UserFactory(username="nominee", roles=[Role.RESIDENT])
    assert service.add_member(call=submitted.call, user=outsider, kind="ngo", by=official)


def test_committee_screen_adds_members(client, official, closed_call):
    UserFactory(username="czlonek", email="czlonek@example.org", roles=[Role.RESIDENT])
    client.force_login(official)
    url = reverse("grants:committee", args=[closed_call.pk])
    response = client.post(url, {"person": "czlonek@example.org", "kind": "ngo"})
    assert response.status_code == 302
    assert client.post(url, {"person": "nikt", "kind": "ngo"}).status_code == 400


def test_decision_publication_feed_and_one_mail_each(
    client,
    official,
    member,
    submitted,
    closed_call,
    organisation,
    django_capture_on_commit_callbacks,
):
    submitted.status = OfferStatus.ACCEPTED
    submitted.save()
    service.declare(member=member, offer=submitted, no_conflict=True)
    criteria = CallCriterion.objects.filter(terms__call=closed_call, kind="substantive")
    service.score(member=member, offer=submitted, points={c.pk: Decimal("5") for c in criteria})
    client.force_login(official)
    url = reverse("grants:decision", args=[submitted.pk])
    page = client.get(url).content.decode()
    assert "25" in page  # the member's total
    too_much = client.post(url, {"decision": "grant", "amount": "999 999,00"})
    assert too_much.status_code == 400
    assert client.post(url, {"decision": "grant", "amount": "1 500,00"}).status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == OfferStatus.GRANTED and submitted.granted_amount == Decimal("1500")
    results_json = reverse("grants:results_json", args=[closed_call.pk])
    assert client.get(results_json).status_code == 404  # not yet published
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("grants:publish_results", args=[closed_call.pk]))
    assert len(mail.outbox) == 1
    from grants.tasks import notify_applicants

    assert notify_applicants.call(closed_call.pk) == 0  # once only
    client.logout()
    data = client.get(results_json).json()
    assert data["results"][0]["granted"] == "1500.00" and data["results"][0]["points"] == "25.00"
    csv_text = client.get(reverse("grants:results_csv", args=[closed_call.pk])).content.decode()
    assert organisation.name in csv_text
    feed = client.get(reverse("grants:results_feed", args=[closed_call.pk]))
    assert feed.status_code == 200 and b"<feed" in feed.content
    closed_call.refresh_from_db()
    page = client.get(closed_call.url).content.decode()
    assert "1 500,00" in page.replace("\xa0", " ")


def test_refusal_needs_a_reason(client, official, submitted):
    submitted.status = OfferStatus.ACCEPTED
    submitted.save()
    client.force_login(official)
    url = reverse("grants:decision", args=[submitted.pk])
    assert client.post(url, {"decision": "refuse", "reason": ""}).status_code == 400
    client.post(url, {"decision": "refuse", "reason": "Za mało punktów."})
    submitted.refresh_from_db()
    assert submitted.status == OfferStatus.REFUSED


def test_publishing_waits_for_every_decision(official, submitted):
    submitted.status = OfferStatus.ACCEPTED
    submitted.save()
    with pytest.raises(service.EvaluationRefused):
        service.publish_results(call=submitted.call, user=official)
