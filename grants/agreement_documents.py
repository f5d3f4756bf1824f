"""The agreement as DOCX and tagged PDF, laid out as blocks for the offer's writers
(documents.write_pdf and write_docx).

The agreement follows the order of the framework agreement of Dz.U. 2018 poz. 2057:
parties, subject, dates, the grant and its payment schedule, own contribution,
reporting duty, final provisions, attachments (the offer, the updated estimate and the
agreed schedule, results and costs). The wording is the portal's plain version; an
office whose practice prescribes other clauses adapts the DOCX before signing.
"""

from django.utils import formats
from django.utils.translation import gettext as _

from accounts.models import PublicBenefitArea

from .agreement_rules import format_bank_account
from .documents import (
    Block,
    _s,
    cost_blocks,
    results_blocks,
    schedule_blocks,
    write_docx,
    write_pdf,
)
from .models import CallTerms
from .numbers import format_amount, shares
from .report_rules import due_date


def long_date(value) -> str:
    return formats.date_format(value, "j E Y") if value else "…………"


def zloty(value) -> str:
    return f"{format_amount(value or 0)} zł"


def percent(value) -> str:
    return "—" if value is None else f"{value:.2f}".replace(".", ",") + " %"


def _title(agreement, offer) -> str:
    mode = (
        CallTerms.objects.filter(call_id=offer.call_id).values_list("mode", flat=True).first()
        if offer.call_id
        else None
    )
    if mode == "entrust":
        text = _("Agreement no. %(number)s on entrusting the implementation of a public task")
    else:
        text = _("Agreement no. %(number)s on supporting the implementation of a public task")
    return text % {"number": agreement.number}


def _parties(agreement, offer) -> list[Block]:
    f = offer
    return [
        Block("p", _("titled “%(title)s”") % {"title": _s(offer.title)}),
        Block(
            "p",
            _("concluded on %(date)s in %(place)s between:")
            % {"date": long_date(agreement.signed_on), "place": _s(agreement.place) or "…………"},
        ),
        Block(
            "p",
            _("%(municipality)s, represented by %(signatory)s, hereinafter “the Principal”,")
            % {
                "municipality": _s(agreement.municipality.name),
                "signatory": _s(agreement.municipality_signatory) or "…………",
            },
        ),
        Block(
            "p",
            _(
                "and %(name)s, %(register)s, %(address)s, represented by %(signatories)s, "
                "hereinafter “the Contractor”."
            )
            % {
                "name": _s(f.offeror_name),
                "register": _s(f.register_number),
                "address": _s(f.address),
                "signatories": _s(agreement.organisation_signatories) or "…………",
            },
        ),
    ]


def _subject(agreement, offer, estimate) -> list[Block]:
    areas = dict(PublicBenefitArea.choices)
    update = ""
    if estimate is not None:
        update = _(", as updated by the cost estimate and schedule accepted on %(date)s") % {
            "date": long_date(estimate.decided_at)
        }
    return [
        Block("h2", _("§ 1. Subject of the agreement")),
        Block(
            "p",
            _(
                "1. The Principal commissions the Contractor to carry out the public task "
                "“%(title)s” in the area: %(area)s (art. 16 of the Act of 24 April 2003 on "
                "public benefit activity and volunteering), and the Contractor undertakes to "
                "carry it out as described in the offer submitted on %(date)s%(update)s and "
                "in this agreement."
            )
            % {
                "title": _s(offer.title),
                "area": str(areas.get(offer.task_area, "—")),
                "date": long_date(offer.submitted_at),
                "update": update,
            },
        ),
        Block(
            "p",
            _(
                "2. The Contractor achieves the results set out in the attachment; a result "
                "counts as achieved from %(pct)s of its target value."
            )
            % {"pct": percent(agreement.result_threshold_pct)},
        ),
        Block("h2", _("§ 2. Dates")),
        Block(
            "p",
            _("The task is carried out from %(start)s to %(end)s.")
            % {"start": long_date(agreement.start_date), "end": long_date(agreement.end_date)},
        ),
    ]


def _money(agreement, data, payments) -> list[Block]:
    f = data.fields
    total = sum(
        (f.get(k) or 0)
        for k in ("grant_requested", "own_financial", "own_non_financial", "recipient_fees")
    )
    parts = {
        "grant": f.get("grant_requested") or 0,
        "financial": f.get("own_financial") or 0,
        "non_financial": f.get("own_non_financial") or 0,
        "fees": f.get("recipient_fees") or 0,
    }
    pct = shares(parts, total)
    account = format_bank_account(agreement.bank_account) if agreement.bank_account else "…………"
    return [
        Block("h2", _("§ 3. The grant")),
        Block(
            "p",
            _(
                "The Principal grants %(amount)s for the task, paid to the Contractor's "
                "account no. %(account)s in these instalments:"
            )
            % {"amount": zloty(agreement.amount), "account": account},
        ),
        Block(
            "table",
            headers=[_("No."), _("Paid by"), _("Amount")],
            rows=[
                [str(n), long_date(p.due_on), zloty(p.amount)]
                for n, p in enumerate(payments, start=1)
            ],
        ),
        Block("h2", _("§ 4. Own contribution and the sources of funding")),
        Block(
            "facts",
            rows=[
                (_("Total costs of the task"), zloty(total)),
                (_("Grant"), f"{zloty(parts['grant'])} ({percent(pct['grant'])})"),
                (
                    _("Own financial contribution"),
                    f"{zloty(parts['financial'])} ({percent(pct['financial'])})",
                ),
                (
                    _("Own non-financial contribution (personal and in-kind)"),
                    f"{zloty(parts['non_financial'])} ({percent(pct['non_financial'])})",
                ),
                (_("Fees from recipients"), f"{zloty(parts['fees'])} ({percent(pct['fees'])})"),
            ],
        ),
    ]


def _reporting(agreement) -> list[Block]:
    blocks = [Block("h2", _("§ 5. Reports"))]
    if agreement.partial_period_end:
        blocks.append(
            Block(
                "p",
                _("A partial report on the task until %(end)s is due by %(due)s.")
                % {
                    "end": long_date(agreement.partial_period_end),
                    "due": long_date(due_date(agreement.partial_period_end)),
                },
            )
        )
    blocks += [
        Block(
            "p",
            _(
                "The final report is due within 30 days of the end of the task, by %(due)s "
                "(art. 18 of the act)."
            )
            % {"due": long_date(due_date(agreement.end_date))},
        ),
        Block(
            "p",
            _(
                "The Contractor submits the reports through the portal: the results achieved "
                "against their target values, the actions carried out and any deviations, the "
                "costs as agreed and as incurred per cost line and per source, and the personal "
                "and in-kind contributions separately."
            ),
        ),
    ]
    return blocks


def agreement_layout(agreement, offer, data, estimate) -> list[Block]:
    """The agreement; `data` is the agreed data (services.agreements.agreed_data)."""
    submitted = long_date(offer.submitted_at)
    attachments = [_("1. The offer submitted on %(date)s.") % {"date": submitted}]
    if estimate is not None:
        attachments.append(
            _(
                "2. The updated cost estimate and schedule (version %(number)s) accepted "
                "on %(date)s."
            )
            % {"number": estimate.number, "date": long_date(estimate.decided_at)}
        )
    return [
        Block("h1", _title(agreement, offer)),
        *_parties(agreement, offer),
        *_subject(agreement, offer, estimate),
        *_money(agreement, data, list(agreement.payments.all())),
        *_reporting(agreement),
        Block("h2", _("§ 6. Final provisions")),
        Block(
            "p",
            _(
                "1. Matters not settled in this agreement are governed by the act on public "
                "benefit activity and volunteering, the act on public finances and the Civil "
                "Code."
            ),
        ),
        Block("p", _("2. The agreement is made in two identical copies, one for each party.")),
        Block(
            "facts",
            rows=[
                (_("For the Principal"), "………………………………"),
                (_("For the Contractor"), "………………………………"),
            ],
        ),
        Block("h2", _("Attachments")),
        *[Block("p", line) for line in attachments],
        Block("h2", _("Attachment: the agreed schedule, results and costs")),
        *schedule_blocks(data),
        *results_blocks(data),
        *cost_blocks(data, offer.kind == "small"),
    ]


def render_agreement_pdf(agreement, offer, data, estimate) -> bytes:
    return write_pdf(
        agreement_layout(agreement, offer, data, estimate), author=_s(agreement.municipality.name)
    )


def render_agreement_docx(agreement, offer, data, estimate) -> bytes:
    return write_docx(agreement_layout(agreement, offer, data, estimate))
