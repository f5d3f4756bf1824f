"""Calls with grant terms and offers in any state, for tests, the demo and the bench."""

import datetime
from decimal import Decimal

from django.utils import timezone

from cms_pages.factories import CallForProposalsPageFactory
from municipalities.models import Municipality

from .models import CallCriterion, CallTerms, CostLine, Offer, OfferAction, OfferResult
from .services.offers import prefill_from

CRITERIA = [
    ("formal", "Oferta złożona w terminie i na właściwym wzorze", None),
    ("formal", "Oferent prowadzi działalność statutową w dziedzinie zadania", None),
    ("substantive", "Możliwość realizacji zadania przez oferenta", Decimal("10")),
    ("substantive", "Kalkulacja kosztów w odniesieniu do zakresu zadania", Decimal("10")),
    ("substantive", "Jakość zadania i kwalifikacje osób", Decimal("10")),
    ("substantive", "Wkład własny finansowy i niefinansowy, praca wolontariuszy", Decimal("5")),
    ("substantive", "Rzetelność realizacji wcześniejszych zadań", Decimal("5")),
]


def call_with_terms(*, parent=None, deadline=None, year=None, **terms) -> CallTerms:
    """A published call page (deadline 30 days ahead) with grant terms and criteria."""
    now = timezone.now()
    year = year or (now + datetime.timedelta(days=60)).year
    kwargs = {"offer_deadline": deadline or now + datetime.timedelta(days=30)}
    if parent is not None:
        kwargs["parent"] = parent
    return terms_for(CallForProposalsPageFactory(**kwargs), year=year, **terms)


def terms_for(call, *, year, **terms) -> CallTerms:
    """Grant terms with the usual criteria for an existing call page."""
    values = {
        "mode": "support",
        "areas": [call.task_area],
        "max_grant": Decimal("20000.00"),
        "min_own_contribution_pct": Decimal("10"),
        "admin_cost_cap_pct": Decimal("10"),
        "in_kind_allowed": True,
        "implementation_start": datetime.date(year, 1, 1),
        "implementation_end": datetime.date(year, 12, 31),
        **terms,
    }
    call_terms = CallTerms.objects.create(
        call=call, municipality=Municipality.objects.for_page(call), **values
    )
    CallCriterion.objects.bulk_create(
        CallCriterion(terms=call_terms, position=n, kind=kind, name=name, max_points=points)
        for n, (kind, name, points) in enumerate(CRITERIA)
    )
    return call_terms


def complete_offer(*, call, organisation, user=None, lines=2, status="draft", **fields) -> Offer:
    """A draft that meets every rule of `call_with_terms`' defaults: lines × 1 000 zł of
    action costs, 10 % own contribution, no administrative costs."""
    year = CallTerms.objects.get(call=call).implementation_start.year
    total = Decimal("1000.00") * lines
    values = {
        **prefill_from(organisation),
        "task_area": call.task_area,
        "legal_form": "stowarzyszenie",
        "title": f"Zadanie {organisation.name}",
        "start_date": datetime.date(year, 3, 1),
        "end_date": datetime.date(year, 6, 30),
        "description": "Warsztaty dla mieszkańców.",
        "expected_results": "Uczestnicy poznają temat.",
        "grant_requested": total * Decimal("0.9"),
        "own_financial": total * Decimal("0.1"),
        "declared_statutory": True,
        "declared_no_arrears": True,
        "declared_register": True,
        "declared_truth": True,
        "declared_personal_data": True,
        **fields,
    }
    offer = Offer.objects.create(
        call=call,
        municipality=Municipality.objects.for_page(call),
        organisation=organisation,
        created_by=user,
        status=status,
        **values,
    )
    OfferAction.objects.create(
        offer=offer,
        number=1,
        name="Warsztaty",
        start_date=values["start_date"],
        end_date=values["end_date"],
    )
    OfferResult.objects.create(
        offer=offer, position=1, name="Uczestnicy", target_value="40 osób", monitoring="listy"
    )
    CostLine.objects.bulk_create(
        CostLine(
            offer=offer,
            position=n,
            action_number=1,
            name=f"Koszt {n}",
            unit="godz.",
            unit_cost=Decimal("100.00"),
            units=Decimal("10"),
            value=Decimal("1000.00"),
        )
        for n in range(1, lines + 1)
    )
    return offer
