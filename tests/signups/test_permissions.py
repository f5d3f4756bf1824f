"""Each sign-up and advice screen for each role (organiser vs official elsewhere included)."""

import pytest
from django.urls import reverse

from signups.models import AdviceBooking, CentreAdvisor
from signups.slots import free_slots

ROLES = [
    "anonymous",
    "unverified_user",
    "resident",
    "ngo_user",  # represents the organiser of the event
    "other_ngo_user",
    "editor",
    "official",
    "official_elsewhere",
    "administrator",
]


def _client(request, client, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize(
    ("role", "signup_page", "participants", "csv", "calendar", "advice_form", "mine"),
    [
        ("anonymous", 200, 404, 404, 404, 302, 302),
        ("unverified_user", 200, 404, 404, 404, 200, 200),
        ("resident", 200, 404, 404, 404, 200, 200),
        ("ngo_user", 200, 200, 200, 404, 200, 200),
        ("other_ngo_user", 200, 404, 404, 404, 200, 200),
        ("editor", 200, 404, 404, 404, 200, 200),
        ("official", 200, 200, 200, 200, 200, 200),
        ("official_elsewhere", 200, 404, 404, 200, 200, 200),
        ("administrator", 200, 200, 200, 200, 200, 200),
    ],
)
def test_screens_answer_each_role(
    request,
    client,
    signup,
    event,
    centre,
    role,
    signup_page,
    participants,
    csv,
    calendar,
    advice_form,
    mine,
):
    client = _client(request, client, role)
    assert client.get(reverse("signups:event", args=[event.pk])).status_code == signup_page
    assert client.get(reverse("signups:participants", args=[event.pk])).status_code == participants
    assert (
        client.get(reverse("signups:participants_file", args=[event.pk, "csv"])).status_code == csv
    )
    assert client.get(reverse("signups:advice_calendar")).status_code == calendar
    assert (
        client.get(reverse("signups:advice_request", args=[centre.pk])).status_code == advice_form
    )
    assert client.get(reverse("signups:advice_mine")).status_code == mine


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("resident", 404),
        ("ngo_user", 404),
        ("editor", 302),  # assigned to the centre as its advisor
        ("official", 302),
        ("official_elsewhere", 404),
        ("administrator", 302),
    ],
)
def test_only_advisors_and_officials_of_the_municipality_decide(
    request, client, centre, resident, editor, role, status
):
    CentreAdvisor.objects.create(centre=centre, user=editor)
    slot = free_slots(centre)[0]
    booking = AdviceBooking.objects.create(
        centre=centre,
        requester=resident,
        topic="Statut",
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
    )
    client = _client(request, client, role)
    response = client.post(
        reverse("signups:advice_decide", args=[booking.pk]), {"decision": "cancel"}
    )
    assert response.status_code == status
    booking.refresh_from_db()
    assert booking.status == ("cancelled" if status == 302 else "requested")


def test_admin_lists_only_sign_ups_of_the_users_municipalities(
    client, signup, official, official_elsewhere
):
    client.force_login(official)
    listing = reverse("wagtailsnippets_signups_registrationsettings:list")
    assert str(signup.event.title) in client.get(listing).content.decode()
    edit = reverse("wagtailsnippets_signups_registrationsettings:edit", args=[signup.pk])
    assert client.get(edit).status_code == 200
    client.force_login(official_elsewhere)
    assert str(signup.event.title) not in client.get(listing).content.decode()
    assert client.get(edit).status_code in (302, 403)
