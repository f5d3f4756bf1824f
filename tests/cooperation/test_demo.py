"""The demo builds the council, two working groups and an open call."""

import pytest
from django.core.management import call_command

from cooperation.models import Body, CandidateCall, Minutes

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_the_demo_has_a_council_groups_minutes_and_an_open_call(client, home_page):
    call_command("seed_demo", "--seed", "2026")
    council = Body.objects.get(kind="council")
    assert council.terms.count() == 2
    assert Body.objects.filter(kind="working_group").count() == 2
    assert Minutes.objects.filter(status="published").count() == 2
    call = CandidateCall.objects.get()
    assert call.nominations_are_open
    for url in ("/wspolpraca/", council.get_absolute_url(), call.get_absolute_url()):
        assert client.get(url).status_code == 200
