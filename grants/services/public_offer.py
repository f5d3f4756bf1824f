"""The public content of a small grant offer, as published for comments.

What the public reads is the task: who offers it (the organisation's name, legal form,
register number and website), what it is, when, for whom, its schedule, results and
costs. The people of the offeror stay out: no contact person, e-mail, phone or postal
address, and no names of contractors from the schedule.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts.models import PublicBenefitArea
from consultations.subjects import Document, Part

from ..models import Offer
from ..models.small import WARSAW
from ..numbers import format_amount
from ..rules import cost_totals, line_value
from .offers import offer_data


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


def _number(value) -> str:
    """Decimal('10.00') -> '10', Decimal('2.50') -> '2,5'."""
    text = f"{value or 0:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _zl(value) -> str:
    return f"{format_amount(value or 0)} zł"


def _lines(*pairs) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs if value not in (None, ""))


def _basic(offer, fields) -> str:
    area = dict(PublicBenefitArea.choices).get(fields["task_area"], "")
    return _lines(
        (_("Public administration body addressed"), offer.municipality.name),
        (_("Type of public task"), area),
    )


def _label(name) -> str:
    """The offer form's label of a field."""
    return capfirst(Offer._meta.get_field(name).verbose_name)


def _offeror(fields) -> str:
    names = ("offeror_name", "legal_form", "register_number", "website")
    return _lines(*((_label(name), fields[name]) for name in names))


def _task(fields) -> str:
    head = _lines(
        (_label("title"), fields["title"]),
        (_label("start_date"), _date(fields["start_date"])),
        (_label("end_date"), _date(fields["end_date"])),
    )
    return f"{head}\n\n{fields['description']}".strip()


def _schedule(actions) -> str:
    rows = []
    for action in actions:
        row = f"{action['number']}. {action['name']} ({_date(action['start_date'])} – "
        row += f"{_date(action['end_date'])})"
        if action.get("target_group"):
            row += f". {_('Target group')}: {action['target_group']}"
        if action.get("description"):
            row += f". {action['description']}"
        rows.append(row)
    return "\n".join(rows)


def _results(fields, results) -> str:
    rows = [f"– {r['name']}: {r['target_value']} ({r['monitoring']})" for r in results]
    return "\n".join(filter(None, [fields["expected_results"], *rows]))


def _costs(fields, costs) -> str:
    rows = []
    for line in costs:
        where = (
            _("action %(n)s") % {"n": line["action_number"]}
            if line["action_number"] is not None
            else _("administrative cost")
        )
        rows.append(
            f"– {line['name']} ({where}): {_number(line['units'])} {line['unit']} × "
            f"{_zl(line['unit_cost'])} = {_zl(line_value(line))}"
        )
    total, _admin = cost_totals(costs)
    sums = _lines(
        (_("Total costs"), _zl(total)),
        (_("Requested grant"), _zl(fields["grant_requested"])),
        (_("Own financial contribution"), _zl(fields["own_financial"])),
        (_("Own non-financial contribution"), _zl(fields["own_non_financial"])),
        (_("Fees from recipients"), _zl(fields["recipient_fees"])),
    )
    return "\n".join([*rows, "", sums]).strip()


def public_parts(offer: Offer) -> list[Part]:
    data = offer_data(offer)
    fields = data.fields

    def part(code, label, text):
        citation = _("part %(code)s of the offer") % {"code": code}
        anchor = "czesc-" + code.lower().replace(".", "-")
        return Part(label=label, citation=citation, anchor=anchor, text=text)

    parts = [
        part("I", _("I. Basic information"), _basic(offer, fields)),
        part("II", _("II. Offeror"), _offeror(fields)),
        part("III", _("III. The public task"), _task(fields)),
        part("III.4", _("III.4 Schedule of actions"), _schedule(data.actions)),
        part("III.5", _("III.5 Expected results"), _results(fields, data.results)),
        part("V", _("V. Calculation of costs"), _costs(fields, data.costs)),
    ]
    if fields["paid_activity"]:
        parts.append(part("VI", _("VI. Other information"), fields["paid_activity"]))
    return parts


def public_document(offer: Offer, *, closes_at) -> Document:
    """The consultation page's content for the offer (in the active language)."""
    municipality = offer.municipality
    title = offer.title or _("Offer no. %(pk)s") % {"pk": offer.pk}
    return Document(
        title=_("Small grant: %(title)s") % {"title": title},
        slug=f"maly-grant-{offer.pk}",
        subject=_(
            "Simplified offer of %(organisation)s to carry out a public task without a "
            "call for proposals (art. 19a of the public benefit act)"
        )
        % {"organisation": offer.organisation.name},
        lead=_(
            "Anyone may comment on this offer until %(date)s. After the comments the "
            "authority decides whether to award the grant of %(amount)s requested."
        )
        % {
            "date": closes_at.astimezone(WARSAW).strftime("%d.%m.%Y %H:%M"),
            "amount": _zl(offer.grant_requested),
        },
        heading=title,
        parts=public_parts(offer),
        organiser=municipality.office_name or municipality.name,
        contact=municipality.contact_email,
        form=_("comments through the portal"),
    )
