import pytest
from django.core.management import call_command
from django.urls import reverse

from budget.models import Edition, Implementation, Phase, ProjectImage
from budget.services.results import recount

# Seeding the whole demo takes seconds on a quiet machine and minutes on a busy one;
# the per-test limit (pyproject) would stop a healthy run. Still bounded.
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]


def test_demo_has_an_edition_in_voting_and_a_finished_one(client, home_page, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    call_command("seed_demo", "--seed", "2026")
    phases = {e.phase for e in Edition.objects.all()}
    assert {Phase.VOTING, Phase.IMPLEMENTATION} <= phases
    finished = next(e for e in Edition.objects.all() if e.phase == Phase.IMPLEMENTATION)
    assert recount(finished) == []
    states = set(finished.projects.filter(selected=True).values_list("implementation", flat=True))
    assert Implementation.DONE in states
    assert ProjectImage.objects.filter(kind="implementation").exists()
    assert client.get(reverse("budget:results", args=[finished.pk])).status_code == 200
