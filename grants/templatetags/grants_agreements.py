"""Template helpers of agreements and reports."""

from django import template

from accounts.permissions import is_official
from municipalities.permissions import can_act_for

from ..models import Agreement, OfferStatus
from ..rules import line_value as computed_value

register = template.Library()


@register.filter
def line_value(row: dict):
    """A cost line's value: unit cost × units (or the value given)."""
    return computed_value(row)


@register.inclusion_tag("grants/includes/offer_agreement.html", takes_context=True)
def offer_agreement(context, offer):
    """On an offer's page: its agreement, or for the office a granted offer's way to
    one (one query)."""
    user = context["request"].user
    agreement = Agreement.objects.filter(offer=offer).only("pk", "number", "status").first()
    can_start = (
        agreement is None
        and offer.status == OfferStatus.GRANTED
        and is_official(user)
        and can_act_for(user, offer.municipality)
    )
    return {"offer": offer, "agreement": agreement, "can_start": can_start}
