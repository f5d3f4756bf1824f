"""The session's user is loaded by accounts.backends (a query compiled once): the same
answers as Django's ModelBackend.get_user."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user

from accounts.backends import AuthenticationBackend, ModelBackend

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("backend", [ModelBackend(), AuthenticationBackend()])
def test_get_user_matches_django(backend, resident):
    assert backend.get_user(resident.pk) == resident
    assert backend.get_user(str(resident.pk)) == resident
    assert backend.get_user(resident.pk + 10_000) is None
    assert backend.get_user("not-a-number") is None
    resident.is_active = False
    resident.save(update_fields=["is_active"])
    assert backend.get_user(resident.pk) is None


def test_a_logged_in_request_gets_its_user_and_a_deleted_one_gets_nobody(client, resident):
    client.force_login(resident)
    assert client.session[BACKEND_SESSION_KEY].startswith("accounts.backends.")
    assert get_user(client.get("/").wsgi_request) == resident
    session = client.session
    session[SESSION_KEY] = str(resident.pk + 10_000)  # an account that no longer exists
    session.save()
    assert not get_user(client.get("/").wsgi_request).is_authenticated
