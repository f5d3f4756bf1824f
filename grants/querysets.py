"""Named reads of offers: with their points, and the published results of a call."""

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum
from django.db.models.functions import NullIf

from .models import Offer, OfferStatus

PUBLIC_RESULT_STATES = (OfferStatus.GRANTED, OfferStatus.REFUSED, OfferStatus.FORMALLY_REJECTED)


def with_points(queryset):
    """Each offer with `points_total` (all members' points) and `scorers` (members who
    scored it); `average` = total / scorers, computed in the database."""
    queryset = queryset.annotate(
        points_total=Sum("scores__points"),
        scorers=Count("scores__member", distinct=True),
    )
    return queryset.annotate(
        average=ExpressionWrapper(
            F("points_total") / NullIf(F("scorers"), 0),
            output_field=DecimalField(max_digits=7, decimal_places=2),
        )
    )


def call_offers(call):
    """The officials' list: every offer of the call except drafts (one query)."""
    return with_points(
        Offer.objects.filter(call=call)
        .exclude(status=OfferStatus.DRAFT)
        .select_related("organisation", "formal_correction")
    ).order_by("submitted_at", "pk")


def results(call):
    """The published results: organisation, task, amount granted, average points."""
    return with_points(
        Offer.objects.filter(call=call, status__in=PUBLIC_RESULT_STATES).select_related(
            "organisation"
        )
    ).order_by(F("granted_amount").desc(nulls_last=True), "organisation__name", "pk")


def granted_total(call):
    return Offer.objects.filter(call=call, status=OfferStatus.GRANTED).aggregate(
        total=Sum("granted_amount"), count=Count("pk", filter=Q(granted_amount__gt=0))
    )
