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


@pytest.mark.parametrize(
    "who", ["resident", "unverified_user", "ngo_user", "editor", "official", "administrator"]
)
def test_the_session_user_carries_the_facts_commenting_asks(request, client, who):
    """accounts.backends reads "verified e-mail" and "official role" with the user row;
    they answer as accounts.permissions does, and commenter_facts() asks no more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.permissions import has_verified_email, is_official
    from consultations.permissions import commenter_facts

    account = request.getfixturevalue(who)
    client.force_login(account)
    user = get_user(client.get("/").wsgi_request)
    with CaptureQueriesContext(connection) as queries:
        facts = commenter_facts(user)
    assert len(queries) == 0
    assert facts.verified == has_verified_email(account)
    assert facts.official == is_official(account)
    assert not facts.organisations_read  # read only when asked
    expected = [m.organisation for m in account.memberships.filter(status="approved")]
    assert list(facts.organisations) == expected


def test_facts_are_read_again_on_the_next_request(client, unverified_user):
    from allauth.account.models import EmailAddress

    from consultations.permissions import commenter_facts

    client.force_login(unverified_user)
    assert not commenter_facts(get_user(client.get("/").wsgi_request)).verified
    EmailAddress.objects.create(
        user=unverified_user, email=unverified_user.email, verified=True, primary=True
    )
    assert commenter_facts(get_user(client.get("/").wsgi_request)).verified
