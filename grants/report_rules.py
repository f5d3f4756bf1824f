"""The rules a report meets (art. 18 of the public benefit act), as pure functions of
its data: results against the agreed target values, costs actually incurred per cost
line and per source, personal and in-kind contributions separately.

The same checks run when a draft is saved (shown as what is left to fix), when it is
submitted (refusing it) and in the tests; problems name their place like the offer's
(rules.Problem).
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .numbers import CENT, format_amount, money, shares
from .rules import Problem

REPORT_DAYS = 30  # art. 18: within 30 days of the end of the period reported on
SOURCE_FIELDS = ("grant_spent", "own_financial", "own_personal", "own_in_kind", "recipient_fees")
NUMBER = re.compile(r"^\s*(\d[\d \u00a0]*(?:[.,]\d+)?)")


@dataclass
class ReportData:
    fields: dict
    results: list[dict] = field(default_factory=list)
    costs: list[dict] = field(default_factory=list)


@dataclass
class ReportTerms:
    """What the agreement fixes for the report."""

    grant: Decimal
    in_kind_allowed: bool = True
    threshold_pct: Decimal = Decimal("80")


def due_date(period_end: datetime.date) -> datetime.date:
    return period_end + datetime.timedelta(days=REPORT_DAYS)


def leading_number(text) -> Decimal | None:
    """The number a target value starts with: "1 200 osób" -> 1200, "12,5 %" -> 12.5."""
    match = NUMBER.match(text or "")
    if not match:
        return None
    return Decimal(re.sub(r"[ \u00a0]", "", match[1]).replace(",", "."))


def achievement(target_value, achieved) -> Decimal | None:
    """The value achieved as a percentage of a numeric target value."""
    target = leading_number(target_value)
    if not target or achieved is None:
        return None
    return (Decimal(achieved) * 100 / target).quantize(CENT)


def actual_totals(costs: list[dict]) -> tuple[Decimal, Decimal]:
    """(costs actually incurred, of which paid from the grant)."""
    total = money(sum((row.get("actual_total") or 0) for row in costs))
    grant = money(sum((row.get("actual_grant") or 0) for row in costs))
    return total, grant


def check_report(data: ReportData, terms: ReportTerms, *, submitting: bool) -> list[Problem]:
    problems = _required(data) if submitting else []
    problems += _results(data, terms, submitting)
    problems += _costs(data, submitting)
    problems += _sources(data, terms, submitting)
    return problems


def _required(data):
    f = data.fields
    problems = []
    if not (f.get("actions_description") or "").strip():
        problems.append(Problem("actions_description", _("Fill this in before submitting.")))
    for name in ("declared_truth", "declared_accounts"):
        if not f.get(name):
            problems.append(
                Problem(name, _("The report cannot be submitted without this declaration."))
            )
    return problems


def _results(data, terms, submitting):
    problems = []
    if not submitting:
        return problems
    for index, row in enumerate(data.results):
        numeric = leading_number(row.get("target_value")) is not None
        comment = (row.get("comment") or "").strip()
        if numeric and row.get("achieved") is None:
            problems.append(Problem("achieved", _("Give the value achieved."), "results", index))
            continue
        pct = achievement(row.get("target_value"), row.get("achieved"))
        if pct is not None and pct < terms.threshold_pct and not comment:
            problems.append(
                Problem(
                    "comment",
                    _(
                        "The result reached %(pct)s %% of its target value (less than "
                        "%(min)s %%): explain why."
                    )
                    % {"pct": pct, "min": terms.threshold_pct},
                    "results",
                    index,
                )
            )
        elif not numeric and not comment:
            problems.append(Problem("comment", _("Describe what was achieved."), "results", index))
    return problems


def _costs(data, submitting):
    problems = []
    for index, row in enumerate(data.costs):
        total, grant = row.get("actual_total"), row.get("actual_grant")
        if submitting:
            for name in ("actual_total", "actual_grant"):
                if row.get(name) is None:
                    problems.append(
                        Problem(
                            name,
                            _("Fill this in before submitting (0 when nothing was spent)."),
                            "costs",
                            index,
                        )
                    )
        if total is not None and grant is not None and grant > total:
            problems.append(
                Problem(
                    "actual_grant",
                    _("The part paid from the grant cannot exceed the cost incurred."),
                    "costs",
                    index,
                )
            )
    return problems


def _sources(data, terms, submitting):
    f = data.fields
    values = {name: f.get(name) or Decimal("0") for name in SOURCE_FIELDS}
    total, from_grant = actual_totals(data.costs)
    sources = money(sum(values.values()))
    problems = []
    if sources != total:
        problems.append(
            Problem(
                "grant_spent",
                _(
                    "The sources (%(sources)s) must add up to the costs actually "
                    "incurred (%(total)s)."
                )
                % {"sources": format_amount(sources), "total": format_amount(total)},
            )
        )
    if values["grant_spent"] != from_grant:
        problems.append(
            Problem(
                "grant_spent",
                _(
                    "The grant spent must equal the cost lines' parts paid from the "
                    "grant (%(value)s)."
                )
                % {"value": format_amount(from_grant)},
            )
        )
    if values["grant_spent"] > terms.grant:
        problems.append(
            Problem(
                "grant_spent",
                _("At most the grant awarded (%(grant)s) can be spent from it.")
                % {"grant": format_amount(terms.grant)},
            )
        )
    if not terms.in_kind_allowed:
        for name in ("own_personal", "own_in_kind"):
            if values[name]:
                problems.append(
                    Problem(
                        name, _("This call does not allow valuing a non-financial contribution.")
                    )
                )
    if submitting:
        for amount, text in (
            ("own_personal", "personal_description"),
            ("own_in_kind", "in_kind_description"),
        ):
            if values[amount] and not (f.get(text) or "").strip():
                problems.append(Problem(text, _("Describe this contribution and its value.")))
    return problems


def compare_sources(agreed: dict, actual: dict) -> list[dict]:
    """The sources table of a report: each source as agreed and as actually incurred,
    with shares of the total to two places summing to 100 %."""
    agreed_parts = {
        "grant": agreed.get("grant_requested") or 0,
        "financial": agreed.get("own_financial") or 0,
        "non_financial": agreed.get("own_non_financial") or 0,
        "fees": agreed.get("recipient_fees") or 0,
    }
    actual_parts = {
        "grant": actual.get("grant_spent") or 0,
        "financial": actual.get("own_financial") or 0,
        "personal": actual.get("own_personal") or 0,
        "in_kind": actual.get("own_in_kind") or 0,
        "fees": actual.get("recipient_fees") or 0,
    }
    agreed_total = money(sum(agreed_parts.values()))
    actual_total = money(sum(actual_parts.values()))
    agreed_pct = shares(agreed_parts, agreed_total)
    actual_pct = shares(actual_parts, actual_total)
    actual_parts["non_financial"] = actual_parts["personal"] + actual_parts["in_kind"]
    actual_pct["non_financial"] = actual_pct["personal"] + actual_pct["in_kind"]
    own = ("financial", "non_financial")

    def row(number, label, key_agreed, key_actual):
        return {
            "number": number,
            "label": label,
            "agreed": agreed_parts.get(key_agreed) if key_agreed else None,
            "agreed_pct": agreed_pct.get(key_agreed) if key_agreed else None,
            "actual": actual_parts.get(key_actual),
            "actual_pct": actual_pct.get(key_actual),
        }

    rows = [
        {
            "number": "1",
            "label": _("Total costs"),
            "agreed": agreed_total,
            "agreed_pct": Decimal("100.00") if agreed_total else Decimal("0"),
            "actual": actual_total,
            "actual_pct": Decimal("100.00") if actual_total else Decimal("0"),
        },
        row("2", _("Grant"), "grant", "grant"),
        {
            "number": "3",
            "label": _("Own contribution"),
            "agreed": sum(agreed_parts[k] for k in own),
            "agreed_pct": sum(agreed_pct[k] for k in own),
            "actual": sum(actual_parts[k] for k in own),
            "actual_pct": sum(actual_pct[k] for k in own),
        },
        row("3.1", _("financial"), "financial", "financial"),
        row("3.2", _("non-financial"), "non_financial", "non_financial"),
        row("3.2.1", _("personal (work of volunteers and members)"), None, "personal"),
        row("3.2.2", _("in-kind"), None, "in_kind"),
        row("4", _("Fees from recipients"), "fees", "fees"),
    ]
    return rows
