"""Representatives edit the profile; an official of a municipality where it works (or
an administrator) approves the change set, shown as a diff; the outcome is e-mailed."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from organisations.models import ProfileChange


def png(size=(40, 40), fmt="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, fmt)
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def form_data(organisation, **overrides):
    data = {
        "description": organisation.description,
        "logo_alt": "",
        "street": organisation.street,
        "postal_code": organisation.postal_code,
        "city": organisation.city,
        "website": organisation.website,
        "email": organisation.email,
        "phone": organisation.phone,
        "areas": organisation.areas,
        "municipalities": [m.pk for m in organisation.municipalities.all()],
        "districts": "",
        "volunteers_text": "",
    }
    data.update(overrides)
    return data


def edit_url(organisation):
    return reverse("ngo:profile_edit", args=[organisation.slug])


def submit(client, user, organisation, **overrides):
    client.force_login(user)
    return client.post(edit_url(organisation), form_data(organisation, **overrides))


@pytest.mark.django_db
def test_change_waits_for_approval_and_official_sees_a_diff(
    client, ngo_a, rep_a, official_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(
            client,
            rep_a,
            ngo_a,
            description="Sadzimy drzewa i krzewy w Alfie.",
            volunteers_wanted="on",
            volunteers_text="Szukamy osób do podlewania.",
        )
    assert response.status_code == 302
    ngo_a.refresh_from_db()
    assert ngo_a.description == "Sadzimy drzewa w Alfie."  # not public yet
    change = ProfileChange.objects.get()
    assert set(change.changes) == {"description", "volunteers_wanted", "volunteers_text"}
    assert [m.to for m in mail.outbox] == [[official_a.email]]

    client.force_login(official_a)
    page = client.get(reverse("organisations_profile_change", args=[change.pk]))
    assert page.status_code == 200
    assert "<ins>i krzewy </ins>" in page.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("organisations_profile_change", args=[change.pk]), {"action": "approve"}
        )
    assert response.status_code == 302
    ngo_a.refresh_from_db()
    assert ngo_a.description == "Sadzimy drzewa i krzewy w Alfie."
    assert ngo_a.volunteers_wanted is True
    assert [m.to for m in mail.outbox] == [[rep_a.email]]


@pytest.mark.django_db
def test_rejection_needs_a_reason_and_keeps_the_profile(
    client, ngo_a, rep_a, official_a, django_capture_on_commit_callbacks
):
    submit(client, rep_a, ngo_a, phone="+48 600 000 000")
    change = ProfileChange.objects.get()
    client.force_login(official_a)
    url = reverse("organisations_profile_change", args=[change.pk])
    response = client.post(url, {"action": "reject", "reason": ""})
    assert response.status_code == 200
    assert ProfileChange.objects.get().status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "reject", "reason": "Numer nie odpowiada."})
    change.refresh_from_db()
    assert (change.status, change.reason) == ("rejected", "Numer nie odpowiada.")
    ngo_a.refresh_from_db()
    assert ngo_a.phone != "+48 600 000 000"
    assert "Numer nie odpowiada." in mail.outbox[-1].body


@pytest.mark.django_db
def test_logo_waits_in_private_storage_and_is_published_on_approval(
    client, ngo_a, rep_a, official_a
):
    client.force_login(rep_a)
    data = form_data(ngo_a, logo_alt="Zielone drzewo")
    data["logo"] = png()
    assert client.post(edit_url(ngo_a), data).status_code == 302
    change = ProfileChange.objects.get()
    client.force_login(official_a)
    logo = client.get(reverse("organisations_pending_logo", args=[change.pk]))
    assert logo.status_code == 200
    assert "no-store" in logo["Cache-Control"]
    client.post(reverse("organisations_profile_change", args=[change.pk]), {"action": "approve"})
    ngo_a.refresh_from_db()
    assert ngo_a.logo and ngo_a.logo_alt == "Zielone drzewo"


@pytest.mark.django_db
def test_bad_logo_and_missing_alt_keep_what_was_typed(client, ngo_a, rep_a):
    client.force_login(rep_a)
    data = form_data(ngo_a, description="Nowy opis, który zostaje.")
    data["logo"] = SimpleUploadedFile("logo.png", b"not a picture", content_type="image/png")
    response = client.post(edit_url(ngo_a), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "Nowy opis, który zostaje." in html
    data["logo"] = png(size=(3200, 10))
    response = client.post(edit_url(ngo_a), data)
    assert "logo" in response.context["form"].errors
    data["logo"] = png()
    response = client.post(edit_url(ngo_a), data)
    assert "logo_alt" in response.context["form"].errors
    assert not ProfileChange.objects.exists()


@pytest.mark.django_db
def test_unchanged_form_is_refused_politely(client, ngo_a, rep_a):
    response = submit(client, rep_a, ngo_a)
    assert response.status_code == 200
    assert (
        "You have not changed anything" in response.content.decode()
        or response.context["form"].non_field_errors()
    )


@pytest.mark.django_db
def test_official_queue_lists_only_changes_of_their_municipalities(
    client, ngo_a, rep_a, official_a, official_b, administrator_user
):
    submit(client, rep_a, ngo_a, phone="+48 600 000 001")
    change = ProfileChange.objects.get()
    url = reverse("organisations_profile_changes")
    for user, listed in ((official_a, True), (official_b, False), (administrator_user, True)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert (change in response.context["changes"]) is listed


SCREENS = ["edit", "queue", "change", "approve"]
ROLES = [
    "anonymous",
    "plain_resident",
    "rep_a",
    "rep_other",
    "editor_a",
    "official_a",
    "official_b",
    "administrator_user",
]
EXPECTED = {
    # anonymous, resident, rep of this, rep of another, editor, official A, official B, admin
    "edit": [302, 404, 200, 404, 404, 404, 404, 404],
    # Wagtail sends people without admin access to its log-in page, and an editor
    # refused a screen back to the dashboard; an official of another gmina gets 404.
    "queue": [302, 302, 302, 302, 302, 200, 200, 200],
    "change": [302, 302, 302, 302, 302, 200, 404, 200],
    "approve": [302, 302, 302, 302, 302, 302, 404, 302],
}


@pytest.mark.django_db
@pytest.mark.parametrize("screen", SCREENS)
def test_permissions_per_role(client, request, screen, ngo_a, rep_a):
    client.force_login(rep_a)
    client.post(edit_url(ngo_a), form_data(ngo_a, phone="+48 600 000 002"))
    client.logout()
    change = ProfileChange.objects.get()
    for role, expected in zip(ROLES, EXPECTED[screen], strict=True):
        ProfileChange.objects.filter(pk=change.pk).update(status="pending")
        client.logout()
        if role != "anonymous":
            client.force_login(request.getfixturevalue(role))
        if screen == "edit":
            response = client.get(edit_url(ngo_a))
        elif screen == "queue":
            response = client.get(reverse("organisations_profile_changes"))
        elif screen == "change":
            response = client.get(reverse("organisations_profile_change", args=[change.pk]))
        else:
            response = client.post(
                reverse("organisations_profile_change", args=[change.pk]), {"action": "approve"}
            )
        assert response.status_code == expected, (screen, role)
