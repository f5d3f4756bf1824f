"""E-mails to the offeror about a small grant's decision and a call for formal
corrections: background tasks on the user-mail priority, each sent once (the row is
claimed before its message goes)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .corrections import labels
from .models import FormalCorrection, Offer, OfferKind, OfferStatus
from .tasks import _render, applicant_address


def _offer_url(offer) -> str:
    return settings.BASE_URL + offer.get_absolute_url()


@task(priority=USER_MAIL)
def notify_small_grant_decision(offer_id: int) -> bool:
    claimed = Offer.objects.filter(
        pk=offer_id,
        kind=OfferKind.SMALL,
        status__in=(OfferStatus.GRANTED, OfferStatus.REFUSED),
        applicant_notified_at__isnull=True,
    ).update(applicant_notified_at=timezone.now())
    if not claimed:
        return False
    offer = Offer.objects.select_related("organisation", "municipality", "created_by").get(
        pk=offer_id
    )
    address = applicant_address(offer)
    if not address:
        return False
    subject, body = _render(
        "grants/email/small_decision", {"offer": offer, "offer_url": _offer_url(offer)}
    )
    EmailMessage(subject, body, to=[address]).send()
    return True


@task(priority=USER_MAIL)
def notify_corrections(correction_id: int) -> bool:
    claimed = FormalCorrection.objects.filter(pk=correction_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return False
    correction = FormalCorrection.objects.select_related(
        "offer__organisation", "offer__call", "offer__created_by"
    ).get(pk=correction_id)
    offer = correction.offer
    address = applicant_address(offer)
    if not address:
        return False
    subject, body = _render(
        "grants/email/corrections",
        {
            "offer": offer,
            "correction": correction,
            "items": labels(correction.items),
            "offer_url": _offer_url(offer),
        },
    )
    EmailMessage(subject, body, to=[address]).send()
    return True
