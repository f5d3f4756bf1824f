"""Advice bookings at support centres. The database refuses a second booking of a taken
slot (a unique constraint), so two people racing for it cannot both get it."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from .. import permissions, tasks
from ..models import AdviceBooking
from ..slots import free_slots


class SlotTaken(Exception):
    """The slot is no longer free (taken meanwhile, or not one of the centre's slots)."""


def request_advice(
    *, user, centre, slot_value: str, topic: str, details: str = "", organisation=None
):
    """Book a free slot; the requester and the centre's advisors are e-mailed."""
    if not permissions.can_request_advice(user):
        raise PermissionDenied
    slot = next((s for s in free_slots(centre) if s.value == slot_value), None)
    if slot is None:
        raise SlotTaken
    try:
        with transaction.atomic():
            booking = AdviceBooking.objects.create(
                centre=centre,
                requester=user,
                organisation=organisation,
                topic=topic,
                details=details,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
            )
            transaction.on_commit(lambda: tasks.send_advice_mail.enqueue(booking.pk, "requested"))
    except IntegrityError as exc:
        raise SlotTaken from exc
    return booking


def decide(*, user, booking: AdviceBooking, confirm: bool) -> AdviceBooking:
    """The advisor confirms or cancels; the requester is told by e-mail."""
    if not permissions.can_advise(user, booking.centre):
        raise PermissionDenied
    if booking.status == AdviceBooking.Status.CANCELLED:
        return booking
    booking.status = AdviceBooking.Status.CONFIRMED if confirm else AdviceBooking.Status.CANCELLED
    booking.decided_by = user
    with transaction.atomic():
        booking.save(update_fields=["status", "decided_by"])
        transaction.on_commit(lambda: tasks.send_advice_mail.enqueue(booking.pk, booking.status))
    return booking
