"""The rules an offer must meet, as pure functions of its data (no database).

The same checks run when a draft is saved (shown as what is left to fix), when it is
submitted (refusing it) and in the tests. Each problem names where it is: the offer
form (`table` None) or a row of one of its tables, and the field.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .numbers import CENT, format_amount, money

PUBLICATION_DAYS = 21  # art. 13 ust. 1
SMALL_GRANT_LIMIT = Decimal("10000.00")  # art. 19a ust. 1 pkt 1
SMALL_GRANT_DAYS = 90  # art. 19a ust. 1 pkt 2


@dataclass
class Problem:
    field: str
    message: str
    table: str | None = None
    row: int | None = None


@dataclass
class CallRules:
    """The call's parameters an offer is checked against (none for a small grant)."""

    funds: Decimal | None = None
    max_grant: Decimal | None = None
    min_own_pct: Decimal = Decimal("0")
    admin_cap_pct: Decimal | None = None
    in_kind_allowed: bool = True
    period: tuple[datetime.date, datetime.date] | None = None
    small_grant: bool = False


@dataclass
class OfferData:
    fields: dict
    actions: list[dict] = field(default_factory=list)
    results: list[dict] = field(default_factory=list)
    costs: list[dict] = field(default_factory=list)
    shares: list[dict] = field(default_factory=list)


def check_offer_deadline(deadline, announced_at) -> str | None:
    """Art. 13 ust. 1: at least 21 days between the announcement and the deadline."""
    if deadline is None:
        return _("Set the deadline for offers.")
    if deadline - announced_at < datetime.timedelta(days=PUBLICATION_DAYS):
        return _(
            "The deadline for offers must be at least %(days)s days after the call is "
            "published (art. 13 ust. 1 of the public benefit act); it is now %(left)s days."
        ) % {"days": PUBLICATION_DAYS, "left": (deadline - announced_at).days}
    return None


def line_value(line: dict) -> Decimal | None:
    if line.get("unit_cost") is None or line.get("units") is None:
        return line.get("value")
    return money(line["unit_cost"] * line["units"])


def cost_totals(costs: list[dict]) -> tuple[Decimal, Decimal]:
    """(total of all cost lines, total of administrative ones)."""
    total = admin = Decimal("0.00")
    for line in costs:
        value = line_value(line) or Decimal("0")
        total += value
        if line.get("action_number") is None:
            admin += value
    return money(total), money(admin)


def check_offer(data: OfferData, rules: CallRules, *, submitting: bool) -> list[Problem]:
    problems: list[Problem] = []
    f = data.fields
    problems += _required(data, submitting)
    problems += _dates(data, rules)
    problems += _costs(data)
    problems += _sources(data, rules)
    if f.get("is_joint"):
        problems += _joint(data)
    return problems


def _required(data, submitting):
    if not submitting:
        return []
    f = data.fields
    problems = []
    for name in ("offeror_name", "register_number", "address", "title", "description"):
        if not (f.get(name) or "").strip():
            problems.append(Problem(name, _("Fill this in before submitting.")))
    for name in ("start_date", "end_date"):
        if not f.get(name):
            problems.append(Problem(name, _("Fill this in before submitting.")))
    if not data.actions:
        problems.append(Problem("title", _("Add at least one action to the schedule."), "actions"))
    if not data.results:
        problems.append(Problem("title", _("Add at least one expected result."), "results"))
    if not data.costs:
        problems.append(Problem("grant_requested", _("Add at least one cost line."), "costs"))
    declarations = (
        "declared_statutory",
        "declared_no_arrears",
        "declared_register",
        "declared_truth",
        "declared_personal_data",
    )
    for name in declarations:
        if not f.get(name):
            problems.append(
                Problem(name, _("The offer cannot be submitted without this declaration."))
            )
    if f.get("is_joint") and not (f.get("co_offerors") or "").strip():
        problems.append(Problem("co_offerors", _("Name the other offerors of a joint offer.")))
    for index, row in enumerate(data.actions):
        for name in ("name", "start_date", "end_date"):
            if not row.get(name):
                problems.append(
                    Problem(name, _("Fill this in before submitting."), "actions", index)
                )
    for index, row in enumerate(data.results):
        for name in ("name", "target_value", "monitoring"):
            if not row.get(name):
                problems.append(
                    Problem(name, _("Fill this in before submitting."), "results", index)
                )
    for index, row in enumerate(data.costs):
        for name in ("name", "unit", "unit_cost", "units"):
            if row.get(name) in (None, ""):
                problems.append(Problem(name, _("Fill this in before submitting."), "costs", index))
    return problems


def _dates(data, rules):
    f = data.fields
    start, end = f.get("start_date"), f.get("end_date")
    problems = []
    if start and end and start > end:
        problems.append(Problem("end_date", _("The end date is before the start date.")))
        return problems
    if start and end and rules.period:
        first, last = rules.period
        if start < first or end > last:
            problems.append(
                Problem(
                    "start_date",
                    _("The call funds tasks carried out between %(first)s and %(last)s.")
                    % {"first": first.strftime("%d.%m.%Y"), "last": last.strftime("%d.%m.%Y")},
                )
            )
    if start and end and rules.small_grant and (end - start).days + 1 > SMALL_GRANT_DAYS:
        problems.append(
            Problem(
                "end_date",
                _("A small grant task lasts at most %(days)s days.") % {"days": SMALL_GRANT_DAYS},
            )
        )
    for index, row in enumerate(data.actions):
        a, b = row.get("start_date"), row.get("end_date")
        if a and b and a > b:
            problems.append(
                Problem("end_date", _("The end date is before the start date."), "actions", index)
            )
        elif start and end and ((a and a < start) or (b and b > end)):
            problems.append(
                Problem(
                    "start_date",
                    _("The action must lie within the task's dates."),
                    "actions",
                    index,
                )
            )
    return problems


def _costs(data):
    problems = []
    numbers = {row.get("number") for row in data.actions}
    for index, line in enumerate(data.costs):
        computed = line_value(line)
        given = line.get("value")
        if given is not None and computed is not None and given != computed:
            problems.append(
                Problem(
                    "value",
                    _("The value must equal unit cost × number of units (%(value)s).")
                    % {"value": format_amount(computed)},
                    "costs",
                    index,
                )
            )
        years = [line.get(f"year_{n}") for n in (1, 2, 3)]
        given_years = any(y is not None for y in years) and computed is not None
        if given_years and money(sum(y or 0 for y in years)) != computed:
            problems.append(
                Problem(
                    "year_1",
                    _("The values per year must add up to the line's value."),
                    "costs",
                    index,
                )
            )
        number = line.get("action_number")
        if number is not None and number not in numbers:
            problems.append(
                Problem(
                    "action_number",
                    _("There is no action with this number in the schedule."),
                    "costs",
                    index,
                )
            )
    return problems


def _sources(data, rules):
    f = data.fields
    problems = []
    total, admin = cost_totals(data.costs)
    grant = f.get("grant_requested") or Decimal("0")
    own_fin = f.get("own_financial") or Decimal("0")
    own_non = f.get("own_non_financial") or Decimal("0")
    fees = f.get("recipient_fees") or Decimal("0")
    sources = money(grant + own_fin + own_non + fees)
    if data.costs and sources != total:
        problems.append(
            Problem(
                "grant_requested",
                _(
                    "The requested grant, own contribution and fees (%(sources)s) must add "
                    "up to the total costs (%(total)s)."
                )
                % {"sources": format_amount(sources), "total": format_amount(total)},
            )
        )
    if rules.max_grant is not None and grant > rules.max_grant:
        problems.append(
            Problem(
                "grant_requested",
                _("The call's maximum grant is %(max)s.") % {"max": format_amount(rules.max_grant)},
            )
        )
    if rules.funds is not None and grant > rules.funds:
        problems.append(Problem("grant_requested", _("The grant cannot exceed the call's funds.")))
    if rules.small_grant and grant > SMALL_GRANT_LIMIT:
        problems.append(
            Problem(
                "grant_requested",
                _("A small grant is at most %(max)s.") % {"max": format_amount(SMALL_GRANT_LIMIT)},
            )
        )
    if own_non and not rules.in_kind_allowed:
        problems.append(
            Problem(
                "own_non_financial",
                _("This call does not allow valuing a non-financial contribution."),
            )
        )
    if total and rules.min_own_pct:
        counted = own_fin + (own_non if rules.in_kind_allowed else Decimal("0"))
        pct = (counted * 100 / total).quantize(CENT)
        if pct < rules.min_own_pct:
            problems.append(
                Problem(
                    "own_financial",
                    _(
                        "The call asks for an own contribution of at least %(min)s %% of "
                        "the total costs; this offer has %(pct)s %%."
                    )
                    % {"min": rules.min_own_pct, "pct": pct},
                )
            )
    if total and rules.admin_cap_pct is not None:
        pct = (admin * 100 / total).quantize(CENT)
        if pct > rules.admin_cap_pct:
            problems.append(
                Problem(
                    "grant_requested",
                    _(
                        "Administrative costs are %(pct)s %% of the total; the call "
                        "allows at most %(max)s %%."
                    )
                    % {"pct": pct, "max": rules.admin_cap_pct},
                )
            )
    return problems


def _joint(data):
    total, _admin = cost_totals(data.costs)
    split = money(sum((row.get("amount") or 0) for row in data.shares))
    if not data.shares or split != total:
        return [
            Problem(
                "amount",
                _(
                    "The joint offerors' amounts (%(split)s) must add up to the "
                    "total costs (%(total)s)."
                )
                % {"split": format_amount(split), "total": format_amount(total)},
                "shares",
                0,
            )
        ]
    return []
