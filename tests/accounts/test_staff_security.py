"""Staff accounts: two-factor log-in, shorter sessions, stronger passwords, no new superusers."""

import base64
import hashlib
import hmac
import secrets
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from accounts import services
from accounts.factories import UserFactory
from accounts.models import Role, User
from accounts.staff_security import LOGIN_AT_KEY

PASSWORD = "haslo-testowe-123"  # noqa: S105 - the factories' password


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 code (SHA-1, 30 s, 6 digits), as an authenticator app shows it."""
    counter = struct.pack(">Q", int((at or time.time()) // 30))
    digest = hmac.new(base64.b32decode(secret), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def add_totp(user) -> str:
    secret = base64.b32encode(secrets.token_bytes(20)).decode()
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(secret)}
    )
    return secret


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


# --- Two-factor log-in ---------------------------------------------------------------


@override_settings(STAFF_MFA_REQUIRED=True)
def test_staff_without_two_factor_is_sent_to_set_it_up_before_the_admin(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # The set-up page itself is reachable (with its QR code).
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()


@override_settings(STAFF_MFA_REQUIRED=True)
def test_residents_are_not_asked_for_two_factor(client, resident):
    client.force_login(resident)
    assert client.get(reverse("accounts:profile")).status_code == 200
    assert client.get("/organizacje/").status_code == 200


@override_settings(STAFF_MFA_REQUIRED=True)
def test_password_only_session_of_staff_with_two_factor_is_ended(client, official):
    add_totp(official)
    client.force_login(official)  # as after the Wagtail admin's own log-in form
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


@override_settings(STAFF_MFA_REQUIRED=True)
def test_password_only_session_cannot_replace_the_second_factor(client, official):
    add_totp(official)
    client.force_login(official)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert Authenticator.objects.filter(user=official, type=Authenticator.Type.TOTP).exists()


@override_settings(STAFF_MFA_REQUIRED=True)
def test_portal_login_with_password_and_code_reaches_the_admin(client, official):
    secret = add_totp(official)
    response = client.post(
        reverse("account_login"), {"login": official.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not enough
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert "_auth_user_id" not in client.session, wrong
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert client.session["_auth_user_id"] == str(official.pk)
    assert client.get("/admin/").status_code == 200


@override_settings(STAFF_MFA_REQUIRED=True)
def test_setting_up_the_app_lets_the_staff_member_in(client, editor):
    client.force_login(editor)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    # Recovery codes come with the app.
    assert Authenticator.objects.filter(
        user=editor, type=Authenticator.Type.RECOVERY_CODES
    ).exists()
    assert client.get("/admin/").status_code == 200


# --- Sessions ------------------------------------------------------------------------


@override_settings(STAFF_SESSION_IDLE_SECONDS=7200, SESSION_COOKIE_AGE=7 * 86400)
def test_staff_session_is_shorter_than_a_residents(client, editor, resident):
    client.force_login(editor)
    client.get("/")
    assert client.session.get_expiry_age() == 7200
    client.logout()
    client.force_login(resident)
    client.get("/")
    assert client.session.get_expiry_age() == 7 * 86400


@override_settings(STAFF_SESSION_MAX_SECONDS=3600)
def test_staff_session_ends_a_working_day_after_the_login(client, editor):
    client.force_login(editor)
    client.get("/")
    session = client.session
    session[LOGIN_AT_KEY] = time.time() - 3601
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


# --- Passwords -----------------------------------------------------------------------


def test_staff_password_needs_twelve_characters_and_not_only_letters(editor):
    with pytest.raises(ValidationError) as short:
        validate_password("Kot-2026", user=editor)
    assert any("co najmniej 12" in m for m in short.value.messages)
    with pytest.raises(ValidationError) as letters:
        validate_password("samelitery-ale-dlugie".replace("-", ""), user=editor)
    assert any("cyfrę" in m for m in letters.value.messages)
    validate_password("zielone-okienko-2026", user=editor)


def test_resident_password_keeps_the_general_rules(resident):
    validate_password("Kot-2026x", user=resident)


def test_staff_password_rule_applies_on_the_password_change_page(client, official):
    client.force_login(official)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "Krotk1e!", "password2": "Krotk1e!"},
    )
    assert response.status_code == 200
    assert "co najmniej 12 znaków" in response.content.decode()
    official.refresh_from_db()
    assert official.check_password(PASSWORD)


# --- Superusers ----------------------------------------------------------------------


def _new_user_data(**extra):
    return {
        "username": "nowy",
        "email": "nowy@example.org",
        "first_name": "Nowy",
        "last_name": "Pracownik",
        "password1": "zielone-okienko-2026",
        "password2": "zielone-okienko-2026",
        **extra,
    }


def test_administrator_form_has_no_superuser_checkbox(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("wagtailusers_users:add"))
    assert response.status_code == 200
    assert 'name="is_superuser"' not in response.content.decode()


def test_administrator_cannot_create_a_superuser_with_a_forged_field(client, administrator):
    client.force_login(administrator)
    client.post(reverse("wagtailusers_users:add"), _new_user_data(is_superuser="on"))
    created = User.objects.filter(username="nowy").first()
    assert created is None or not created.is_superuser


def test_administrator_cannot_promote_someone_to_superuser(client, administrator, editor):
    client.force_login(administrator)
    data = _new_user_data(username="editor", email=editor.email, is_superuser="on", is_active="on")
    data.update(password1="", password2="")
    client.post(reverse("wagtailusers_users:edit", args=[editor.pk]), data)
    editor.refresh_from_db()
    assert not editor.is_superuser


def test_superuser_can_create_a_superuser(client, superuser):
    client.force_login(superuser)
    response = client.post(reverse("wagtailusers_users:add"), _new_user_data(is_superuser="on"))
    assert response.status_code == 302
    assert User.objects.get(username="nowy").is_superuser


def test_administrator_cannot_edit_or_delete_a_superuser(client, administrator, superuser):
    client.force_login(administrator)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    refused = client.get(reverse("wagtailusers_users:edit", args=[superuser.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    data = _new_user_data(username="root", email="przejete@example.org", is_active="on")
    client.post(reverse("wagtailusers_users:edit", args=[superuser.pk]), data)
    superuser.refresh_from_db()
    assert superuser.email == "root@example.org"
    client.post(reverse("wagtailusers_users:delete", args=[superuser.pk]))
    assert User.objects.filter(pk=superuser.pk, is_deleted=False).exists()
    with pytest.raises(PermissionDenied):
        services.delete_account(user=superuser, by=administrator)


def test_new_staff_account_gets_the_staff_password_rule(client, administrator):
    client.force_login(administrator)
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name=Role.EDITOR)
    data = _new_user_data(password1="Okno-2026", password2="Okno-2026", groups=[editors.pk])
    response = client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 200
    assert "co najmniej 12 znaków" in response.content.decode()
    assert not User.objects.filter(username="nowy").exists()


def test_deleting_a_user_in_the_admin_erases_it_like_the_owner_would(
    client, administrator, resident
):
    client.force_login(administrator)
    response = client.post(reverse("wagtailusers_users:delete", args=[resident.pk]))
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.is_deleted and resident.email == "" and not resident.is_active
