"""The editor's path in the Wagtail admin: compose, add suggested content, preview, test, send."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from newsletters import services
from newsletters.factories import IssueFactory
from newsletters.models import Issue

pytestmark = pytest.mark.django_db


def manage_url(issue):
    return reverse("newsletters_admin:issue_manage", args=[issue.pk])


def test_editor_sees_issues_with_a_prepare_and_send_button(client, editor, issue_with_items):
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_newsletters_issue:list"))
    assert response.status_code == 200
    assert manage_url(issue_with_items).encode() in response.content


def test_editor_creates_an_issue_in_the_snippet_form(client, editor):
    from municipalities.services import home_municipality

    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_newsletters_issue:add"))
    assert response.status_code == 200
    city = home_municipality()
    assert response.context["form"].initial["municipality"] == city.pk  # the editor's only one
    data = {
        "municipality": city.pk,
        "subject": "Biuletyn grudniowy",
        "intro": "Dzień dobry!",
        "topics": [],
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    response = client.post(reverse("wagtailsnippets_newsletters_issue:add"), data)
    assert response.status_code == 302, response.content[:2000]
    assert Issue.objects.get().subject == "Biuletyn grudniowy"
    assert Issue.objects.get().municipality == city


def test_suggestions_are_pages_published_since_the_last_issue(client, editor):
    from cms_pages.factories import EventPageFactory, StandardPageFactory

    already_sent = EventPageFactory(title="Spotkanie z zeszłego miesiąca")
    old_issue = IssueFactory(status="sent")
    went_out = timezone.now() - datetime.timedelta(hours=1)
    Issue.objects.filter(pk=old_issue.pk).update(sending_started_at=went_out, sent_at=went_out)
    Page.objects.filter(pk=already_sent.pk).update(
        first_published_at=went_out - datetime.timedelta(days=3)
    )
    already_sent.refresh_from_db()
    already_sent.save_revision().publish()  # only edited since: not new content
    event = EventPageFactory(title="Szkolenie z budżetu obywatelskiego")
    StandardPageFactory(title="Deklaracja dostępności")  # not a suggested type
    issue = IssueFactory()
    assert list(services.suggested_pages(issue=issue)) == [event.page_ptr]

    client.force_login(editor)
    page = client.get(manage_url(issue))
    assert page.status_code == 200
    assert "Szkolenie z budżetu obywatelskiego" in page.text
    response = client.post(manage_url(issue), {"action": "add_items", "page": [event.pk]})
    assert response.status_code == 302
    (item,) = issue.items.all()
    assert item.page_id == event.pk
    assert item.display_title == "Szkolenie z budżetu obywatelskiego"
    assert list(services.suggested_pages(issue=issue)) == []


def test_preview_renders_the_html_and_text_email(client, editor, issue_with_items):
    client.force_login(editor)
    preview = "newsletters_admin:issue_preview"
    html = client.get(reverse(preview, args=[issue_with_items.pk, "html"]))
    assert html.status_code == 200
    assert b'<html lang="pl">' in html.content
    assert b"Nowy punkt konsultacyjny" in html.content
    text = client.get(reverse(preview, args=[issue_with_items.pk, "text"]))
    assert text["Content-Type"].startswith("text/plain")
    assert b"Dzie\xc5\x84 Organizacji" in text.content


def test_editor_sends_a_test_then_sends_the_issue(
    client, editor, issue_with_items, subscriber_factory, django_capture_on_commit_callbacks
):
    subscriber_factory(email="czytelniczka@example.org")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(issue_with_items), {"action": "test"})
    assert [m.to[0] for m in mail.outbox] == [editor.email]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url(issue_with_items), {"action": "send"})
    assert response.status_code == 302
    assert [m.to[0] for m in mail.outbox] == [editor.email, "czytelniczka@example.org"]
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "sent"
    # Sending again is refused with a message, not an error.
    response = client.post(manage_url(issue_with_items), {"action": "send"}, follow=True)
    assert response.status_code == 200
    assert len(mail.outbox) == 2


def test_editor_schedules_and_unschedules(client, editor, issue_with_items):
    client.force_login(editor)
    when = timezone.localtime() + datetime.timedelta(days=1)
    client.post(
        manage_url(issue_with_items),
        {"action": "schedule", "when": when.strftime("%Y-%m-%dT%H:%M")},
    )
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "scheduled"
    assert abs(issue_with_items.scheduled_at - when) < datetime.timedelta(minutes=1)

    past = timezone.localtime() - datetime.timedelta(hours=1)
    response = client.post(
        manage_url(issue_with_items),
        {"action": "schedule", "when": past.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 200  # shown again with the error
    client.post(manage_url(issue_with_items), {"action": "unschedule"})
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "draft"


def test_residents_cannot_reach_the_issue_admin(client, resident, issue_with_items):
    client.force_login(resident)
    response = client.get(manage_url(issue_with_items))
    assert response.status_code in (302, 403)
    response = client.post(manage_url(issue_with_items), {"action": "send"})
    assert response.status_code in (302, 403)
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "draft"


def test_wagtail_live_preview_shows_the_email_of_the_unsaved_form(client, editor, issue_with_items):
    client.force_login(editor)
    items = issue_with_items.items.all()
    data = {
        "subject": "Temat z formularza",
        "intro": "Wstęp jeszcze niezapisany.",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": str(len(items)),
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, item in enumerate(items):
        data |= {
            f"items-{i}-id": str(item.pk),
            f"items-{i}-ORDER": str(i + 1),
            f"items-{i}-DELETE": "",
            f"items-{i}-page": "",
            f"items-{i}-title": item.title,
            f"items-{i}-summary": item.summary,
            f"items-{i}-image": "",
            f"items-{i}-image_alt": "",
        }
    for name, args in [("preview_on_edit", [issue_with_items.pk]), ("preview_on_add", [])]:
        preview_url = reverse(f"wagtailsnippets_newsletters_issue:{name}", args=args)
        response = client.post(preview_url, data)
        assert response.json()["is_valid"] is True, response.json()
        for mode, marker in [("html", '<html lang="pl">'), ("text", "Wstęp jeszcze niezapisany.")]:
            shown = client.get(preview_url, {"mode": mode})
            assert shown.status_code == 200
            assert marker in shown.content.decode()
            assert "Temat z formularza" in shown.content.decode()
