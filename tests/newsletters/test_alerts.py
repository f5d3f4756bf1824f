"""Automatic alerts: the registry's rules, and exactly-once sending with the real page types."""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from newsletters import alerts
from newsletters.models import AlertLog

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 12, 0))


def consultation(**kwargs):
    fields = {"start_at": None, "end_at": None, "report_published_at": None, "lead": ""}
    return SimpleNamespace(**{**fields, **kwargs})


CONSULTATION = alerts.ALERT_TYPES["consultations.consultationpage"]
CALL = alerts.ALERT_TYPES["cms_pages.callforproposalspage"]
EVENT = alerts.ALERT_TYPES["cms_pages.eventpage"]


# --- Pure rules ----------------------------------------------------------------


def test_open_consultation_is_due_for_the_opened_alert_only():
    page = consultation(
        start_at=NOW - datetime.timedelta(hours=1), end_at=NOW + datetime.timedelta(days=10)
    )
    assert alerts.due_kinds(page, CONSULTATION, NOW, days_before=3) == ["opened"]


def test_planned_consultation_is_not_due_yet():
    page = consultation(
        start_at=NOW + datetime.timedelta(days=1), end_at=NOW + datetime.timedelta(days=10)
    )
    assert alerts.due_kinds(page, CONSULTATION, NOW, days_before=3) == []


@pytest.mark.parametrize(
    ("closes_in", "due"),
    [
        (datetime.timedelta(days=3, minutes=1), False),
        (datetime.timedelta(days=3), True),
        (datetime.timedelta(hours=5), True),
        (datetime.timedelta(seconds=-1), False),
    ],
)
def test_closing_alert_is_due_in_the_last_three_days(closes_in, due):
    page = consultation(start_at=NOW - datetime.timedelta(days=10), end_at=NOW + closes_in)
    assert ("closing" in alerts.due_kinds(page, CONSULTATION, NOW, days_before=3)) is due


def test_report_alert_follows_the_report_date():
    closed = {"start_at": NOW - datetime.timedelta(days=30), "end_at": NOW - datetime.timedelta(1)}
    with freeze_time(NOW):
        assert alerts.due_kinds(consultation(**closed), CONSULTATION, NOW) == []
        published = consultation(**closed, report_published_at=NOW - datetime.timedelta(hours=1))
        assert alerts.due_kinds(published, CONSULTATION, NOW) == ["report"]
        planned = consultation(**closed, report_published_at=NOW + datetime.timedelta(days=1))
        assert alerts.due_kinds(planned, CONSULTATION, NOW) == []


def test_date_deadline_means_the_end_of_that_day():
    spec = alerts.AlertType(topics={alerts.CLOSING: "calls"}, deadline="deadline")
    page = SimpleNamespace(deadline=datetime.date(2026, 11, 26))
    start, deadline = alerts.window(page, spec)
    assert start is None
    assert timezone.localtime(deadline).time() == datetime.time.max
    assert alerts.due_kinds(page, spec, NOW, days_before=3) == []
    assert alerts.due_kinds(page, spec, NOW + datetime.timedelta(hours=12), days_before=3) == [
        "closing"
    ]


def test_readers_accept_dotted_paths_methods_and_callables():
    page = SimpleNamespace(
        meta=SimpleNamespace(deadline=NOW), accepts_offers=lambda: True, area="culture"
    )
    assert alerts.read(page, "meta.deadline") == NOW
    assert alerts.read(page, "accepts_offers") is True
    assert alerts.read(page, lambda p: p.area) == "culture"
    assert alerts.read(page, "missing.attribute") is None
    assert alerts.area_codes(page, alerts.AlertType(topics={}, areas="area")) == ["culture"]


def test_future_event_is_announced_but_a_past_one_is_not():
    assert alerts.due_kinds(SimpleNamespace(start=NOW + datetime.timedelta(1)), EVENT, NOW) == [
        "announced"
    ]
    assert alerts.due_kinds(SimpleNamespace(start=NOW - datetime.timedelta(1)), EVENT, NOW) == []


# --- With the real page types ------------------------------------------------------


@pytest.fixture
def subscribers(db, subscriber_factory):
    return {
        "events": subscriber_factory(email="wydarzenia@example.org", topics=["events"]),
        "calls": subscriber_factory(email="konkursy@example.org", topics=["calls"]),
        "culture": subscriber_factory(email="kultura@example.org", topics=["area-culture"]),
        "consultations": subscriber_factory(
            email="konsultacje@example.org", topics=["consultations"]
        ),
        "reports": subscriber_factory(email="raporty@example.org", topics=["consultation-reports"]),
        "news": subscriber_factory(email="news@example.org", topics=["news"]),
    }


def recipients(subject_part=""):
    return sorted(m.to[0] for m in mail.outbox if subject_part in m.subject)


@pytest.mark.django_db
def test_event_is_announced_exactly_once_even_if_published_again(
    subscribers, django_capture_on_commit_callbacks
):
    from cms_pages.factories import EventPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(title="Szkolenie z pisania ofert")
    assert recipients() == ["wydarzenia@example.org"]
    alert = AlertLog.objects.get()
    assert (alert.kind, alert.page_id, alert.status) == ("announced", event.pk, "sent")
    assert "Szkolenie z pisania ofert" in mail.outbox[0].subject
    assert "http://testserver/" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Szkolenie z pisania ofert (zmiana sali)"
        event.save_revision().publish()
        call_command("send_due_alerts")
    assert len(mail.outbox) == 1
    assert AlertLog.objects.count() == 1


@pytest.mark.django_db
def test_call_alerts_topic_and_area_subscribers_then_reminds_before_the_deadline(
    subscribers, django_capture_on_commit_callbacks
):
    from cms_pages.factories import CallForProposalsPageFactory

    deadline = timezone.now() + datetime.timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        call = CallForProposalsPageFactory(
            title="Konkurs na kulturę 2027", task_area="culture", offer_deadline=deadline
        )
    assert recipients() == ["konkursy@example.org", "kultura@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_alerts")
    assert len(mail.outbox) == 2  # nothing new to say yet

    with (
        freeze_time(deadline - datetime.timedelta(days=2)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_due_alerts")
        call_command("send_due_alerts")
    closing = AlertLog.objects.get(kind="closing", page_id=call.pk)
    assert closing.deadline == deadline
    assert len(mail.outbox) == 4  # one reminder each, however often the scan runs


@pytest.mark.django_db
def test_consultation_opened_and_report_alerts_go_to_their_topics(
    subscribers, django_capture_on_commit_callbacks
):
    from consultations.factories import ConsultationPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = ConsultationPageFactory(title="Konsultacje programu współpracy")
        page.save_revision().publish()
    assert recipients() == ["konsultacje@example.org"]

    with django_capture_on_commit_callbacks(execute=True):
        page.end_at = timezone.now() - datetime.timedelta(hours=1)
        page.report_published_at = timezone.now()
        page.save_revision().publish()
        call_command("send_due_alerts")
    assert recipients() == ["konsultacje@example.org", "raporty@example.org"]
    assert set(AlertLog.objects.values_list("kind", flat=True)) == {"opened", "report"}


@pytest.mark.django_db
def test_planned_consultation_is_announced_by_the_scan_when_it_opens(
    subscribers, django_capture_on_commit_callbacks
):
    from consultations.factories import ConsultationPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = ConsultationPageFactory(planned=True)
        page.save_revision().publish()
        call_command("send_due_alerts")
    assert mail.outbox == []
    with (
        freeze_time(page.start_at + datetime.timedelta(minutes=5)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_due_alerts")
    assert recipients() == ["konsultacje@example.org"]


@pytest.mark.django_db
def test_raise_alert_twice_creates_one_log(subscribers):
    from cms_pages.factories import EventPageFactory

    event = EventPageFactory()
    AlertLog.objects.all().delete()
    first = alerts.raise_alert(event, alerts.ANNOUNCED)
    second = alerts.raise_alert(event, alerts.ANNOUNCED)
    assert first is not None and second is None
    assert AlertLog.objects.filter(kind="announced", page_id=event.pk).count() == 1


@pytest.mark.django_db
def test_consultation_closing_reminder_goes_once_three_days_before_the_end(
    subscribers, django_capture_on_commit_callbacks
):
    from consultations.factories import ConsultationPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = ConsultationPageFactory(title="Konsultacje regulaminu dotacji")
        page.save_revision().publish()
    assert recipients() == ["konsultacje@example.org"]  # the opening

    four_days_before = page.end_at - datetime.timedelta(days=4)
    with freeze_time(four_days_before), django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_alerts")
    assert len(mail.outbox) == 1  # too early for the reminder

    three_days_before = page.end_at - datetime.timedelta(days=3)
    with freeze_time(three_days_before), django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_alerts")
        page.save_revision().publish()  # an edit in the last days does not repeat it
        call_command("send_due_alerts")
    assert len(mail.outbox) == 2
    closing = AlertLog.objects.get(kind="closing", page_id=page.pk)
    assert recipients(closing.subject) == ["konsultacje@example.org"]
    assert closing.deadline == page.end_at
    assert timezone.localtime(page.end_at).strftime("%d.%m.%Y") in closing.subject

    with freeze_time(page.end_at + datetime.timedelta(minutes=1)):
        call_command("send_due_alerts")
    assert len(mail.outbox) == 2  # closed: nothing more until the report


@pytest.mark.django_db
def test_republished_call_is_not_announced_again(subscribers, django_capture_on_commit_callbacks):
    from cms_pages.factories import CallForProposalsPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        call = CallForProposalsPageFactory(title="Konkurs sportowy 2027", task_area="sport")
    assert recipients() == ["konkursy@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            call.lead = "Zmieniony opis konkursu."
            call.save_revision().publish()
        call_command("send_due_alerts")
    assert len(mail.outbox) == 1
    assert AlertLog.objects.filter(page_id=call.pk).count() == 1
