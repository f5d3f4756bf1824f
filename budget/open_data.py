"""The published results of an edition as open data: JSON and CSV, the whole edition or
one pool. Three queries whatever the number of projects (the edition, its pools, the
admitted projects). Schema: docs/budget.md ("Results as open data").

The CSV is RFC 4180 (comma, CRLF, UTF-8 without BOM, a header row); every cell goes
through portal.spreadsheet.neutralise_formula, so a title typed as a formula stays text
in a spreadsheet. The JSON carries the exact values.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from django.urls import reverse

from portal.spreadsheet import neutralise_formula

from .models import Edition, Pool, Project

SCHEMA = "okienko-budget-results/1"
COLUMNS = (
    "edition_id",
    "edition",
    "pool_id",
    "pool",
    "pool_kind",
    "pool_amount",
    "pool_ballots",
    "pool_residents",
    "pool_turnout_percent",
    "project_id",
    "project",
    "cost",
    "votes",
    "place",
    "chosen",
    "url",
)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _turnout(pool: Pool) -> str | None:
    percent = pool.turnout_percent
    return None if percent is None else f"{percent:.2f}"


def results_data(edition: Edition, pools: list[Pool], absolute) -> dict:
    """The published figures of `pools` (all of the edition's, or one). `absolute`
    turns a path into a full URL."""
    projects: dict[int, list[Project]] = {pool.pk: [] for pool in pools}
    queryset = (
        edition.projects.admitted()
        .filter(pool__in=pools)
        .order_by("pool__position", "pool_id", "result_rank", "pk")
    )
    for project in queryset:
        projects[project.pool_id].append(project)
    return {
        "schema": SCHEMA,
        "edition": {
            "id": edition.pk,
            "name": edition.name,
            "municipality": edition.municipality.name,
            "resolution": edition.resolution,
            "results_published_at": edition.results_published_at.isoformat(),
            "tie_break": edition.tie_break,
            "lottery_seed": edition.lottery_seed or None,
            "url": absolute(reverse("budget:results", args=[edition.pk])),
        },
        "pools": [
            {
                "id": pool.pk,
                "name": pool.name,
                "kind": pool.kind,
                "amount": _money(pool.amount),
                "ballots": pool.ballots_counted,
                "residents": pool.residents,
                "turnout_percent": _turnout(pool),
                "projects": [
                    {
                        "id": project.pk,
                        "title": project.title,
                        "cost": _money(project.verified_cost),
                        "votes": project.votes,
                        "place": project.result_rank,
                        "chosen": project.selected,
                        "url": absolute(project.get_absolute_url()),
                    }
                    for project in projects[pool.pk]
                ],
            }
            for pool in pools
        ],
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_formula(value)


def results_csv(data: dict) -> str:
    """One row per project, with its pool's amount, ballots and turnout."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    edition = data["edition"]
    for pool in data["pools"]:
        for project in pool["projects"]:
            row = (
                edition["id"],
                edition["name"],
                pool["id"],
                pool["name"],
                pool["kind"],
                pool["amount"],
                pool["ballots"],
                pool["residents"],
                pool["turnout_percent"],
                project["id"],
                project["title"],
                project["cost"],
                project["votes"],
                project["place"],
                project["chosen"],
                project["url"],
            )
            writer.writerow([_cell(value) for value in row])
    return out.getvalue()
