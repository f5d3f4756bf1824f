"""The demo builds the council, two working groups and an open call; a second council
in Lipowa Dolina, whose call refuses the city's organisations politely."""

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
    council = Body.objects.get(kind="council", municipality__slug="zielonogrod")
    assert council.terms.count() == 2
    assert Body.objects.filter(kind="working_group").count() == 2
    assert Minutes.objects.filter(status="published").count() == 2
    call = CandidateCall.objects.get(body=council)
    assert call.nominations_are_open
    for url in ("/wspolpraca/", council.get_absolute_url(), call.get_absolute_url()):
        assert client.get(url).status_code == 200


def test_the_demo_ngo_is_refused_politely_in_lipowa_dolina(client, home_page):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    call_command("seed_demo", "--seed", "2026")
    call = CandidateCall.objects.get(body__municipality__slug="lipowa-dolina")
    assert call.nominations_are_open and call.candidates.count() == 1
    client.force_login(get_user_model().objects.get(email="fundacja@okienko.example.org"))
    assert 'id="nomination-elsewhere"' in client.get(call.get_absolute_url()).content.decode()
    assert client.get(reverse("cooperation:nominate", args=[call.pk])).status_code == 403
    city_call = CandidateCall.objects.get(body__municipality__slug="zielonogrod")
    assert client.get(reverse("cooperation:nominate", args=[city_call.pk])).status_code == 200
