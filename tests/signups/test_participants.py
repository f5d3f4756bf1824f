"""The participant list: who sees it, CSV/XLSX without formulas, attendance, reminders."""

import datetime
import io

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms_pages.models import EventPage
from signups.models import Registration
from signups.reminders import send_reminders


def _add(event, name, email, status="confirmed", **extra):
    return Registration.objects.create(
        event=event, name=name, email=email, status=status, queued_at=timezone.now(), **extra
    )


def test_csv_and_xlsx_neutralise_formulas(client, signup, event, official):
    _add(event, '=HYPERLINK("http://zly.example")', "a@example.org")
    _add(event, "Anna Nowak", "b@example.org", status="waiting")
    client.force_login(official)
    csv = client.get(reverse("signups:participants_file", args=[event.pk, "csv"]))
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in text and "Anna Nowak" in text
    xlsx = client.get(reverse("signups:participants_file", args=[event.pk, "xlsx"]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ['\'=HYPERLINK("http://zly.example")', "Anna Nowak"]
    assert (
        client.get(reverse("signups:participants_file", args=[event.pk, "pdf"])).status_code == 404
    )


def test_attendance_is_marked_for_confirmed_places(client, signup, event, ngo_user):
    came, missed = _add(event, "Ala", "ala@example.org"), _add(event, "Ola", "ola@example.org")
    client.force_login(ngo_user)  # a representative of the organiser
    response = client.post(
        reverse("signups:participants", args=[event.pk]), {"present": [str(came.pk)]}
    )
    assert response.status_code == 302
    came.refresh_from_db()
    missed.refresh_from_db()
    assert (came.attended, missed.attended) == (True, False)


def test_participant_list_query_count_is_constant(
    client, signup, event, official, django_assert_max_num_queries
):
    client.force_login(official)
    url = reverse("signups:participants", args=[event.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    _add(event, "Ala", "ala@example.org")
    small = count()
    for n in range(60):
        _add(event, f"Osoba {n}", f"o{n}@example.org", status="waiting" if n % 2 else "confirmed")
    assert count() == small


def test_reminders_go_once_the_day_before(signup, event, run_on_commit):
    start = timezone.localtime() + datetime.timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(start=start)
    _add(event, "Ala", "ala@example.org")
    _add(event, "Ola", "ola@example.org", status="waiting")
    with run_on_commit():
        assert send_reminders() == (1, 0)
    with run_on_commit():
        call_command("send_signup_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["ala@example.org"]]


def test_no_reminder_for_events_later_than_tomorrow(signup, event):
    _add(event, "Ala", "ala@example.org")
    assert send_reminders() == (0, 0)
