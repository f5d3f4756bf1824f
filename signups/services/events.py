"""Event sign-up. Every change of places happens with the event's sign-up settings row
locked (SELECT ... FOR UPDATE), so parallel requests never confirm more people than there
are places; e-mails go from background tasks after commit."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import tasks
from ..models import Registration, RegistrationSettings


class SignupRefused(Exception):
    CLOSED = "closed"
    ALREADY = "already"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _locked_settings(event_id: int) -> RegistrationSettings:
    return (
        RegistrationSettings.objects.select_for_update()
        .select_related("event")
        .get(event_id=event_id)
    )


def _take_place_or_queue(registration: Registration, settings: RegistrationSettings) -> None:
    """Give a place if one is free, else a place in the queue (settings row is locked)."""
    confirmed = Registration.objects.filter(event_id=settings.event_id).confirmed().count()
    registration.status = (
        Registration.Status.CONFIRMED
        if confirmed < settings.places
        else Registration.Status.WAITING
    )
    registration.queued_at = timezone.now()


def register(*, event, name: str, email: str, user=None) -> Registration:
    """Sign someone up. An account's registration takes a place (or joins the queue) at
    once; an anonymous one waits for its e-mail to be confirmed by the link we send."""
    with transaction.atomic():
        settings = _locked_settings(event.pk)
        if not settings.is_open:
            raise SignupRefused(SignupRefused.CLOSED)
        email = email.strip().lower()
        existing = Registration.objects.filter(event_id=event.pk, email=email).active()
        if user is not None:
            existing = existing | Registration.objects.filter(event_id=event.pk, user=user).active()
        if existing.exists():
            raise SignupRefused(SignupRefused.ALREADY)
        registration = Registration(event_id=event.pk, user=user, name=name, email=email)
        if user is None:
            registration.status = Registration.Status.UNCONFIRMED
        else:
            _take_place_or_queue(registration, settings)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError as exc:
            raise SignupRefused(SignupRefused.ALREADY) from exc
        transaction.on_commit(lambda: tasks.send_registration_mail.enqueue(registration.pk))
    return registration


def confirm_email(*, registration_id: int) -> Registration | None:
    """The anonymous person clicked the link: now they get a place or join the queue.
    Confirming twice changes nothing."""
    with transaction.atomic():
        registration = Registration.objects.filter(pk=registration_id).first()
        if registration is None:
            return None
        settings = _locked_settings(registration.event_id)
        registration.refresh_from_db()
        if registration.status != Registration.Status.UNCONFIRMED:
            return registration
        if not settings.is_open:
            raise SignupRefused(SignupRefused.CLOSED)
        _take_place_or_queue(registration, settings)
        registration.save(update_fields=["status", "queued_at"])
        transaction.on_commit(lambda: tasks.send_registration_mail.enqueue(registration.pk))
    return registration


def cancel(*, registration_id: int) -> Registration | None:
    """Cancel a registration; a freed place goes to the first person waiting, who is told
    by e-mail. Cancelling twice changes nothing."""
    with transaction.atomic():
        registration = Registration.objects.filter(pk=registration_id).first()
        if registration is None:
            return None
        settings = _locked_settings(registration.event_id)
        registration.refresh_from_db()
        if registration.status == Registration.Status.CANCELLED:
            return registration
        freed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if freed:
            promote_waiting(settings)
    return registration


def promote_waiting(settings: RegistrationSettings) -> list[int]:
    """Fill free places from the queue, first come first served (settings row locked)."""
    confirmed = Registration.objects.filter(event_id=settings.event_id).confirmed().count()
    free = settings.places - confirmed
    if free <= 0:
        return []
    promoted = list(
        Registration.objects.filter(event_id=settings.event_id)
        .waiting()
        .values_list("pk", flat=True)[:free]
    )
    Registration.objects.filter(pk__in=promoted).update(status=Registration.Status.CONFIRMED)
    for pk in promoted:
        transaction.on_commit(lambda pk=pk: tasks.send_promotion_mail.enqueue(pk))
    return promoted


def mark_attendance(*, event, present_ids: set[int]) -> int:
    """Record who came: confirmed registrations of the event ticked or not."""
    confirmed = Registration.objects.filter(event_id=event.pk).confirmed()
    confirmed.filter(pk__in=present_ids).update(attended=True)
    confirmed.exclude(pk__in=present_ids).update(attended=False)
    return confirmed.filter(attended=True).count()
