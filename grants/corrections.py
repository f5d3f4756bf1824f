"""The parts of an offer an official may list in a call for formal corrections, and
keeping everything else as it was (pure functions, no database)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .rules import OfferData


@dataclass(frozen=True)
class Item:
    label: str
    fields: tuple[str, ...]
    tables: tuple[str, ...] = ()


DECLARATIONS = (
    "declared_statutory",
    "declared_no_arrears",
    "declared_register",
    "declared_truth",
    "declared_personal_data",
)

# The template's sections; every field and table of the offer is in exactly one.
ITEMS = {
    "basic": Item(_("I. Basic information"), ("task_area",)),
    "offeror": Item(
        _("II. Offeror(s)"),
        (
            "offeror_name",
            "legal_form",
            "register_number",
            "address",
            "website",
            "email",
            "phone",
            "contact_person",
            "is_joint",
            "co_offerors",
        ),
    ),
    "task": Item(
        _("III. The public task"),
        ("title", "start_date", "end_date", "description", "expected_results"),
        ("actions", "results"),
    ),
    "capacity": Item(_("IV. The offeror's capacity"), ("experience", "resources")),
    "costs": Item(
        _("V. Calculation of costs"),
        ("grant_requested", "own_financial", "own_non_financial", "recipient_fees"),
        ("costs", "shares"),
    ),
    "other": Item(
        _("VI. Other information"), ("paid_activity", "joint_roles", "other_information")
    ),
    "declarations": Item(_("VII. Declarations"), DECLARATIONS),
}
TABLE_NAMES = ("actions", "results", "costs", "shares")


def item_choices():
    return [(key, item.label) for key, item in ITEMS.items()]


def labels(keys) -> list[str]:
    return [str(ITEMS[key].label) for key in keys if key in ITEMS]


def allowed(keys) -> tuple[set[str], set[str]]:
    """(fields, tables) the listed parts cover."""
    fields, tables = set(), set()
    for key in keys:
        item = ITEMS.get(key)
        if item is not None:
            fields.update(item.fields)
            tables.update(item.tables)
    return fields, tables


def limit_to_items(typed: OfferData, stored: OfferData, keys) -> OfferData:
    """The offer as typed in the listed parts and as stored everywhere else."""
    fields, tables = allowed(keys)
    merged = {
        name: typed.fields.get(name, value) if name in fields else value
        for name, value in stored.fields.items()
    }
    result = OfferData(fields=merged)
    for table in TABLE_NAMES:
        source = typed if table in tables else stored
        setattr(result, table, list(getattr(source, table)))
    return result
