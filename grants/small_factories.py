"""Small grant offers (art. 19a) in any state, for tests and the demo."""

import datetime
from decimal import Decimal

from django.utils import timezone

from .models import CostLine, Offer, OfferAction, OfferKind, OfferResult, OfferVersion
from .services.offers import prefill_from, snapshot


def complete_small_offer(
    *, municipality, organisation, user=None, lines=2, status="draft", start=None, **fields
) -> Offer:
    """An offer that meets every rule of a small grant: a 31-day task starting `start`
    (default: in three weeks), lines × 1 000 zł of costs, 90 % of it requested. A
    submitted one has its first version kept, as submit_offer keeps it."""
    start = start or timezone.localdate() + datetime.timedelta(days=21)
    end = start + datetime.timedelta(days=30)
    total = Decimal("1000.00") * lines
    values = {
        **prefill_from(organisation),
        "task_area": "culture",
        "legal_form": "stowarzyszenie",
        "title": f"Mały grant {organisation.name}",
        "start_date": start,
        "end_date": end,
        "description": "Warsztaty dla mieszkańców osiedla.",
        "expected_results": "Uczestnicy poznają temat.",
        "contact_person": "Anna Przykładowa, 600 000 000",
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
        kind=OfferKind.SMALL,
        municipality=municipality,
        organisation=organisation,
        created_by=user,
        status=status,
        **values,
    )
    OfferAction.objects.create(
        offer=offer,
        number=1,
        name="Warsztaty",
        target_group="mieszkańcy osiedla",
        start_date=start,
        end_date=end,
        contractor="Jan Instruktorski",
    )
    OfferResult.objects.create(
        offer=offer, position=1, name="Uczestnicy", target_value="25 osób", monitoring="listy"
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
    if status != "draft":
        submitted_at = timezone.now()
        Offer.objects.filter(pk=offer.pk).update(submitted_at=submitted_at)
        offer.submitted_at = submitted_at
        OfferVersion.objects.create(
            offer=offer,
            number=1,
            submitted_at=submitted_at,
            submitted_by=user,
            data=snapshot(offer),
        )
    return offer
