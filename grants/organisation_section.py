"""The "Grants received" section of an organisation's public profile
(accounts.organisation_sections): grants awarded to it in calls whose results are
published, newest results first, in a fixed number of queries."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PROFILE_GRANT_LIMIT = 20


def organisation_grants_section(request, organisation):
    from cms_pages.models import CallForProposalsPage

    from .models import Offer, OfferStatus

    granted = Offer.objects.filter(
        organisation=organisation,
        status=OfferStatus.GRANTED,
        granted_amount__gt=0,
        call__grant_terms__results_published_at__isnull=False,
        call__in=CallForProposalsPage.objects.live().public(),
    )
    offers = list(
        granted.select_related("call", "call__grant_terms").order_by(
            "-call__grant_terms__results_published_at", "-pk"
        )[:PROFILE_GRANT_LIMIT]
    )
    if not offers:
        return None
    total = len(offers) if len(offers) < PROFILE_GRANT_LIMIT else granted.count()
    rows = []
    for offer in offers:
        published = timezone.localtime(offer.call.grant_terms.results_published_at)
        rows.append(
            {
                "task": offer.title,
                "call": offer.call.title,
                "url": f"{offer.call.get_url(request)}#wynik-{offer.pk}",
                "amount": offer.granted_amount,
                "year": offer.start_date.year if offer.start_date else published.year,
            }
        )
    return {
        "template": "grants/includes/organisation_grants.html",
        "order": 40,
        "id": "grants-received",
        "title": _("Grants received"),
        "text": ngettext(
            "%(count)d grant in open calls for proposals, as published in the results.",
            "%(count)d grants in open calls for proposals, as published in the results; "
            "the latest first.",
            total,
        )
        % {"count": total},
        "rows": rows,
    }
