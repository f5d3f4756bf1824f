"""Background e-mails of the grants app (tasks take primary keys, never objects)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .models import Offer, OfferStatus

DECIDED = (OfferStatus.GRANTED, OfferStatus.REFUSED, OfferStatus.FORMALLY_REJECTED)


def _render(prefix: str, context: dict) -> tuple[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"{prefix}_subject.txt", context)
        body = render_to_string(f"{prefix}_message.txt", context)
    return " ".join(subject.split()), body


def applicant_address(offer) -> str:
    if offer.email:
        return offer.email
    if offer.organisation.email:
        return offer.organisation.email
    return offer.created_by.email if offer.created_by else ""


@task(priority=USER_MAIL)
def notify_applicants(call_id: int) -> int:
    """E-mail each applicant of the call its result, once: an offer is claimed
    (applicant_notified_at set) before its message is sent, so a re-run skips it."""
    sent = 0
    offers = Offer.objects.filter(
        call_id=call_id, status__in=DECIDED, applicant_notified_at__isnull=True
    ).select_related("organisation", "created_by", "call")
    for offer in offers:
        claimed = Offer.objects.filter(pk=offer.pk, applicant_notified_at__isnull=True).update(
            applicant_notified_at=timezone.now()
        )
        address = applicant_address(offer)
        if not claimed or not address:
            continue
        subject, body = _render(
            "grants/email/result",
            {"offer": offer, "call_url": settings.BASE_URL + offer.call.url},
        )
        EmailMessage(subject, body, to=[address]).send()
        sent += 1
    return sent
