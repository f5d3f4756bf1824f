"""Meetings: the page, the .ics file, the members' e-mail and the minutes' life."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cooperation import services
from cooperation.factories import BodyMemberFactory, MeetingFactory, MinutesFactory
from cooperation.models import Meeting, Minutes
from tests.cooperation.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(group):
    return MeetingFactory(
        body=group,
        starts_at=datetime.datetime(2026, 7, 1, 17, 0, tzinfo=datetime.UTC),
        place="Sala narad, ul. Lipowa 1",
    )


def test_the_ics_file_has_the_meeting_in_utc(client, meeting):
    response = client.get(reverse("cooperation:meeting_ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "DTSTART:20260701T170000Z" in text
    assert f"UID:cooperation-meeting-{meeting.pk}@" in text
    assert "LOCATION:Sala narad\\, ul. Lipowa 1" in text


def test_the_meeting_page_shows_warsaw_time(client, meeting):
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "19:00" in page  # 17:00 UTC in July is 19:00 in Warsaw
    assert "Opinia o projekcie programu współpracy" in page


def test_scheduling_emails_current_members_once_with_the_ics(
    group, member, secretary, mailoutbox, django_capture_on_commit_callbacks
):
    BodyMemberFactory(body=group, ends_on=datetime.date(2025, 2, 1))  # a past member
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.schedule_meeting(meeting=MeetingFactory.build(body=group))
    assert sorted(m.to[0] for m in mailoutbox) == sorted([member.email, secretary.email])
    assert mailoutbox[0].attachments[0][0] == f"posiedzenie-{meeting.pk}.ics"
    assert "Sprawy różne" in mailoutbox[0].body
    from cooperation.tasks import notify_members_of_meeting

    assert notify_members_of_meeting.call(meeting.pk) == 0  # not twice


def test_the_admin_add_screen_schedules_and_notifies(
    as_role, group, member, mailoutbox, django_capture_on_commit_callbacks
):
    client = as_role("official_a")
    data = {
        "body": group.pk,
        "starts_at": "2026-09-15 17:30",
        "place": "Sala nr 2",
        "agenda": "Otwarcie\nWnioski",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/cooperation_meetings/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = Meeting.objects.get()
    assert timezone.localtime(meeting.starts_at).hour == 17
    assert [m.to for m in mailoutbox] == [[member.email]]


def test_minutes_go_from_draft_through_approval_to_public(secretary, official_a, meeting, client):
    minutes = services.save_minutes(meeting=meeting, text="Obecni: wszyscy.", by=secretary)
    assert not meeting.minutes_are_public
    with pytest.raises(ValidationError):
        services.publish_minutes(minutes=minutes, by=official_a)  # not approved yet
    services.approve_minutes(minutes=minutes, by=official_a)
    with pytest.raises(ValidationError):
        services.save_minutes(meeting=meeting, text="Zmiana", by=secretary)
    services.publish_minutes(minutes=minutes, by=official_a)
    assert Minutes.objects.get().status == Minutes.Status.PUBLISHED
    assert "Obecni: wszyscy." in client.get(meeting.get_absolute_url()).content.decode()


def test_a_secretary_cannot_approve(secretary, meeting):
    minutes = MinutesFactory(meeting=meeting)
    with pytest.raises(services.PermissionDenied):
        services.approve_minutes(minutes=minutes, by=secretary)


# Who sees draft minutes on the meeting page and who gets the minutes screen.
SEES_DRAFT = {"member", "official_a", "admin_a"}
MINUTES_SCREEN = {
    "anonymous": 302,
    "resident": 403,
    "member": 403,  # a member, but not the secretary
    "outsider_ngo": 403,
    "editor_a": 403,
    "official_a": 200,
    "official_b": 403,
    "admin_a": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_draft_minutes_by_role(role, as_role, meeting, member):
    MinutesFactory(meeting=meeting, text="Tajny szkic protokołu")
    client = as_role(role)
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    assert ("Tajny szkic protokołu" in page.content.decode()) == (role in SEES_DRAFT)
    screen = reverse("cooperation:minutes", args=[meeting.pk])
    assert client.get(screen).status_code == MINUTES_SCREEN[role]
    posted = client.post(screen, {"text": "Nadpisany"})
    assert posted.status_code == (302 if MINUTES_SCREEN[role] != 403 else 403)
    expected = "Nadpisany" if MINUTES_SCREEN[role] == 200 else "Tajny szkic protokołu"
    assert Minutes.objects.get().text == expected


def test_the_secretary_drafts_on_the_screen_and_an_empty_text_keeps_the_form(
    client, secretary, meeting
):
    client.force_login(secretary)
    screen = reverse("cooperation:minutes", args=[meeting.pk])
    response = client.post(screen, {"text": "   "})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert client.post(screen, {"text": "Obecni: 5 osób."}).status_code == 302
    assert Minutes.objects.get().drafted_by == secretary
    # The secretary sees no approve button; a POST of the action is refused politely.
    client.post(screen, {"action": "approve"})
    assert Minutes.objects.get().status == Minutes.Status.DRAFT


def test_an_official_approves_and_publishes_on_the_screen(as_role, meeting):
    MinutesFactory(meeting=meeting)
    client = as_role("official_a")
    screen = reverse("cooperation:minutes", args=[meeting.pk])
    assert client.post(screen, {"action": "publish"}).status_code == 302
    assert Minutes.objects.get().status == Minutes.Status.DRAFT  # refused: not approved
    client.post(screen, {"action": "approve"})
    client.post(screen, {"action": "publish"})
    assert Minutes.objects.get().status == Minutes.Status.PUBLISHED


@pytest.mark.parametrize("n", [1, 20])
def test_the_body_page_costs_the_same_for_few_and_many_meetings(
    n, client, group, django_assert_max_num_queries
):
    for i in range(n):
        MinutesFactory(
            meeting=MeetingFactory(
                body=group, starts_at=timezone.now() - datetime.timedelta(days=i + 1)
            ),
            status=Minutes.Status.PUBLISHED,
        )
        BodyMemberFactory(body=group)
    client.get(group.get_absolute_url())  # the site's settings row is made on first use
    with django_assert_max_num_queries(12):
        response = client.get(group.get_absolute_url())
    assert (
        response.content.decode().count("minutes published")
        + response.content.decode().count("protokół opublikowany")
        == n
    )
