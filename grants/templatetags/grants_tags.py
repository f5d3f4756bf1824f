from django import template

from .. import querysets
from ..models import CallTerms, GrantEvent
from ..permissions import can_manage_call, organisations_of

register = template.Library()


@register.inclusion_tag("grants/includes/call_terms.html", takes_context=True)
def call_grant_terms(context, page):
    """The call's grant terms, criteria and previous years on the call page, and the
    way to an offer for NGO representatives (two or three queries)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    terms = (
        CallTerms.objects.filter(call_id=page.pk)
        .prefetch_related("criteria", "previous_years")
        .first()
    )
    cancellation = None
    if page.status == "cancelled":
        cancellation = (
            terms.cancellation_reason
            if terms and terms.cancellation_reason
            else GrantEvent.objects.filter(call_id=page.pk, action="call_cancelled")
            .values_list("note", flat=True)
            .last()
        )
    can_offer = bool(
        user and user.is_authenticated and page.accepts_offers() and organisations_of(user).exists()
    )
    results = (
        list(querysets.results(page)) if terms is not None and terms.results_published_at else None
    )
    return {
        "page": page,
        "terms": terms,
        "results": results,
        "cancellation": cancellation,
        "can_offer": can_offer,
        "can_manage": bool(user and can_manage_call(user, page)),
    }


@register.filter
def split_words(value: str) -> list[str]:
    return value.split()


@register.filter
def field_named(form, name):
    return form[name]
