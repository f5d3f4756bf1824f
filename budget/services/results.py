"""Results: votes counted per project, projects chosen per pool by the resolution's
rule (most votes first while the money lasts: a project that no longer fits is
skipped and the next ones are tried), ties resolved as the edition says.

`compute_results()` is pure reading; `publish_results()` stores its figures on the
projects and pools; `recount()` computes again from the ballots and lists every
difference from what was published.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .. import permissions, tasks
from ..models import Ballot, BallotChoice, Edition, Implementation, Project, Status, TieBreak
from .submission import PhaseClosed


@dataclass
class PoolResult:
    pool_id: int
    ballots: int
    ranking: list[tuple[int, int, bool]] = field(default_factory=list)  # (project, votes, chosen)


def _tie_key(edition: Edition, seed: str):
    if edition.tie_break == TieBreak.LOTTERY:
        return lambda pk, cost: (random.Random(f"{seed}:{pk}").random(), pk)  # noqa: S311 - a recorded, reproducible draw
    return lambda pk, cost: (cost, pk)


def compute_results(edition: Edition, seed: str | None = None) -> dict[int, PoolResult]:
    """Rank every pool's admitted projects from the stored ballots (three queries)."""
    seed = edition.lottery_seed if seed is None else seed
    votes = dict(
        BallotChoice.objects.filter(ballot__edition=edition)
        .values_list("project")
        .annotate(n=Count("pk"))
        .values_list("project", "n")
    )
    ballots = dict(
        Ballot.objects.filter(edition=edition)
        .values_list("pool")
        .annotate(n=Count("pk"))
        .values_list("pool", "n")
    )
    tie = _tie_key(edition, seed)
    results = {
        pool.pk: PoolResult(pool.pk, ballots.get(pool.pk, 0)) for pool in edition.pools.all()
    }
    amounts = {pool.pk: pool.amount for pool in edition.pools.all()}
    by_pool: dict[int, list] = {pk: [] for pk in results}
    for pk, pool_id, cost in edition.projects.admitted().values_list("pk", "pool", "verified_cost"):
        by_pool[pool_id].append((pk, votes.get(pk, 0), cost or Decimal(0)))
    for pool_id, projects in by_pool.items():
        projects.sort(key=lambda p: (-p[1], *tie(p[0], p[2])))
        money = amounts[pool_id]
        for pk, count, cost in projects:
            chosen = count > 0 and cost <= money
            if chosen:
                money -= cost
            results[pool_id].ranking.append((pk, count, chosen))
    return results


@transaction.atomic
def publish_results(*, by, edition: Edition) -> dict[int, PoolResult]:
    """Compute and publish the results once voting is over (the lottery seed, when the
    edition draws lots, is fixed now and published). Each admitted project's author is
    e-mailed whether it was chosen."""
    if not permissions.can_manage_edition(by, edition):
        raise PermissionDenied
    if timezone.now() < edition.voting_end or edition.results_public:
        raise PhaseClosed
    if edition.tie_break == TieBreak.LOTTERY and not edition.lottery_seed:
        edition.lottery_seed = secrets.token_hex(16)
    results = compute_results(edition)
    projects = []
    for result in results.values():
        for rank, (pk, count, chosen) in enumerate(result.ranking, start=1):
            projects.append(
                Project(
                    pk=pk,
                    votes=count,
                    selected=chosen,
                    result_rank=rank,
                    implementation=Implementation.PLANNED if chosen else "",
                )
            )
    Project.objects.bulk_update(projects, ["votes", "selected", "result_rank", "implementation"])
    for pool in edition.pools.all():
        pool.ballots_counted = results[pool.pk].ballots
        pool.save(update_fields=["ballots_counted"])
    edition.results_published_at = timezone.now()
    edition.save(update_fields=["results_published_at", "lottery_seed"])
    transaction.on_commit(lambda: tasks.send_results_mails.enqueue(edition.pk))
    return results


def recount(edition: Edition) -> list[str]:
    """Differences between the published figures and a count from the ballots now."""
    if not edition.results_public:
        return ["results not published"]
    fresh = compute_results(edition)
    differences = []
    published = {
        p.pk: p
        for p in edition.projects.filter(status=Status.ADMITTED).only(
            "pk", "votes", "selected", "result_rank"
        )
    }
    for pool in edition.pools.all():
        result = fresh[pool.pk]
        if pool.ballots_counted != result.ballots:
            differences.append(
                f"pool {pool.pk}: ballots {pool.ballots_counted} != {result.ballots}"
            )
        for rank, (pk, count, chosen) in enumerate(result.ranking, start=1):
            p = published[pk]
            if (p.votes, p.selected, p.result_rank) != (count, chosen, rank):
                differences.append(
                    f"project {pk}: published {p.votes}/{p.selected}/#{p.result_rank}, "
                    f"counted {count}/{chosen}/#{rank}"
                )
    return differences
