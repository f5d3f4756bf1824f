"""The rules an agreement meets before it is saved and before it is signed, as pure
functions of its data (no database). The task's dates are checked with the offer's
own rules (rules.check_offer) against the agreed schedule."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from .numbers import format_amount, money
from .rules import CallRules, OfferData, Problem, check_offer

DATE_FIELDS = ("start_date", "end_date")
SIGNING_REQUIRED = ("place", "municipality_signatory", "organisation_signatories", "bank_account")


@dataclass
class AgreementDraft:
    """What the office typed: the agreement's own fields and its payment schedule."""

    fields: dict
    payments: list[dict] = field(default_factory=list)


def bank_account_problem(text: str) -> str | None:
    """A Polish account number (NRB): 26 digits, optionally after "PL", with a valid
    IBAN check sum."""
    digits = re.sub(r"[\s-]", "", text or "").upper().removeprefix("PL")
    if not re.fullmatch(r"\d{26}", digits):
        return _("Give the 26 digits of the account number.")
    # IBAN check: the country code (P=25, L=21) and check digits move to the end
    if int(digits[2:] + "2521" + digits[:2]) % 97 != 1:
        return _("This account number is not valid: check the digits.")
    return None


def format_bank_account(text: str) -> str:
    digits = re.sub(r"[\s-]", "", text or "").upper().removeprefix("PL")
    return " ".join([digits[:2], *(digits[i : i + 4] for i in range(2, 26, 4))])


def check_agreement(
    draft: AgreementDraft,
    *,
    amount: Decimal,
    agreed: OfferData,
    rules: CallRules,
    signing: bool,
    today,
) -> list[Problem]:
    f = draft.fields
    problems = _dates(f, agreed, rules)
    problems += _payments(draft, amount)
    partial = f.get("partial_period_end")
    start, end = f.get("start_date"), f.get("end_date")
    if partial and start and end and not start <= partial < end:
        problems.append(
            Problem(
                "partial_period_end",
                _(
                    "A partial report covers a part of the task: a date from its start to "
                    "the day before its end."
                ),
            )
        )
    if f.get("bank_account"):
        problem = bank_account_problem(f["bank_account"])
        if problem:
            problems.append(Problem("bank_account", problem))
    if signing:
        problems += _signing(draft, today)
    return problems


def _dates(f, agreed, rules):
    """The offer's date rules on the agreed schedule with the agreement's dates."""
    data = OfferData(
        fields={**agreed.fields, **{name: f.get(name) for name in DATE_FIELDS}},
        actions=agreed.actions,
    )
    problems = []
    for problem in check_offer(data, rules, submitting=False):
        if problem.field not in DATE_FIELDS:
            continue
        if problem.table == "actions":
            number = agreed.actions[problem.row].get("number")
            message = _("Action %(number)s: %(message)s") % {
                "number": number,
                "message": problem.message,
            }
            problems.append(Problem("start_date", message))
        else:
            problems.append(Problem(problem.field, problem.message))
    return problems


def _payments(draft, amount):
    problems = []
    end = draft.fields.get("end_date")
    for index, row in enumerate(draft.payments):
        if not row.get("due_on"):
            problems.append(Problem("due_on", _("Give the date."), "payments", index))
        elif end and row["due_on"] > end:
            problems.append(
                Problem(
                    "due_on",
                    _("The grant is paid before the end of the task."),
                    "payments",
                    index,
                )
            )
        if not row.get("amount"):
            problems.append(
                Problem("amount", _("The amount must be more than zero."), "payments", index)
            )
    total = money(sum((row.get("amount") or 0) for row in draft.payments))
    if draft.payments and total != amount:
        problems.append(
            Problem(
                "amount",
                _("The instalments (%(total)s) must add up to the grant (%(amount)s).")
                % {"total": format_amount(total), "amount": format_amount(amount)},
                "payments",
                0,
            )
        )
    return problems


def _signing(draft, today):
    f = draft.fields
    problems = [
        Problem(name, _("Fill this in before the agreement is signed."))
        for name in SIGNING_REQUIRED
        if not (f.get(name) or "").strip()
    ]
    if not draft.payments:
        problems.append(
            Problem("signed_on", _("Set the payment schedule before the agreement is signed."))
        )
    signed_on = f.get("signed_on")
    if not signed_on:
        problems.append(Problem("signed_on", _("Give the date of signing.")))
    elif signed_on > today:
        problems.append(Problem("signed_on", _("The date of signing cannot be in the future.")))
    elif f.get("end_date") and signed_on > f["end_date"]:
        problems.append(
            Problem("signed_on", _("The agreement is signed before the end of the task."))
        )
    return problems
