"""Editions, pools, projects and ballots for tests, the demo and the benchmark."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from .models import (
    Ballot,
    BallotChoice,
    CostLine,
    Edition,
    Phase,
    Pool,
    PoolKind,
    Project,
    Status,
    VotingRule,
)

DAY = datetime.timedelta(days=1)
# Phase starts relative to the start of submission, in days.
OFFSETS = {
    "submission_start": 0,
    "submission_end": 21,
    "verification_end": 50,
    "appeals_end": 57,
    "voting_start": 60,
    "voting_end": 78,
    "results_date": 80,
    "implementation_start": 90,
}
# Days after submission started, for an edition that is now in the given phase.
NOW_AT = {
    Phase.UPCOMING: -5,
    Phase.SUBMISSION: 10,
    Phase.VERIFICATION: 30,
    Phase.APPEALS: 52,
    Phase.WAITING: 58,
    Phase.VOTING: 65,
    Phase.COUNTING: 79,
    Phase.RESULTS: 85,
    Phase.IMPLEMENTATION: 200,
}


def phase_dates(phase: str, now=None) -> dict:
    start = (now or timezone.now()) - NOW_AT[Phase(phase)] * DAY
    return {field: start + days * DAY for field, days in OFFSETS.items()}


def make_edition(municipality, *, phase=Phase.SUBMISSION, name=None, **fields) -> Edition:
    values = {
        "name": name or f"Budżet obywatelski {timezone.now().year + 1}",
        "is_published": True,
        **phase_dates(phase),
        **fields,
    }
    return Edition.objects.create(municipality=municipality, **values)


def make_pool(edition, *, name="Cała gmina", amount="500000.00", residents=40_000, **fields):
    values = {
        "kind": PoolKind.CITY,
        "signatures_required": 0,
        "voting_rule": VotingRule.BUDGET,
        **fields,
    }
    return Pool.objects.create(
        edition=edition, name=name, amount=Decimal(amount), residents=residents, **values
    )


def make_project(
    pool, *, author=None, title="Ławki w parku", cost="50000.00", status=Status.SUBMITTED, **fields
):
    values = {
        "location": "Park Miejski, ul. Lipowa",
        "description": "Dziesięć ławek i kosze na śmieci.",
        "justification": "Mieszkańcy nie mają gdzie usiąść.",
        "submitted_at": None if status == Status.DRAFT else timezone.now(),
        **fields,
    }
    if status == Status.ADMITTED:
        values.setdefault("verified_cost", Decimal(cost))
        values.setdefault("formal_ok", True)
        values.setdefault("legal_ok", True)
        values.setdefault("technical_ok", True)
        values.setdefault("reasoning", "Projekt spełnia wymogi.")
        values.setdefault("verified_at", timezone.now())
    project = Project.objects.create(
        edition=pool.edition, pool=pool, author=author, title=title, status=status, **values
    )
    CostLine.objects.create(project=project, item="Wykonanie", amount=Decimal(cost))
    return project


def make_ballot(pool, projects, *, voter=None, pesel_hash=None) -> Ballot:
    ballot = Ballot.objects.create(
        edition=pool.edition,
        pool=pool,
        voter=voter,
        pesel_hash=pesel_hash,
        district_vote=pool.limits_districts,
    )
    BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, project=p) for p in projects)
    return ballot
