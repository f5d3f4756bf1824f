"""Fixtures for the small grant tests: a submitted small grant offer of the NGO user's
organisation to the home municipality, and the same offer published for comments.

Import the fixtures you need into a test module: `from .small_fixtures import ...`.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from consultations.factories import ConsultationIndexPageFactory
from grants.services import small as service
from grants.small_factories import complete_small_offer
from municipalities.services import home_municipality

WARSAW = ZoneInfo("Europe/Warsaw")
# A Monday in May: no change of the clocks within the comment week.
PUBLISHED = datetime.datetime(2026, 5, 4, 10, 0, tzinfo=WARSAW)


@pytest.fixture
def consultation_index(home_page):
    return ConsultationIndexPageFactory(parent=home_page, title="Konsultacje")


@pytest.fixture
def city(home_page):
    return home_municipality()


@pytest.fixture
def small_offer(city, organisation, ngo_user):
    return complete_small_offer(
        municipality=city,
        organisation=organisation,
        user=ngo_user,
        status="submitted",
        start=datetime.date(2026, 6, 1),
    )


@pytest.fixture
def clock():
    """Time stands at PUBLISHED (Polish time) until the test moves it."""
    with freeze_time(PUBLISHED) as frozen:
        yield frozen


@pytest.fixture
def published(clock, small_offer, official, consultation_index):
    return service.publish_for_comments(offer=small_offer, user=official)
