"""Advice booking: slots from duty hours, taken slots, e-mails, the advisor's calendar."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core import mail
from django.urls import reverse

from signups.models import AdviceBooking, CentreAdvisor
from signups.slots import duty_slots, free_slots

WARSAW = ZoneInfo("Europe/Warsaw")


def hours(weekday, opens, closes):
    return SimpleNamespace(
        weekday=weekday, opens=datetime.time(opens), closes=datetime.time(closes)
    )


def test_slots_follow_the_duty_hours_in_polish_time_across_the_clock_change():
    # Thursday 23 October 2025; summer time ends on Sunday 26 October.
    now = datetime.datetime(2025, 10, 23, 12, 0, tzinfo=WARSAW)
    slots = duty_slots([hours(1, 9, 11), hours(3, 16, 17)], now=now)
    assert len(slots) == 4 * 3  # four Mondays × 2 slots, four Wednesdays × 1
    first = slots[0]
    assert first.starts_at == datetime.datetime(2025, 10, 27, 9, 0, tzinfo=WARSAW)
    assert first.starts_at.utcoffset() == datetime.timedelta(hours=1)  # winter time
    assert first.value == "2025-10-27T09:00"
    assert all(s.starts_at.date() > now.date() for s in slots)
    assert max(s.starts_at for s in slots) < now + datetime.timedelta(days=29)


def test_closed_days_give_no_slots():
    assert duty_slots([SimpleNamespace(weekday=1, opens=None, closes=None)]) == []


def _request(client, centre, slot, topic="Sprawozdanie finansowe"):
    return client.post(
        reverse("signups:advice_request", args=[centre.pk]), {"topic": topic, "slot": slot}
    )


def test_request_takes_the_slot_and_emails_both_sides(
    client, centre, resident, official, run_on_commit
):
    CentreAdvisor.objects.create(centre=centre, user=official)
    slot = free_slots(centre)[0]
    client.force_login(resident)
    with run_on_commit():
        assert _request(client, centre, slot.value).status_code == 302
    booking = AdviceBooking.objects.get()
    assert booking.starts_at == slot.starts_at and booking.status == "requested"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, official.email])
    assert slot not in free_slots(centre)


def test_without_advisors_the_centre_address_is_told(client, centre, resident, run_on_commit):
    client.force_login(resident)
    with run_on_commit():
        _request(client, centre, free_slots(centre)[0].value)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([resident.email, centre.email])


def test_a_taken_slot_is_refused_and_the_typed_topic_kept(client, centre, resident, ngo_user):
    slot = free_slots(centre)[0].value
    client.force_login(ngo_user)
    _request(client, centre, slot)
    client.force_login(resident)
    response = _request(client, centre, slot, topic="Statut stowarzyszenia")
    assert response.status_code == 400
    assert "Statut stowarzyszenia" in response.content.decode()
    assert AdviceBooking.objects.count() == 1


def test_a_centre_without_duty_hours_says_so(client, home_page, resident):
    from cms_pages.factories import SupportCentrePageFactory

    closed = SupportCentrePageFactory(hours=[])
    client.force_login(resident)
    response = client.get(reverse("signups:advice_request", args=[closed.pk]))
    assert b"no-slots" in response.content
    assert (
        reverse("signups:advice_request", args=[closed.pk])
        not in client.get(closed.url).content.decode()
    )


def test_the_advisor_sees_the_calendar_and_confirms(
    client, centre, resident, editor, run_on_commit
):
    CentreAdvisor.objects.create(centre=centre, user=editor)
    client.force_login(resident)
    _request(client, centre, free_slots(centre)[0].value)
    booking = AdviceBooking.objects.get()
    mail.outbox.clear()
    client.force_login(editor)
    assert booking.topic in client.get(reverse("signups:advice_calendar")).content.decode()
    with run_on_commit():
        client.post(reverse("signups:advice_decide", args=[booking.pk]), {"decision": "confirm"})
    booking.refresh_from_db()
    assert booking.status == "confirmed" and booking.decided_by == editor
    assert [m.to for m in mail.outbox] == [[resident.email]]


def test_an_official_of_another_municipality_neither_sees_nor_decides(
    client, centre, resident, official_elsewhere
):
    client.force_login(resident)
    _request(client, centre, free_slots(centre)[0].value)
    booking = AdviceBooking.objects.get()
    client.force_login(official_elsewhere)
    assert booking.topic not in client.get(reverse("signups:advice_calendar")).content.decode()
    response = client.post(
        reverse("signups:advice_decide", args=[booking.pk]), {"decision": "cancel"}
    )
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == "requested"


def test_confirmed_advice_is_reminded_once(centre, resident, run_on_commit):
    from django.utils import timezone

    from signups.reminders import send_reminders

    start = timezone.localtime() + datetime.timedelta(days=1)
    AdviceBooking.objects.create(
        centre=centre,
        requester=resident,
        topic="Statut",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        status="confirmed",
    )
    with run_on_commit():
        assert send_reminders() == (0, 1)
        assert send_reminders() == (0, 0)
    assert [m.to for m in mail.outbox] == [[resident.email], [centre.email]]
