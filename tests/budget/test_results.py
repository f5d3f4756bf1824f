"""Results: most votes first while the money lasts (a project that does not fit is
skipped), ties as configured, published with counts and turnout; a recount from the
ballots equals the published figures."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Implementation, Phase, Project, Status, TieBreak
from budget.services.results import compute_results, publish_results, recount
from budget.services.submission import PhaseClosed


@pytest.fixture
def counted(city):
    """Pool of 500 000 zł after the vote: A 300k (5 votes), B 250k (4), C 150k (3), D 60k (0)."""
    edition = make_edition(city, phase=Phase.COUNTING)
    pool = make_pool(edition, amount="500000.00", residents=1000)
    a = make_project(pool, title="A", cost="300000.00", status=Status.ADMITTED)
    b = make_project(pool, title="B", cost="250000.00", status=Status.ADMITTED)
    c = make_project(pool, title="C", cost="150000.00", status=Status.ADMITTED)
    d = make_project(pool, title="D", cost="60000.00", status=Status.ADMITTED)
    for choices in [[a, b, c]] * 3 + [[a, b]] + [[a]]:
        make_ballot(pool, choices, pesel_hash=None, voter=None)
    return edition, pool, (a, b, c, d)


def test_most_votes_first_skipping_what_does_not_fit(counted):
    edition, pool, (a, b, c, d) = counted
    ranking = compute_results(edition)[pool.pk].ranking
    assert ranking == [(a.pk, 5, True), (b.pk, 4, False), (c.pk, 3, True), (d.pk, 0, False)]


def test_ties_go_to_the_lower_cost(city):
    edition = make_edition(city, phase=Phase.COUNTING, tie_break=TieBreak.LOWER_COST)
    pool = make_pool(edition, amount="100000.00")
    dear = make_project(pool, title="Droższy", cost="90000.00", status=Status.ADMITTED)
    cheap = make_project(pool, title="Tańszy", cost="20000.00", status=Status.ADMITTED)
    make_ballot(pool, [dear, cheap])
    ranking = compute_results(edition)[pool.pk].ranking
    assert [pk for pk, _v, _c in ranking] == [cheap.pk, dear.pk]
    assert [chosen for _p, _v, chosen in ranking] == [True, False]


def test_lottery_is_reproducible_from_the_recorded_seed(official, city):
    edition = make_edition(city, phase=Phase.COUNTING, tie_break=TieBreak.LOTTERY)
    pool = make_pool(edition, amount="100000.00")
    tied = [
        make_project(pool, title=f"P{i}", cost="60000.00", status=Status.ADMITTED) for i in range(5)
    ]
    make_ballot(pool, tied)
    publish_results(by=official, edition=edition)
    edition.refresh_from_db()
    assert len(edition.lottery_seed) == 32
    again = compute_results(edition)[pool.pk].ranking
    published = sorted(Project.objects.filter(pool=pool), key=lambda p: p.result_rank)
    assert [p.pk for p in published] == [pk for pk, _v, _c in again]
    assert sum(p.selected for p in published) == 1


def test_published_results_show_counts_and_turnout(client, official, counted):
    edition, pool, (a, *_rest) = counted
    assert client.get(reverse("budget:results", args=[edition.pk])).status_code == 404
    publish_results(by=official, edition=edition)
    a.refresh_from_db()
    pool.refresh_from_db()
    assert (a.votes, a.selected, a.implementation) == (5, True, Implementation.PLANNED)
    assert (
        pool.ballots_counted == 5
        and pool.turnout_percent == Decimal("0.5")
        or pool.turnout_percent == 0.5
    )
    body = client.get(reverse("budget:results", args=[edition.pk])).content.decode()
    assert "0.5" in body or "0,5" in body


def test_results_cannot_be_published_before_the_vote_ends_or_twice(
    official, counted, voting_edition
):
    with pytest.raises(PhaseClosed):
        publish_results(by=official, edition=voting_edition)
    edition = counted[0]
    publish_results(by=official, edition=edition)
    with pytest.raises(PhaseClosed):
        publish_results(by=official, edition=edition)


def test_recount_equals_the_published_results_and_finds_tampering(official, counted):
    edition, pool, (a, b, c, d) = counted
    publish_results(by=official, edition=edition)
    assert recount(edition) == []
    call_command("budget_recount", str(edition.pk))
    Project.objects.filter(pk=b.pk).update(votes=7)
    with pytest.raises(CommandError, match="Tallies differ"):
        call_command("budget_recount", str(edition.pk))


def test_edition_after_publication_is_in_results(official, counted):
    edition = counted[0]
    publish_results(by=official, edition=edition)
    edition.refresh_from_db()
    assert edition.phase == Phase.RESULTS
    assert edition.results_published_at <= timezone.now()
