"""Background e-mails of sign-up and advice (django-tasks; primary keys in, never objects).
Each task reads the current state and sends nothing when it no longer applies."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.task_priorities import USER_MAIL

from .models import AdviceBooking, Registration
from .tokens import make_token


def _send(template_prefix: str, context: dict, to: list[str]) -> bool:
    to = [address for address in to if address]
    if not to:
        return False
    context = {"base_url": settings.BASE_URL, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_message.txt", context)
    EmailMessage(subject, body, to=to).send()
    return True


def _registration(pk: int) -> Registration | None:
    return Registration.objects.select_related("event").filter(pk=pk).first()


def _links(registration: Registration) -> dict:
    return {
        "cancel_url": settings.BASE_URL + registration.get_cancel_url(),
        "confirm_url": settings.BASE_URL
        + reverse("signups:confirm", kwargs={"token": make_token("confirm", registration.pk)}),
        "event_url": settings.BASE_URL + (registration.event.url or ""),
    }


@task(priority=USER_MAIL)
def send_registration_mail(registration_id: int) -> bool:
    """The link to confirm an anonymous sign-up, or the place / queue it got."""
    registration = _registration(registration_id)
    if registration is None or registration.status == Registration.Status.CANCELLED:
        return False
    return _send(
        f"signups/email/registration_{registration.status}",
        {"registration": registration, "event": registration.event, **_links(registration)},
        [registration.email],
    )


@task(priority=USER_MAIL)
def send_promotion_mail(registration_id: int) -> bool:
    """A place freed up and the person waiting got it."""
    registration = _registration(registration_id)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return False
    return _send(
        "signups/email/promoted",
        {"registration": registration, "event": registration.event, **_links(registration)},
        [registration.email],
    )


@task(priority=USER_MAIL)
def send_event_reminder(registration_id: int) -> bool:
    registration = _registration(registration_id)
    if registration is None or registration.status != Registration.Status.CONFIRMED:
        return False
    return _send(
        "signups/email/event_reminder",
        {"registration": registration, "event": registration.event, **_links(registration)},
        [registration.email],
    )


def advisor_addresses(booking: AdviceBooking) -> list[str]:
    """The centre's advisors; without any, the centre's own address."""
    addresses = list(
        booking.centre.advisors.filter(user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )
    return addresses or ([booking.centre.email] if booking.centre.email else [])


@task(priority=USER_MAIL)
def send_advice_mail(booking_id: int, what: str) -> int:
    """`what`: requested (both sides), confirmed or cancelled (the requester), reminder
    (both sides). Returns the number of messages sent."""
    booking = (
        AdviceBooking.objects.select_related("centre", "requester", "organisation")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None or (what == "reminder" and booking.status != AdviceBooking.Status.CONFIRMED):
        return 0
    context = {
        "booking": booking,
        "centre": booking.centre,
        "calendar_url": settings.BASE_URL + reverse("signups:advice_calendar"),
    }
    sent = int(_send(f"signups/email/advice_{what}", context, [booking.requester.email]))
    if what in ("requested", "reminder"):
        sent += int(
            _send(f"signups/email/advice_{what}_advisor", context, advisor_addresses(booking))
        )
    return sent
