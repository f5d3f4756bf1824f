"""What officials see in the Wagtail admin: the consultations list (every screen linked,
counts of work, the phase in Polish), the work queue on the dashboard, and no avatar
fetched from a third-party image service."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.models import Role
from consultations import services
from consultations.factories import CommentFactory
from consultations.models import (
    CommentResponse,
    ConsultationComment,
    ModerationEvent,
    ResponseStatus,
)

from .conftest import PHASES, clauses_of, make_consultation

ROLES = ["anonymous", "resident", "editor", "official", "administrator"]
LIST_URL = "/admin/consultations/"
DASHBOARD_URL = "/admin/"
PANEL_IDS = ["consultations-to-moderate", "consultations-to-answer", "consultations-ending"]


def flag(comment):
    services.flag_comment(comment=comment, user=UserFactory(roles=[Role.RESIDENT]))


def work_for_officials(index, official):
    """A consultation of each phase; the open one ends in three days and has a flagged
    comment, the closed one has two comments without a response and one answered."""
    pages = {phase: make_consultation(index, phase) for phase in PHASES}
    opened = pages["open"]
    opened.end_at = timezone.now() + datetime.timedelta(days=3)
    opened.save()
    flag(CommentFactory(clause=clauses_of(opened)[0]))
    closed = clauses_of(pages["closed"])
    CommentFactory(clause=closed[0])
    CommentFactory(clause=closed[1])
    answered = CommentFactory(clause=closed[2])
    CommentResponse.objects.create(comment=answered, status=ResponseStatus.ACCEPTED)
    return pages


def row_of(html, page):
    return html.split(f'id="consultation-{page.pk}"', 1)[1].split("</tr>", 1)[0]


def test_list_names_the_phase_in_polish(client, official, consultation_index):
    pages = {phase: make_consultation(consultation_index, phase) for phase in PHASES}
    client.force_login(official)
    html = client.get(LIST_URL).content.decode()
    names = {"planned": "planowane", "open": "otwarte", "closed": "zamknięte"}
    names["reported"] = "raport opublikowany"
    for phase, page in pages.items():
        cell = row_of(html, page).split(f'data-phase="{phase}">', 1)[1].split("</td>", 1)[0]
        assert cell == names[phase]


def test_list_links_every_screen_with_the_work_to_do(client, official, consultation_index):
    pages = work_for_officials(consultation_index, official)
    client.force_login(official)
    html = client.get(LIST_URL).content.decode()
    for page in pages.values():
        row = row_of(html, page)
        assert f"/admin/consultations/{page.pk}/draft/" in row
        assert f"/admin/consultations/{page.pk}/moderation/" in row
        assert f"/admin/consultations/{page.pk}/responses/" in row
    opened, closed = row_of(html, pages["open"]), row_of(html, pages["closed"])
    assert f"/admin/consultations/{pages['open'].pk}/moderation/?show=pending" in opened
    assert "(1 do moderacji)" in opened
    assert f"/admin/consultations/{pages['closed'].pk}/responses/?unanswered=1" in closed
    assert "(2 bez odpowiedzi)" in closed and "do moderacji" not in closed
    # Offline entry only where the phase takes it (open or closed).
    assert f"/admin/consultations/{pages['open'].pk}/offline/" in opened
    assert f"/admin/consultations/{pages['closed'].pk}/offline/" in closed
    assert "/offline/" not in row_of(html, pages["planned"])
    assert "/offline/" not in row_of(html, pages["reported"])


def test_moderation_count_forgets_a_flag_once_the_moderator_decided(official, open_consultation):
    comments = [CommentFactory(clause=clauses_of(open_consultation)[0]) for _ in range(3)]
    for comment in comments:
        flag(comment)
    services.hide_comment(comment=comments[0], reason="Narusza regulamin.", by=official)
    services.unhide_comment(comment=comments[1], by=official)  # looked at, kept visible
    pending = ConsultationComment.objects.needing_moderation()
    assert list(pending) == [comments[2]]
    flag(comments[1])  # a new suggestion after the decision asks again
    assert set(ConsultationComment.objects.needing_moderation()) == {comments[1], comments[2]}


def test_keeping_a_reported_comment_settles_its_reports(client, official, open_consultation):
    comment = CommentFactory(
        clause=clauses_of(open_consultation)[0], comment="Ostra, ale rzeczowa."
    )
    flag(comment)
    client.force_login(official)
    url = f"/admin/consultations/{open_consultation.pk}/moderation/?show=pending"
    assert 'value="keep"' in client.get(url).content.decode()
    response = client.post(url, {"comment": comment.pk, "action": "keep"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert not ConsultationComment.objects.needing_moderation().exists()
    event = ModerationEvent.objects.get(comment=comment, action=ModerationEvent.Action.KEEP)
    assert event.actor == official
    assert "Ostra, ale rzeczowa." not in client.get(url).content.decode()


@pytest.mark.parametrize("role", ["resident", "editor"])
def test_only_a_moderator_keeps_a_reported_comment(request, role, open_consultation):
    comment = CommentFactory(clause=clauses_of(open_consultation)[0])
    flag(comment)
    with pytest.raises(PermissionDenied):
        services.keep_comment(comment=comment, by=request.getfixturevalue(role))
    assert ConsultationComment.objects.needing_moderation().get() == comment


def test_moderation_screen_lists_what_waits(client, official, open_consultation):
    clause = clauses_of(open_consultation)[0]
    waiting = CommentFactory(clause=clause, comment="Zgłoszona uwaga.")
    flag(waiting)
    CommentFactory(clause=clause, comment="Zwykła uwaga.")
    client.force_login(official)
    html = client.get(f"/admin/consultations/{open_consultation.pk}/moderation/?show=pending")
    body = html.content.decode()
    assert "Zgłoszona uwaga." in body and "Zwykła uwaga." not in body


def queries_for(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", [LIST_URL, DASHBOARD_URL])
def test_officials_screens_take_the_same_queries_for_2_or_20_consultations(
    client, official, consultation_index, url
):
    work_for_officials(consultation_index, official)
    client.force_login(official)
    client.get(url)  # one-off work (site settings, sessions)
    small = queries_for(client, url)
    for _ in range(4):
        work_for_officials(consultation_index, official)
    large = queries_for(client, url)
    assert large == small
    assert client.get(url).content.decode().count("/moderation/?show=pending") == 5


def test_dashboard_shows_the_work_queue_with_links(client, official, consultation_index):
    pages = work_for_officials(consultation_index, official)
    client.force_login(official)
    html = client.get(DASHBOARD_URL).content.decode()
    moderate = html.split('id="consultations-to-moderate', 1)[1].split("</section>", 1)[0]
    assert f"/admin/consultations/{pages['open'].pk}/moderation/?show=pending" in moderate
    assert "1 uwaga zgłoszona lub czekająca na moderację" in moderate
    answer = html.split('id="consultations-to-answer', 1)[1].split("</section>", 1)[0]
    assert f"/admin/consultations/{pages['closed'].pk}/responses/?unanswered=1" in answer
    assert "2 uwagi bez odpowiedzi" in answer
    assert pages["reported"].title not in answer
    ending = html.split('id="consultations-ending', 1)[1].split("</section>", 1)[0]
    assert f"/admin/consultations/#consultation-{pages['open'].pk}" in ending
    assert pages["planned"].title not in ending


def test_dashboard_without_work_shows_no_queue(client, official, consultation_index):
    make_consultation(consultation_index, "open")  # ends in 14 days, no comments
    client.force_login(official)
    html = client.get(DASHBOARD_URL).content.decode()
    assert not any(f'id="{panel}' in html for panel in PANEL_IDS)


@pytest.mark.parametrize("role", ROLES)
def test_list_and_dashboard_follow_the_permission_matrix(request, client, role, consultation_index):
    official = request.getfixturevalue("official")
    pages = work_for_officials(consultation_index, official)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    listing = client.get(LIST_URL)
    dashboard = client.get(DASHBOARD_URL)
    if role in ("official", "administrator"):
        assert listing.status_code == dashboard.status_code == 200
        html = dashboard.content.decode()
        assert all(f'id="{panel}' in html for panel in PANEL_IDS)
        assert pages["closed"].title in listing.content.decode()
    elif role == "editor":
        # The editor works in the admin but moderates and answers nothing.
        # Wagtail answers a refused admin screen with a redirect to the dashboard.
        assert (listing.status_code, listing["Location"]) == (302, DASHBOARD_URL)
        assert dashboard.status_code == 200
        html = dashboard.content.decode()
        assert not any(f'id="{panel}' in html for panel in PANEL_IDS)
        assert pages["closed"].title not in html
    else:
        assert listing.status_code == dashboard.status_code == 302
        assert "/login" in dashboard["Location"] or "/logowanie" in dashboard["Location"]


def test_explorer_buttons_reach_the_responses_screen(client, official, consultation_index):
    page = make_consultation(consultation_index, "closed")
    client.force_login(official)
    header = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    listing = client.get(f"/admin/pages/{consultation_index.pk}/").content.decode()
    for html in (header, listing):
        assert f"/admin/consultations/{page.pk}/responses/" in html
        assert f"/admin/consultations/{page.pk}/draft/" in html


@pytest.mark.parametrize("role", ["editor", "official", "administrator"])
def test_admin_pages_carry_no_gravatar_address(request, client, role, consultation_index):
    work_for_officials(consultation_index, request.getfixturevalue("official"))
    user = request.getfixturevalue(role)
    client.force_login(user)
    urls = [DASHBOARD_URL, "/admin/account/", f"/admin/pages/{consultation_index.pk}/"]
    if role != "editor":
        urls.append(LIST_URL)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
    # The avatar in the sidebar is the portal's own default picture.
    assert "/static/wagtailadmin/images/default-user-avatar.png" in response.content.decode()
