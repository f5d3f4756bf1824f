"""Formal corrections: after a formal check that found errors, the offeror gets the
call's number of days to correct the listed parts, submits again (history kept) and
is checked again; after the deadline the offer is rejected with the reason."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from grants.corrections import ITEMS
from grants.factories import complete_offer
from grants.models import (
    CallCriterion,
    FormalCorrection,
    GrantEvent,
    Offer,
    OfferStatus,
    OfferVersion,
)
from grants.notifications import notify_corrections
from grants.services import corrections as service
from grants.services import evaluation
from grants.services import offers as offer_service
from grants.services.offers import OFFER_FIELDS, TABLES

from .test_offers import posted

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")
# The call's deadline has passed; the formal check happens on a Monday morning.
CHECKED = datetime.datetime(2026, 5, 4, 9, 0, tzinfo=WARSAW)


@pytest.fixture
def clock():
    with freeze_time(CHECKED) as frozen:
        yield frozen


@pytest.fixture
def rejected(clock, terms, organisation, ngo_user, official):
    """An offer of a closed call whose formal check found a declaration missing; the
    call allows five days for corrections."""
    terms.corrections_allowed_days = 5
    terms.save()
    call = terms.call
    call.offer_deadline = CHECKED - datetime.timedelta(days=2)
    call.save()
    offer = complete_offer(
        call=call,
        organisation=organisation,
        user=ngo_user,
        status="submitted",
        declared_personal_data=False,
    )
    submitted_at = CHECKED - datetime.timedelta(days=3)
    Offer.objects.filter(pk=offer.pk).update(submitted_at=submitted_at)
    OfferVersion.objects.create(
        offer=offer, number=1, submitted_at=submitted_at, data=offer_service.snapshot(offer)
    )
    criteria = CallCriterion.objects.filter(terms=terms, kind="formal")
    evaluation.formal_check(
        offer=offer, user=official, met={c.pk: False for c in criteria}, note="Brak zgody."
    )
    offer.refresh_from_db()
    return offer


def ask(client, offer, **data):
    url = reverse("grants:request_corrections", args=[offer.pk])
    return client.post(url, {"items": ["declarations"], "note": "Proszę o zgodę RODO."} | data)


def test_every_field_and_table_of_the_offer_is_in_one_part():
    fields = [f for item in ITEMS.values() for f in item.fields]
    tables = [t for item in ITEMS.values() for t in item.tables]
    assert sorted(fields) == sorted(OFFER_FIELDS) and sorted(tables) == sorted(TABLES)


def test_the_official_gives_the_call_s_days_and_the_offeror_is_mailed_once(
    client, official, rejected, django_capture_on_commit_callbacks
):
    client.force_login(official)
    url = reverse("grants:request_corrections", args=[rejected.pk])
    assert 'name="items"' in client.get(url).content.decode()
    assert ask(client, rejected, items=[]).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(client, rejected).status_code == 302
    rejected.refresh_from_db()
    correction = rejected.formal_correction
    assert rejected.status == OfferStatus.CORRECTION
    assert correction.due_date == datetime.date(2026, 5, 9) and correction.items == ["declarations"]
    assert len(mail.outbox) == 1 and rejected.email in mail.outbox[0].to
    assert "09.05.2026" in mail.outbox[0].body and "Proszę o zgodę RODO." in mail.outbox[0].body
    assert notify_corrections.call(correction.pk) is False  # once only
    assert GrantEvent.objects.filter(offer=rejected, action="formal_correction_requested").exists()
    listing = client.get(reverse("grants:call_offers", args=[rejected.call_id])).content.decode()
    assert "09.05.2026" in listing


def test_no_corrections_where_the_call_does_not_allow_them(client, official, rejected, terms):
    terms.corrections_allowed_days = 0
    terms.save()
    client.force_login(official)
    url = reverse("grants:request_corrections", args=[rejected.pk])
    assert 'id="corrections-refused"' in client.get(url).content.decode()
    assert ask(client, rejected).status_code == 302
    assert not FormalCorrection.objects.exists()


def test_corrections_follow_a_failed_formal_check_once(official, rejected):
    service.request_corrections(offer=rejected, user=official, items=["declarations"], note="x")
    Offer.objects.filter(pk=rejected.pk).update(status=OfferStatus.FORMALLY_REJECTED)
    with pytest.raises(service.CorrectionRefused):
        service.request_corrections(offer=rejected, user=official, items=["costs"], note="y")
    accepted = complete_offer(call=rejected.call, organisation=rejected.organisation)
    Offer.objects.filter(pk=accepted.pk).update(status=OfferStatus.ACCEPTED)
    accepted.refresh_from_db()
    with pytest.raises(service.CorrectionRefused):
        service.request_corrections(offer=accepted, user=official, items=["costs"], note="z")


def test_the_offeror_changes_only_the_listed_parts_and_submits_again(
    client, official, ngo_user, rejected
):
    service.request_corrections(
        offer=rejected, user=official, items=["declarations"], note="Zgoda RODO."
    )
    rejected.refresh_from_db()
    client.force_login(ngo_user)
    form = client.get(rejected.get_absolute_url()).content.decode()
    assert 'id="correction-notice"' in form
    assert re.search(r'<input[^>]*name="title"[^>]*disabled', form)
    assert not re.search(r'<input[^>]*name="declared_personal_data"[^>]*disabled', form)
    data = posted(rejected, title="Inny tytuł", declared_personal_data="on", action="submit")
    data["costs-0-unit_cost"] = "1,00"  # not listed either: ignored
    response = client.post(rejected.get_absolute_url(), data)
    assert response.status_code == 302
    rejected.refresh_from_db()
    assert rejected.status == OfferStatus.SUBMITTED and rejected.declared_personal_data
    assert rejected.title != "Inny tytuł"
    assert rejected.cost_lines.order_by("position").first().unit_cost == 100
    assert list(rejected.versions.values_list("number", flat=True)) == [1, 2]
    assert rejected.formal_correction.resubmitted_at is not None
    criteria = CallCriterion.objects.filter(terms__call=rejected.call, kind="formal")
    evaluation.formal_check(offer=rejected, user=official, met={c.pk: True for c in criteria})
    rejected.refresh_from_db()
    assert rejected.status == OfferStatus.ACCEPTED


def test_the_deadline_is_the_end_of_the_polish_day(clock, official, ngo_user, rejected):
    service.request_corrections(offer=rejected, user=official, items=["declarations"], note="x")
    Offer.objects.filter(pk=rejected.pk).update(declared_personal_data=True)
    clock.move_to(datetime.datetime(2026, 5, 9, 23, 59, tzinfo=WARSAW))
    assert service.expire_overdue() == 0
    offer_service.submit_offer(offer=Offer.objects.get(pk=rejected.pk), user=ngo_user)
    assert Offer.objects.get(pk=rejected.pk).status == OfferStatus.SUBMITTED


def test_after_the_deadline_the_offer_is_rejected_with_the_reason(
    client, clock, official, ngo_user, rejected
):
    service.request_corrections(offer=rejected, user=official, items=["declarations"], note="x")
    clock.move_to(datetime.datetime(2026, 5, 10, 0, 0, tzinfo=WARSAW))
    with pytest.raises(offer_service.OfferRefused):
        offer_service.submit_offer(offer=Offer.objects.get(pk=rejected.pk), user=ngo_user)
    call_command("close_overdue_corrections")
    call_command("close_overdue_corrections")  # a second run changes nothing
    rejected.refresh_from_db()
    assert rejected.status == OfferStatus.FORMALLY_REJECTED
    assert "09.05.2026" in rejected.formal_note and "Brak zgody." in rejected.formal_note
    expired = GrantEvent.objects.filter(offer=rejected, action="formal_correction_expired")
    assert expired.count() == 1
    client.force_login(ngo_user)
    page = client.get(rejected.get_absolute_url()).content.decode()
    assert 'id="formal-correction"' in page and 'name="version"' not in page


def test_the_offer_page_rejects_an_overdue_correction_at_once(
    client, clock, official, ngo_user, rejected
):
    service.request_corrections(offer=rejected, user=official, items=["declarations"], note="x")
    clock.move_to(datetime.datetime(2026, 5, 12, 8, 0, tzinfo=WARSAW))
    client.force_login(ngo_user)
    response = client.post(rejected.get_absolute_url(), posted(rejected))
    assert response.status_code == 302
    rejected.refresh_from_db()
    assert rejected.status == OfferStatus.FORMALLY_REJECTED


def test_the_results_wait_for_offers_being_corrected(clock, official, rejected):
    service.request_corrections(offer=rejected, user=official, items=["declarations"], note="x")
    with pytest.raises(evaluation.EvaluationRefused) as refused:
        evaluation.publish_results(call=rejected.call, user=official)
    assert "09.05.2026" in refused.value.message
    clock.move_to(timezone.now() + datetime.timedelta(days=7))
    evaluation.publish_results(call=rejected.call, user=official)  # expired first
    rejected.refresh_from_db()
    assert rejected.status == OfferStatus.FORMALLY_REJECTED
