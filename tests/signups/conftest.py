import datetime

import pytest
from django.utils import timezone

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from cms_pages.factories import EventPageFactory, SupportCentrePageFactory
from municipalities.factories import rural_municipality, staff_user
from signups.models import RegistrationSettings
from tests.municipalities.conftest import _fresh_site_root_paths, media_root  # noqa: F401


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def other_municipality(db):
    return rural_municipality(2, name="Gmina Beta", slug="beta", hostname="beta.localhost")


@pytest.fixture
def official_elsewhere(other_municipality):
    return staff_user(other_municipality, username="urz_beta", roles=[Role.OFFICIAL])


@pytest.fixture
def other_ngo_user(db):
    return MembershipFactory(
        user=UserFactory(username="ngo2", roles=[Role.NGO_REPRESENTATIVE])
    ).user


@pytest.fixture
def event(home_page):
    return EventPageFactory(start=timezone.now() + datetime.timedelta(days=10))


@pytest.fixture
def signup(event, organisation):
    """Sign-up open, two places, the NGO's organisation organises it."""
    return RegistrationSettings.objects.create(
        event=event, places=2, allow_anonymous=True, organiser=organisation
    )


@pytest.fixture
def centre(home_page):
    # Monday to Friday 9-12 (three one-hour slots a day).
    return SupportCentrePageFactory(
        hours=[(day, datetime.time(9), datetime.time(12), "") for day in range(1, 6)]
    )
