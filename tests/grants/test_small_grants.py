"""Small grants (art. 19a): the simplified offer's limits, seven days of public comments
on a consultation page, the decision after them and the yearly limit per authority."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from freezegun import freeze_time

from accounts.factories import UserFactory
from accounts.models import Role
from consultations import services as consultations
from consultations.factories import ClauseFactory, ConsultationPageFactory, DraftActVersionFactory
from consultations.models import ConsultationComment, ConsultationPage, ModerationEvent, Phase
from grants.models import GrantEvent, Offer, OfferStatus, SmallGrantPublication
from grants.notifications import notify_small_grant_decision
from grants.services import offers as offer_service
from grants.services import small as service
from grants.small_factories import complete_small_offer

from .small_fixtures import *  # noqa: F403 - fixtures
from .small_fixtures import PUBLISHED, WARSAW

pytestmark = pytest.mark.django_db
WEEK = datetime.timedelta(days=7)


def test_the_simplified_offer_is_refused_over_10_000_zl_or_90_days(city, organisation, ngo_user):
    offer = complete_small_offer(municipality=city, organisation=organisation, lines=12)
    Offer.objects.filter(pk=offer.pk).update(
        grant_requested=Decimal("10800.00"), own_financial=Decimal("1200.00")
    )
    with pytest.raises(offer_service.OfferRefused) as refused:
        offer_service.submit_offer(offer=Offer.objects.get(pk=offer.pk), user=ngo_user)
    assert {p.field for p in refused.value.problems} == {"grant_requested"}
    offer = complete_small_offer(
        municipality=city, organisation=organisation, start=datetime.date(2026, 6, 1)
    )
    Offer.objects.filter(pk=offer.pk).update(end_date=datetime.date(2026, 8, 30))  # 91 days
    with pytest.raises(offer_service.OfferRefused) as refused:
        offer_service.submit_offer(offer=Offer.objects.get(pk=offer.pk), user=ngo_user)
    assert "end_date" in {p.field for p in refused.value.problems}
    Offer.objects.filter(pk=offer.pk).update(end_date=datetime.date(2026, 8, 29))  # 90 days
    offer_service.submit_offer(offer=Offer.objects.get(pk=offer.pk), user=ngo_user)
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED


def test_publishing_opens_a_consultation_for_exactly_seven_days(
    client, clock, official, small_offer, consultation_index
):
    client.force_login(official)
    url = reverse("grants:publish_small_offer", args=[small_offer.pk])
    preview = client.get(url).content.decode()
    assert "Warsztaty dla mieszkańców osiedla." in preview
    assert "Anna Przykładowa" not in preview  # the contact person is not published
    response = client.post(url)
    assert response.status_code == 302
    publication = SmallGrantPublication.objects.get(offer=small_offer)
    page = ConsultationPage.objects.get()
    assert publication.consultation == page and page.small_grant.offer == small_offer
    assert page.get_parent().pk == consultation_index.pk and page.live
    assert page.start_at == PUBLISHED and page.end_at == PUBLISHED + WEEK
    assert publication.closes_at == page.end_at
    assert GrantEvent.objects.filter(offer=small_offer, action="small_grant_published").exists()
    assert page in ConsultationPage.objects.child_of(consultation_index).open()


def test_the_public_page_shows_the_offer_without_personal_data(client, published, small_offer):
    html = client.get(published.consultation.url).content.decode()
    for public in ("Warsztaty dla mieszkańców osiedla.", small_offer.organisation.name, "25 osób"):
        assert public in html
    for private in (
        "Anna Przykładowa",
        "600 000 000",
        "Jan Instruktorski",
        small_offer.email,
        small_offer.phone,
        small_offer.address,
    ):
        assert not private or private not in html
    assert "Comment on the offer as a whole" in html or "Zgłoś uwagę do całej oferty" in html
    assert "act as a whole" not in html and "całego aktu" not in html


def test_a_draft_act_s_page_keeps_its_own_wording(client, published, consultation_index):
    page = ConsultationPageFactory(parent=consultation_index)
    version = DraftActVersionFactory(consultation=page, number=1)
    ClauseFactory(version=version, position=1, label="§ 1", anchor="par-1")
    html = client.get(page.url).content.decode()
    assert "Comment on the act as a whole" in html or "Zgłoś uwagę do całego aktu" in html
    assert "offer as a whole" not in html and "całej oferty" not in html
    assert 'id="maly-grant"' not in html


def test_the_comment_week_crossing_summer_time_is_seven_polish_days(
    official, small_offer, consultation_index
):
    start = datetime.datetime(2026, 3, 26, 10, 0, tzinfo=WARSAW)  # clocks change on 29 March
    with freeze_time(start):
        publication = service.publish_for_comments(offer=small_offer, user=official)
    end = publication.consultation.end_at.astimezone(WARSAW)
    assert (end.date(), end.hour, end.minute) == (datetime.date(2026, 4, 2), 10, 0)
    elapsed = end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC)
    assert elapsed == WEEK - datetime.timedelta(hours=1)  # a short night: 167 hours


def test_anyone_may_comment_with_the_consultations_rules(
    client, request, clock, published, resident, ngo_user, official, settings
):
    page = published.consultation
    client.force_login(resident)
    url = reverse("consultations:comment_form", args=[page.pk])
    response = client.post(url, {"comment": "Czy warsztaty będą też w niedzielę?"})
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert comment.consultation_id == page.pk
    settings.CONSULTATIONS_COMMENT_RATE = 1  # the rate limit is the consultations' own
    refused = client.post(url, {"comment": "Druga uwaga w tej samej minucie."})
    assert refused.status_code == 403 and ConsultationComment.objects.count() == 1
    assert consultations.flag_comment(comment=comment, user=ngo_user)
    assert ModerationEvent.objects.filter(comment=comment, action="flag").exists()
    # Moderation is for the officials of the municipality (the window moves under the
    # regional operator's page when the other municipality is added: read users afresh).
    other_official = request.getfixturevalue("other_official")
    with pytest.raises(PermissionDenied):
        consultations.hide_comment(comment=comment, reason="Spam", by=other_official)
    official = type(official).objects.get(pk=official.pk)
    comment = ConsultationComment.objects.get(pk=comment.pk)
    consultations.hide_comment(comment=comment, reason="Poza tematem", by=official)
    clock.move_to(PUBLISHED + WEEK)
    page.refresh_from_db()
    assert page.phase == Phase.CLOSED
    with pytest.raises(consultations.CommentRefused):
        consultations.post_comment(
            consultation=page,
            user=UserFactory(roles=[Role.RESIDENT]),
            text=consultations.CommentText(comment="Za późno."),
        )


def decision(client, offer, **data):
    url = reverse("grants:decide_small_offer", args=[offer.pk])
    return client.post(url, {"decision": "grant", "amount": "1 500,00", "reason": ""} | data)


def test_deciding_before_the_week_ends_is_politely_refused(
    client, clock, published, small_offer, official
):
    client.force_login(official)
    clock.move_to(PUBLISHED + WEEK - datetime.timedelta(seconds=1))
    url = reverse("grants:decide_small_offer", args=[small_offer.pk])
    page = client.get(url).content.decode()
    assert 'id="week-not-over"' in page and 'name="decision"' not in page
    response = decision(client, small_offer)
    assert response.status_code == 400
    assert "11.05.2026 10:00" in response.content.decode()
    small_offer.refresh_from_db()
    assert small_offer.status == OfferStatus.SUBMITTED and not mail.outbox


def test_after_the_week_the_official_sees_the_comments_and_grants_once(
    client, clock, published, small_offer, official, resident, django_capture_on_commit_callbacks
):
    consultations.post_comment(
        consultation=published.consultation,
        user=resident,
        text=consultations.CommentText(comment="Popieram, to potrzebne na osiedlu."),
    )
    clock.move_to(PUBLISHED + WEEK)
    client.force_login(official)
    url = reverse("grants:decide_small_offer", args=[small_offer.pk])
    assert "Popieram, to potrzebne na osiedlu." in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert decision(client, small_offer).status_code == 302
    small_offer.refresh_from_db()
    assert small_offer.status == OfferStatus.GRANTED
    assert small_offer.granted_amount == Decimal("1500.00")
    assert len(mail.outbox) == 1 and small_offer.email in mail.outbox[0].to
    assert "1 500,00" in mail.outbox[0].body.replace("\xa0", " ")
    assert notify_small_grant_decision.call(small_offer.pk) is False  # once only
    with django_capture_on_commit_callbacks(execute=True):
        again = decision(client, small_offer, amount="1 000,00")
    assert again.status_code == 400 and len(mail.outbox) == 1
    html = client.get(published.consultation.url).content.decode()
    assert 'id="small-grant-decision"' in html


def test_a_refusal_needs_its_reason_and_is_mailed(
    client, clock, published, small_offer, official, django_capture_on_commit_callbacks
):
    clock.move_to(PUBLISHED + WEEK)
    client.force_login(official)
    assert decision(client, small_offer, decision="refuse").status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = decision(client, small_offer, decision="refuse", reason="Zadanie poza zakresem.")
    assert response.status_code == 302
    small_offer.refresh_from_db()
    assert small_offer.status == OfferStatus.REFUSED
    assert len(mail.outbox) == 1 and "Zadanie poza zakresem." in mail.outbox[0].body


def test_an_unpublished_offer_is_not_decided_and_cannot_be_reopened_once_published(
    official, small_offer, ngo_user, consultation_index
):
    with pytest.raises(service.SmallGrantRefused):
        service.decide_small(offer=small_offer, user=official, amount=Decimal("100"))
    service.publish_for_comments(offer=small_offer, user=official)
    with pytest.raises(service.SmallGrantRefused):
        service.publish_for_comments(offer=small_offer, user=official)
    with pytest.raises(offer_service.OfferRefused):
        offer_service.start_correction(offer=small_offer, user=ngo_user)


def test_a_draft_is_not_published(official, city, organisation, consultation_index):
    draft = complete_small_offer(municipality=city, organisation=organisation)
    with pytest.raises(service.SmallGrantRefused):
        service.publish_for_comments(offer=draft, user=official)
    assert not ConsultationPage.objects.exists()


def granted(city, organisation, amount, decided_at):
    offer = complete_small_offer(municipality=city, organisation=organisation, status="submitted")
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.GRANTED, granted_amount=Decimal(amount), decided_at=decided_at
    )
    return offer


def test_the_yearly_limit_counts_this_authoritys_small_grants_of_the_calendar_year(
    client, clock, published, small_offer, official, city, organisation
):
    from municipalities.factories import rural_municipality

    granted(city, organisation, "10000", datetime.datetime(2026, 1, 2, 9, 0, tzinfo=WARSAW))
    granted(city, organisation, "9000", datetime.datetime(2026, 4, 30, 9, 0, tzinfo=WARSAW))
    # Not counted: last year (Polish new year), another authority.
    granted(city, organisation, "5000", datetime.datetime(2025, 12, 31, 23, 30, tzinfo=WARSAW))
    elsewhere = rural_municipality(3, name="Gmina Gamma", slug="gamma", hostname="gamma.localhost")
    granted(elsewhere, organisation, "5000", datetime.datetime(2026, 3, 1, tzinfo=WARSAW))
    clock.move_to(PUBLISHED + WEEK)
    client.force_login(official)
    url = reverse("grants:decide_small_offer", args=[small_offer.pk])
    assert "19 000,00" in client.get(url).content.decode().replace("\xa0", " ")
    response = decision(client, small_offer, amount="1 500,00")
    assert response.status_code == 400
    message = response.content.decode()
    for shown in ("19 000,00", "1 500,00", "20 000,00", "1 000,00"):
        assert shown in message
    small_offer.refresh_from_db()
    assert small_offer.status == OfferStatus.SUBMITTED
    assert decision(client, small_offer, amount="1 000,00").status_code == 302
    assert service.granted_in_year(
        organisation_id=organisation.pk, municipality_id=city.pk, year=2026
    ) == Decimal("20000.00")


def test_publishing_needs_the_municipalitys_consultations_section(official, small_offer):
    with pytest.raises(service.SmallGrantRefused):
        service.publish_for_comments(offer=small_offer, user=official)
