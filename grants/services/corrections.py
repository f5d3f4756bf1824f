"""Formal corrections: after a formal check that found errors, an official may give
the offeror a deadline to correct the listed parts (where the call allows corrections);
the corrected offer is submitted again and checked again; an offer not submitted by the
deadline is rejected on formal grounds with the reason."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..corrections import ITEMS
from ..models import CallTerms, FormalCorrection, Offer, OfferStatus
from ..models.small import WARSAW
from .audit import record
from .offers import OfferRefused


class CorrectionRefused(OfferRefused):
    pass


def local_today(now=None) -> datetime.date:
    return (now or timezone.now()).astimezone(WARSAW).date()


def refusal(offer, terms) -> str | None:
    """Why corrections cannot be asked for now, or None."""
    if offer.call_id is None:
        return _("Corrections are asked for in a call for proposals only.")
    if terms is None or not terms.corrections_allowed_days:
        return _("The terms of this call do not allow correcting formal errors.")
    if terms.results_published_at:
        return _("The results have been published; the offers can no longer be corrected.")
    if FormalCorrection.objects.filter(offer=offer).exists():
        return _("The offeror has already been given a deadline for corrections.")
    if offer.status != OfferStatus.FORMALLY_REJECTED:
        return _(
            "Corrections are asked for after a formal check that found errors: record the "
            "formal check first."
        )
    return None


@transaction.atomic
def request_corrections(*, offer, user, items, note: str, now=None) -> FormalCorrection:
    """Give the offeror the call's number of days (Polish calendar days, to the end of
    the last one) to correct the listed parts; the offer is open to its organisation
    again, for those parts only. The offeror is e-mailed once."""
    from .. import notifications

    now = now or timezone.now()
    offer = Offer.objects.select_for_update().get(pk=offer.pk)
    terms = CallTerms.objects.filter(call_id=offer.call_id).first()
    problem = refusal(offer, terms)
    if problem:
        raise CorrectionRefused(problem)
    items = [key for key in ITEMS if key in set(items)]
    if not items:
        raise CorrectionRefused(_("Choose the parts of the offer to correct."))
    if not note.strip():
        raise CorrectionRefused(_("Say what is to be corrected."))
    correction = FormalCorrection.objects.create(
        offer=offer,
        items=items,
        note=note.strip(),
        due_date=local_today(now) + datetime.timedelta(days=terms.corrections_allowed_days),
        requested_at=now,
        requested_by=user,
    )
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.CORRECTION, version=F("version") + 1, updated_at=now
    )
    record(
        "formal_correction_requested",
        actor=user,
        offer=offer,
        note=f"{correction.due_date:%d.%m.%Y}: {correction.note}",
    )
    transaction.on_commit(lambda: notifications.notify_corrections.enqueue(correction.pk))
    return correction


def expire_overdue(*, now=None, call_id=None, offer_id=None) -> int:
    """Reject on formal grounds every offer whose deadline for corrections has passed
    without a new submission; returns how many. Each correction is claimed before its
    offer changes, so running this anywhere, twice, rejects once."""
    now = now or timezone.now()
    overdue = FormalCorrection.objects.filter(
        resubmitted_at__isnull=True, expired_at__isnull=True, due_date__lt=local_today(now)
    )
    if call_id is not None:
        overdue = overdue.filter(offer__call_id=call_id)
    if offer_id is not None:
        overdue = overdue.filter(offer_id=offer_id)
    done = 0
    for correction in overdue.select_related("offer"):
        with transaction.atomic():
            claimed = FormalCorrection.objects.filter(
                pk=correction.pk, resubmitted_at__isnull=True, expired_at__isnull=True
            ).update(expired_at=now)
            if not claimed:
                continue
            reason = _("The corrections were not submitted by %(date)s.") % {
                "date": correction.due_date.strftime("%d.%m.%Y")
            }
            offer = correction.offer
            note = f"{offer.formal_note}\n\n{reason}".strip()
            Offer.objects.filter(pk=offer.pk, status=OfferStatus.CORRECTION).update(
                status=OfferStatus.FORMALLY_REJECTED, formal_note=note, updated_at=now
            )
            record("formal_correction_expired", offer=offer, note=reason)
            done += 1
    return done


def blocking_results(call) -> FormalCorrection | None:
    """A call's results wait for every offer still being corrected."""
    expire_overdue(call_id=call.pk)
    return (
        FormalCorrection.objects.filter(
            offer__call=call, resubmitted_at__isnull=True, expired_at__isnull=True
        )
        .order_by("-due_date")
        .first()
    )
