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


def test_demo_voters_keep_to_one_district_and_a_second_run_changes_nothing(
    home_page, settings, tmp_path
):
    from django.db.models import Count

    from budget.models import Ballot, Pool, PoolKind

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    call_command("seed_demo", "--seed", "2026")
    current = next(e for e in Edition.objects.all() if e.phase == Phase.VOTING)
    assert current.one_district_pool
    assert current.pools.filter(kind=PoolKind.DISTRICT).count() == 2
    per_voter = (
        Ballot.objects.filter(edition=current, pool__kind=PoolKind.DISTRICT)
        .values("pesel_hash")
        .annotate(n=Count("pk"))
    )
    assert per_voter and max(row["n"] for row in per_voter) == 1
    counts = (Edition.objects.count(), Pool.objects.count(), Ballot.objects.count())
    call_command("seed_demo", "--seed", "2026")
    assert (Edition.objects.count(), Pool.objects.count(), Ballot.objects.count()) == counts
