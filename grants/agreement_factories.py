"""Granted offers, agreements and reports in any state, for tests, the demo and the
security world. Built through the services, so every state is one the portal reaches."""

import datetime
from decimal import Decimal

from django.utils import timezone

from .agreement_rules import AgreementDraft
from .factories import complete_offer
from .models import CallTerms, Offer, OfferStatus
from .numbers import money
from .report_rules import ReportData, leading_number
from .services import agreements, reports
from .services.offers import offer_data

# A valid test account number (NRB with a correct check sum), not a real account.
DEMO_ACCOUNT = "61 1090 1014 0000 0712 1981 2874"


def granted_offer(
    *, call, organisation, granted=None, start=None, end=None, lines=2, decided_at=None, **fields
):
    """A granted offer of the call (the call's results published a day after the
    decision). `granted` below the requested amount makes its agreement wait for an
    updated estimate."""
    decided_at = decided_at or timezone.now() - datetime.timedelta(days=20)
    if start:
        fields.update(start_date=start, end_date=end)
    offer = complete_offer(
        call=call, organisation=organisation, lines=lines, status=OfferStatus.GRANTED, **fields
    )
    offer.submitted_at = decided_at - datetime.timedelta(days=20)
    offer.granted_amount = offer.grant_requested if granted is None else granted
    offer.decided_at = decided_at
    offer.save()
    CallTerms.objects.filter(call_id=call.pk, results_published_at__isnull=True).update(
        results_published_at=decided_at + datetime.timedelta(days=1)
    )
    return offer


def fitting_estimate(offer: Offer, grant: Decimal):
    """An updated estimate for a lower grant: the offer's schedule and results, its own
    contribution kept, the costs cut to one line of the new total."""
    data = offer_data(offer)
    total = money(grant + offer.own_financial + offer.own_non_financial + offer.recipient_fees)
    data.costs = [
        {
            "action_number": data.actions[0]["number"],
            "name": "Koszty zadania po aktualizacji",
            "unit": "komplet",
            "unit_cost": total,
            "units": Decimal("1.00"),
            "value": total,
            "year_1": None,
            "year_2": None,
            "year_3": None,
        }
    ]
    return data


def accept_estimate(agreement, *, user, official, data=None, now=None):
    offer = agreement.offer
    estimate = agreements.current_estimate(agreement)
    agreements.save_estimate(
        estimate=estimate,
        user=user,
        revision=estimate.revision,
        data=data or fitting_estimate(offer, agreement.amount),
    )
    agreements.submit_estimate(estimate=estimate, offer=offer, user=user, now=now)
    return agreements.decide_estimate(estimate=estimate, user=official, accept=True, now=now)


def sign(agreement, *, official, signed_on, today=None, now=None, **fields):
    """Fill in the agreement's terms (one instalment of the whole grant) and record
    its signing; the reports open."""
    offer = agreement.offer
    agreement.refresh_from_db()
    values = {
        "start_date": agreement.start_date,
        "end_date": agreement.end_date,
        "place": "Zielonogród",
        "municipality_signatory": "Anna Zielińska – Zastępczyni Burmistrza",
        "organisation_signatories": "Paweł Kalinowski – Prezes Zarządu",
        "bank_account": DEMO_ACCOUNT,
        "partial_period_end": None,
        "result_threshold_pct": Decimal("80"),
        **fields,
    }
    draft = AgreementDraft(
        fields=values, payments=[{"due_on": agreement.start_date, "amount": agreement.amount}]
    )
    agreements.save_agreement(agreement=agreement, offer=offer, user=official, draft=draft, now=now)
    return agreements.sign_agreement(
        agreement=agreement, offer=offer, user=official, signed_on=signed_on, today=today, now=now
    )


def filled_report(report) -> ReportData:
    """A complete report: targets reached, the agreed costs incurred, the grant spent in
    full (its share spread over the lines), the rest from own funds."""
    data = reports.report_data(report)
    for row in data.results:
        row["achieved"] = leading_number(row["target_value"])
        row["comment"] = "Zrealizowano zgodnie z planem."
    grant = report.agreement.amount
    total = money(sum(row["agreed"] for row in data.costs))
    left = grant
    for index, row in enumerate(data.costs):
        share = left if index == len(data.costs) - 1 else money(row["agreed"] * grant / total)
        row["actual_total"], row["actual_grant"] = row["agreed"], min(share, row["agreed"])
        left -= row["actual_grant"]
    spent = money(sum(row["actual_grant"] for row in data.costs))
    data.fields.update(
        actions_description="Warsztaty odbyły się zgodnie z harmonogramem.",
        grant_spent=spent,
        own_financial=total - spent,
        declared_truth=True,
        declared_accounts=True,
    )
    return data


def submit_filled(report, *, user, now=None):
    report.refresh_from_db()
    reports.save_report(
        report=report, user=user, revision=report.revision, data=filled_report(report)
    )
    return reports.submit_report(report=report, offer=report.agreement.offer, user=user, now=now)
