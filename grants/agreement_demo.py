"""Demo of agreements and reports: a resolved call of the past months with three
agreements of the demo NGO's foundation, built through the services:

- a finished one: lower grant, updated estimate accepted, signed, final report
  accepted (the agreement settled);
- one whose final report is due in five days (not yet submitted);
- one waiting for its updated cost estimate.

Dates are relative to the seeding day. A second run leaves them as they are.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from cms_pages.factories import CallForProposalsPageFactory
from cms_pages.models import CallStatus

from . import agreement_factories as build
from .factories import terms_for
from .models import Agreement
from .services import agreements, reports

DAY = datetime.timedelta(days=1)
TITLES = {
    "settled": "Zielone podwórka – warsztaty ogrodnicze dla rodzin",
    "due": "Sąsiedzkie kino pod chmurką na Przylepie",
    "estimate": "Ekologiczne ferie w Zielonogrodzie",
}


def seed_agreements(ctx, *, parent, official, representative, organisation) -> None:
    if Agreement.objects.filter(offer__title__in=TITLES.values()).exists():
        return
    now = ctx.now
    today = timezone.localdate(now)
    call = CallForProposalsPageFactory(
        parent=parent,
        title="Otwarty konkurs ofert na zadania z zakresu ekologii i ochrony przyrody",
        task_area="ecology",
        lead="Wspieranie zadań publicznych z zakresu ekologii i ochrony zwierząt.",
        total_amount=Decimal("60000.00"),
        offer_deadline=now - 260 * DAY,
        status=CallStatus.RESOLVED,
    )
    terms_for(
        call,
        year=today.year,
        areas=["ecology"],
        implementation_start=today - 240 * DAY,
        implementation_end=today + 150 * DAY,
    )
    _settled(today, now, call, official, representative, organisation)
    _due_soon(today, call, official, organisation)
    _waiting(today, call, official, organisation)
    ctx.say("Grants: three agreements (settled, final report due in 5 days, estimate awaited).")


def _offer(call, organisation, title, start, end, granted=None):
    return build.granted_offer(
        call=call,
        organisation=organisation,
        start=start,
        end=end,
        lines=3,
        granted=granted,
        title=title,
        decided_at=call.offer_deadline + 15 * DAY,
    )


def _settled(today, now, call, official, representative, organisation):
    """Each step dated as it happened: the agreement 7 days before the task, the
    report 20 days after it, accepted 5 days later."""
    start, end = today - 220 * DAY, today - 100 * DAY
    offer = _offer(call, organisation, TITLES["settled"], start, end, granted=Decimal("2400.00"))
    begun = now - 230 * DAY
    agreement = agreements.start_agreement(offer=offer, user=official, now=begun)
    build.accept_estimate(agreement, user=representative, official=official, now=begun + 2 * DAY)
    signed = build.sign(
        agreement,
        official=official,
        signed_on=start - 7 * DAY,
        today=today,
        now=now - 227 * DAY,
    )
    report = signed.reports.get()
    reported = now - 80 * DAY
    build.submit_filled(report, user=representative, now=reported)
    reports.accept_report(report=report, user=official, now=reported + 5 * DAY)


def _due_soon(today, call, official, organisation):
    start, end = today - 110 * DAY, today - 25 * DAY
    offer = _offer(call, organisation, TITLES["due"], start, end)
    begun = timezone.now() - 120 * DAY
    agreement = agreements.start_agreement(offer=offer, user=official, now=begun)
    build.sign(
        agreement, official=official, signed_on=start - 5 * DAY, today=today, now=begun + DAY
    )


def _waiting(today, call, official, organisation):
    start, end = today + 20 * DAY, today + 110 * DAY
    offer = _offer(call, organisation, TITLES["estimate"], start, end, granted=Decimal("2000.00"))
    agreements.start_agreement(offer=offer, user=official)
