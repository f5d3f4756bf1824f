"""The officials' Responses screen in the Wagtail admin."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from consultations.models import CommentGroup, CommentResponse, ResponseStatus

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import add_answered_comments, reportable, set_phase


def screen(consultation, query=""):
    return reverse("consultations_admin:responses", kwargs={"page_id": consultation.pk}) + query


@pytest.mark.parametrize("role", ["anonymous", "resident", "ngo_user", "editor"])
def test_screen_is_for_officials_only(request, client, consultation, comments, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.get(screen(consultation))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"


@pytest.mark.parametrize("role", ["anonymous", "resident", "ngo_user", "editor"])
@pytest.mark.parametrize("action", ["respond", "respond_group", "group", "publish"])
def test_nobody_but_officials_can_post_to_the_screen(
    request, client, consultation, comments, role, action
):
    """Answering, grouping and publishing are refused; nothing is written."""
    answered_by_official = CommentResponse.objects.count()
    group = CommentGroup.objects.create(consultation=consultation, label="x")
    comments["ngo"].group = group
    comments["ngo"].save(update_fields=["group"])
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    response = client.post(
        screen(consultation),
        {
            "action": action,
            "comment": comments["ngo"].pk,
            "group": group.pk,
            "status": "accepted",
            "text": "Przyjęte.",
        },
    )
    assert response.status_code in (302, 403)
    assert CommentResponse.objects.count() == answered_by_official == 0
    assert CommentGroup.objects.filter(consultation=consultation).count() == 1
    consultation.refresh_from_db()
    assert consultation.report_published_at is None


def test_screen_lists_comments_with_progress_and_disabled_publish(
    client, official, consultation, comments
):
    client.force_login(official)
    response = client.get(screen(consultation))
    assert response.status_code == 200
    html = response.content.decode()
    for c in reportable(comments):
        assert f'id="comment-{c.pk}"' in html
    assert 'data-answered="0" data-total="6"' in html
    assert 'id="publish-report" disabled aria-describedby="publish-help"' in html
    assert "<script>alert" not in html


def test_answering_through_the_screen_and_filtering_unanswered(
    client, official, consultation, comments
):
    client.force_login(official)
    target = comments["resident"]
    response = client.post(
        screen(consultation, "?unanswered=1"),
        {"action": "respond", "comment": target.pk, "status": "accepted", "text": ""},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?unanswered=1")
    assert CommentResponse.objects.get(comment=target).status == ResponseStatus.ACCEPTED
    html = client.get(screen(consultation, "?unanswered=1")).content.decode()
    assert f'id="comment-{target.pk}"' not in html
    assert f'id="comment-{comments["ngo"].pk}"' in html


def test_missing_justification_is_shown_next_to_the_field_and_text_kept(
    client, official, consultation, comments
):
    client.force_login(official)
    target = comments["ngo"]
    response = client.post(
        screen(consultation),
        {"action": "respond", "comment": target.pk, "status": "rejected", "text": ""},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="c{target.pk}-text-error"' in html
    assert f'aria-describedby="c{target.pk}-text-error"' in html
    assert not CommentResponse.objects.filter(comment=target).exists()


def test_missing_position_is_shown_and_the_typed_justification_kept(
    client, official, consultation, comments
):
    client.force_login(official)
    target = comments["ngo"]
    typed = "Uwaga wykracza poza zakres uchwały <b>i</b> nie może być uwzględniona."
    response = client.post(
        screen(consultation),
        {"action": "respond", "comment": target.pk, "status": "", "text": typed},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="c{target.pk}-status-error"' in html
    assert f'aria-describedby="c{target.pk}-status-error"' in html
    form = html.split(f'id="c{target.pk}-text"', 1)[1].split("</textarea>", 1)[0]
    assert "Uwaga wykracza poza zakres uchwały &lt;b&gt;i&lt;/b&gt; nie może" in form
    # Other rows keep their own (empty) forms.
    other = html.split(f'id="c{comments["resident"].pk}-text"', 1)[1].split("</textarea>", 1)[0]
    assert "Uwaga wykracza" not in other
    assert not CommentResponse.objects.filter(comment=target).exists()


def test_group_form_error_keeps_the_chosen_position(client, official, consultation, comments):
    group = CommentGroup.objects.create(consultation=consultation, label="Kampania")
    for name in ("resident", "ngo"):
        comments[name].group = group
        comments[name].save(update_fields=["group"])
    client.force_login(official)
    response = client.post(
        screen(consultation),
        {"action": "respond_group", "group": group.pk, "status": "partly", "text": "  "},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="g{group.pk}-text-error"' in html
    select = html.split(f'id="g{group.pk}-status"', 1)[1].split("</select>", 1)[0]
    assert '<option value="partly" selected>' in select
    assert not CommentResponse.objects.exists()


def test_screen_query_count_does_not_grow_with_comments(
    client, official, consultation, clauses, organisation, comments, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(official)
    client.get(screen(consultation))  # the first visit groups similar comments
    with CaptureQueriesContext(connection) as few:
        assert client.get(screen(consultation)).status_code == 200
    add_answered_comments(consultation, clauses, organisation, official, 30)
    with CaptureQueriesContext(connection) as regrouping:
        client.get(screen(consultation))
    assert len(regrouping.captured_queries) <= len(few.captured_queries) + 12
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(screen(consultation)).content.decode()
    assert 'data-answered="30" data-total="36"' in html


def test_grouping_and_answering_a_group_from_the_screen(
    client, official, consultation, clauses, comments
):
    from consultations.factories import CommentFactory

    letter = (
        "Sprzeciwiamy się likwidacji przystanku autobusowego przy szkole podstawowej "
        "numer trzy, ponieważ dzieci będą musiały przechodzić przez ruchliwą ulicę."
    )
    letters = [CommentFactory(clause=clauses[i % 3], comment=letter) for i in range(5)]
    client.force_login(official)
    assert client.post(screen(consultation), {"action": "group"}).status_code == 302
    group = CommentGroup.objects.get(consultation=consultation)
    html = client.get(screen(consultation)).content.decode()
    assert f'id="group-{group.pk}"' in html
    response = client.post(
        screen(consultation),
        {"action": "respond_group", "group": group.pk, "status": "explanation", "text": "Wyj."},
    )
    assert response.status_code == 302
    assert CommentResponse.objects.filter(comment__in=letters, status="explanation").count() == 5
    html = client.get(screen(consultation)).content.decode()
    row = html.split(f'id="group-{group.pk}"', 1)[1].split("</tr>", 1)[0]
    with translation.override(settings.LANGUAGE_CODE):  # the admin's language
        assert translation.gettext("%(n)s comments, one response") % {"n": 5} in row
        assert translation.gettext("%(a)s of %(n)s answered") % {"a": 5, "n": 5} in row


def test_publishing_from_the_screen_once_complete(client, official, consultation, comments):
    client.force_login(official)
    for c in reportable(comments):
        client.post(
            screen(consultation),
            {"action": "respond", "comment": c.pk, "status": "rejected", "text": "Nie."},
        )
    html = client.get(screen(consultation)).content.decode()
    assert 'id="publish-report" disabled' not in html
    assert client.post(screen(consultation), {"action": "publish"}).status_code == 302
    consultation.refresh_from_db()
    assert consultation.report_published_at is not None


def test_open_consultation_cannot_be_answered_from_the_screen(
    client, official, consultation, comments
):
    set_phase(consultation, "open")
    client.force_login(official)
    html = client.get(screen(consultation)).content.decode()
    assert 'id="not-closed"' in html
    assert 'name="action" value="respond"' not in html
    response = client.post(
        screen(consultation),
        {"action": "respond", "comment": comments["ngo"].pk, "status": "accepted"},
    )
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    assert not CommentResponse.objects.exists()


def test_consultation_page_header_has_the_responses_button(client, official, consultation):
    client.force_login(official)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[consultation.pk])).content.decode()
    assert screen(consultation) in html


LETTER = (
    "Sprzeciwiamy się likwidacji przystanku autobusowego przy szkole podstawowej "
    "numer trzy, ponieważ dzieci będą musiały przechodzić przez ruchliwą ulicę."
)


def test_opening_the_screen_groups_campaign_letters_automatically_once(
    client, official, consultation, clauses, comments, django_assert_max_num_queries
):
    from consultations.factories import CommentFactory

    letters = [CommentFactory(clause=clauses[i % 3], comment=LETTER) for i in range(4)]
    client.force_login(official)
    html = client.get(screen(consultation)).content.decode()
    group = CommentGroup.objects.get(consultation=consultation)
    assert set(group.comments.values_list("pk", flat=True)) == {c.pk for c in letters}
    assert f'id="group-{group.pk}"' in html and 'id="auto-grouping"' in html
    # Not again on the next visit (the groups are kept, with the same ids) ...
    html = client.get(screen(consultation)).content.decode()
    assert 'id="auto-grouping"' not in html
    assert CommentGroup.objects.get(consultation=consultation).pk == group.pk
    # ... but again once an official entered more comments (e.g. from paper).
    CommentFactory(clause=clauses[0], comment=LETTER + " Z poważaniem, Jan Nowicki.")
    client.get(screen(consultation))
    assert CommentGroup.objects.get(consultation=consultation).comments.count() == 5


def test_large_consultation_is_grouped_in_the_background(
    client, official, consultation, clauses, comments, monkeypatch
):
    from consultations.factories import CommentFactory
    from consultations.reports import services as report_services

    monkeypatch.setattr(report_services, "AUTO_GROUP_LIMIT", 3)
    for i in range(3):
        CommentFactory(clause=clauses[i], comment=LETTER)
    client.force_login(official)
    html = client.get(screen(consultation)).content.decode()
    assert 'id="auto-grouping"' in html
    # The immediate task backend of the tests has already run the task.
    assert CommentGroup.objects.get(consultation=consultation).comments.count() == 3


@pytest.mark.parametrize("phase", ["open", "reported"])
def test_screen_does_not_group_outside_the_answering_phase(
    client, official, consultation, clauses, comments, phase
):
    from consultations.factories import CommentFactory

    for i in range(3):
        CommentFactory(clause=clauses[i], comment=LETTER)
    set_phase(consultation, phase)
    client.force_login(official)
    assert client.get(screen(consultation)).status_code == 200
    assert not CommentGroup.objects.exists()


def test_official_answers_publishes_and_everyone_gets_the_report_end_to_end(
    client, official, consultation, comments, django_capture_on_commit_callbacks
):
    """The whole path through HTTP: answer (with a refused try), publish, e-mail once,
    the public report page and every export file carry every comment and position."""
    import csv
    import io

    from django.core import mail

    from consultations.reports.exports import WRITERS

    client.force_login(official)
    statuses = ResponseStatus.values
    rows = reportable(comments)
    refused = client.post(
        screen(consultation),
        {"action": "respond", "comment": rows[0].pk, "status": "partly", "text": ""},
    )
    assert refused.status_code == 400
    for i, c in enumerate(rows):
        status = statuses[i % 4]
        text = "" if status == "accepted" else f"Stanowisko {i} urzędu."
        response = client.post(
            screen(consultation),
            {"action": "respond", "comment": c.pk, "status": status, "text": text},
        )
        assert response.status_code == 302
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(screen(consultation), {"action": "publish"}).status_code == 302
        client.post(screen(consultation), {"action": "publish"})  # a second click: refused
    sent = [m.to[0] for m in mail.outbox]
    assert len(sent) == len(set(sent)) == 4
    client.logout()
    html = client.get(
        reverse("consultations:report", kwargs={"page_id": consultation.pk})
    ).content.decode()
    assert all(f'id="uwaga-{c.pk}"' in html for c in rows)
    assert "Stanowisko 1 urzędu." in html
    for fmt in WRITERS:
        body = client.get(
            reverse(
                "consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": fmt}
            )
        ).getvalue()
        if fmt == "csv":
            table = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
            assert [r[0] for r in table[1:]] == [str(n) for n in range(1, len(rows) + 1)]
            assert {r[9] for r in table[1:]} >= {"Stanowisko 1 urzędu.", "Stanowisko 2 urzędu."}
        else:
            assert len(body) > 1000, fmt
