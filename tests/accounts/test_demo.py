"""The accounts part of the demo seeder."""

import random

import pytest
from django.test import Client
from django.urls import reverse

from accounts import demo
from accounts.models import Membership, Organisation, Role, User
from accounts.permissions import can_participate, can_speak_for
from portal.demo import DemoContext


def _seed(seed):
    ctx = DemoContext(rng=random.Random(seed))
    demo.seed(ctx)
    return ctx


def _snapshot():
    return sorted(
        Organisation.objects.values_list("name", "krs", "nip", "street", "postal_code", "is_public")
    )


@pytest.mark.django_db
def test_demo_accounts_have_their_roles_and_can_log_in():
    ctx = _seed(7)
    for role, email, password in demo.DEMO_ACCOUNTS:
        user = User.objects.get(email=email)
        assert user == ctx.shared["users"][role]
        assert user.has_role(role)
        assert can_participate(user)
        response = Client().post(reverse("account_login"), {"login": email, "password": password})
        assert response.status_code == 302
        assert response.url == reverse("accounts:profile")


@pytest.mark.django_db
def test_demo_has_a_representative_and_requests_waiting_for_officials():
    ctx = _seed(7)
    representative = ctx.shared["users"][Role.NGO_REPRESENTATIVE]
    assert can_speak_for(representative, ctx.shared["organisations"][0])
    pending = Membership.objects.pending()
    assert pending.count() == 2
    # One of them is for an organisation registered through the portal, not listed yet.
    assert pending.filter(organisation__is_public=False).count() == 1
    assert all(o.is_public for o in ctx.shared["organisations"])


@pytest.mark.django_db
def test_demo_organisations_are_the_same_for_the_same_seed():
    _seed(11)
    first = _snapshot()
    Membership.objects.all().delete()
    Organisation.objects.all().delete()
    User.objects.all().delete()
    _seed(11)
    assert _snapshot() == first
    assert all(len(krs) == 10 for _, krs, *_ in first)
