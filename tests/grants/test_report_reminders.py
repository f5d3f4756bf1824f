"""Reminders of reports due: 7 days before, on the due date, once overdue; each sent
once however often the command runs; none for a submitted report."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from grants.agreement_factories import submit_filled
from grants.reminders import send_report_reminders
from tests.grants.agreement_world import *  # noqa: F403 - fixtures

pytestmark = pytest.mark.django_db


def at(day: datetime.date) -> datetime.datetime:
    """Noon of that day in Polish time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def run(day, capture):
    with capture(execute=True):
        return send_report_reminders(now=at(day))


def test_each_reminder_is_sent_once_on_its_day(
    final_report, ngo_user, django_capture_on_commit_callbacks
):
    due = final_report.due_on
    day = datetime.timedelta(days=1)
    expected = [
        (due - 8 * day, {"before": 0, "due": 0, "overdue": 0}),
        (due - 7 * day, {"before": 1, "due": 0, "overdue": 0}),
        (due - 3 * day, {"before": 0, "due": 0, "overdue": 0}),
        (due, {"before": 0, "due": 1, "overdue": 0}),
        (due, {"before": 0, "due": 0, "overdue": 0}),
        (due + day, {"before": 0, "due": 0, "overdue": 1}),
        (due + 30 * day, {"before": 0, "due": 0, "overdue": 0}),
    ]
    for when, counts in expected:
        assert run(when, django_capture_on_commit_callbacks) == counts, when
    assert len(mail.outbox) == 3
    assert all(message.to == [ngo_user.email] for message in mail.outbox)
    assert all(final_report.agreement.number in message.subject for message in mail.outbox)
    final_report.refresh_from_db()
    assert final_report.reminded_before_at == at(due - 7 * day)
    assert final_report.overdue_notified_at == at(due + day)


def test_a_late_run_sends_only_the_reminder_of_the_day(
    final_report, django_capture_on_commit_callbacks
):
    overdue = final_report.due_on + datetime.timedelta(days=2)
    assert run(overdue, django_capture_on_commit_callbacks) == {
        "before": 0,
        "due": 0,
        "overdue": 1,
    }
    assert len(mail.outbox) == 1


def test_no_reminder_for_a_submitted_report(
    final_report, ngo_user, django_capture_on_commit_callbacks
):
    submit_filled(final_report, user=ngo_user)
    assert run(final_report.due_on, django_capture_on_commit_callbacks)["due"] == 0
    assert mail.outbox == []


def test_a_reminder_queued_before_the_submission_sends_nothing(
    final_report, ngo_user, django_capture_on_commit_callbacks
):
    from grants.agreement_tasks import send_report_reminder

    submit_filled(final_report, user=ngo_user)
    assert send_report_reminder.call(final_report.pk, "due") == 0


def test_the_command_is_safe_to_repeat(final_report, django_capture_on_commit_callbacks):
    final_report.due_on = timezone.localdate() + datetime.timedelta(days=3)
    final_report.save()
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_grant_report_reminders", stdout=out)
        call_command("send_grant_report_reminders", stdout=out)
    lines = out.getvalue().splitlines()
    assert "1 due in a week" in lines[0] and "0 due in a week" in lines[1]
    assert len(mail.outbox) == 1
