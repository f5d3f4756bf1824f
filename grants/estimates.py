"""The updated cost estimate as data, and the agreed data of an agreement.

An updated estimate restates, when the grant is lower than requested, the parts of
the offer that follow from the amount: the task's dates, the schedule of actions, the
results, the cost lines, the own contribution and fees and the joint split. It is
stored in the offer's row format (OfferData) and checked by merging it into the
offer's data and running the offer's own rules (rules.check_offer), the requested
grant being the amount awarded.
"""

import datetime
from decimal import Decimal

from .rules import OfferData

ESTIMATE_FIELDS = ("start_date", "end_date", "own_financial", "own_non_financial", "recipient_fees")
ESTIMATE_TABLES = ("actions", "results", "costs", "shares")
DATE_KEYS = {"start_date", "end_date"}
AMOUNT_KEYS = {
    "unit_cost",
    "units",
    "value",
    "year_1",
    "year_2",
    "year_3",
    "amount",
    "grant_requested",
    "own_financial",
    "own_non_financial",
    "recipient_fees",
}


def _typed(row: dict) -> dict:
    """Values as the offer's forms give them: dates and Decimals (JSON keeps strings)."""
    typed = dict(row)
    for key, value in row.items():
        if isinstance(value, str) and key in DATE_KEYS:
            typed[key] = datetime.date.fromisoformat(value) if value else None
        elif isinstance(value, str) and key in AMOUNT_KEYS:
            typed[key] = Decimal(value) if value else None
    return typed


def to_stored(data: OfferData) -> dict:
    """What an UpdatedEstimate keeps of the typed data (its JSON encoder writes dates
    and Decimals as strings)."""
    stored = {"fields": {name: data.fields.get(name) for name in ESTIMATE_FIELDS}}
    for table in ESTIMATE_TABLES:
        stored[table] = [dict(row) for row in getattr(data, table)]
    return stored


def from_stored(stored: dict) -> OfferData:
    data = OfferData(fields=_typed(stored.get("fields") or {}))
    for table in ESTIMATE_TABLES:
        setattr(data, table, [_typed(row) for row in stored.get(table) or []])
    return data


def merged(offer: OfferData, estimate: OfferData | None, *, grant: Decimal) -> OfferData:
    """The offer with the estimate's parts put in and the grant awarded as the
    requested grant: what the offer's rules check, and what the agreement names."""
    fields = {**offer.fields, "grant_requested": grant}
    if estimate is None:
        return OfferData(
            fields=fields,
            actions=offer.actions,
            results=offer.results,
            costs=offer.costs,
            shares=offer.shares,
        )
    fields.update({name: estimate.fields.get(name) for name in ESTIMATE_FIELDS})
    return OfferData(
        fields=fields,
        actions=estimate.actions,
        results=estimate.results,
        costs=estimate.costs,
        shares=estimate.shares if offer.fields.get("is_joint") else [],
    )


def initial_estimate(offer: OfferData) -> dict:
    """The first version: the offer as it was, for the organisation to adjust."""
    return to_stored(offer)
