"""Reminders the day before: registrations of tomorrow's events and tomorrow's advice.

Each row is claimed with a conditional UPDATE (reminded_at still empty) before its e-mail
is queued, so running this every minute, or on two hosts at once, sends one reminder.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import AdviceBooking, Registration
from .slots import WARSAW


def tomorrow_bounds(now=None) -> tuple[datetime.datetime, datetime.datetime]:
    """Start and end of tomorrow in Polish time."""
    today = (now or timezone.now()).astimezone(WARSAW).date()
    start = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), WARSAW)
    end = datetime.datetime.combine(today + datetime.timedelta(days=2), datetime.time(), WARSAW)
    return start, end


def _claim(model, pks, now) -> list[int]:
    claimed = []
    for pk in pks:
        if model.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now):
            claimed.append(pk)
    return claimed


def send_reminders(now=None) -> tuple[int, int]:
    """Queue the reminders due now; returns (event registrations, advice bookings)."""
    now = now or timezone.now()
    start, end = tomorrow_bounds(now)
    registrations = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__start__gte=start,
        event__start__lt=end,
        event__live=True,
    ).values_list("pk", flat=True)
    bookings = AdviceBooking.objects.filter(
        status=AdviceBooking.Status.CONFIRMED,
        reminded_at__isnull=True,
        starts_at__gte=start,
        starts_at__lt=end,
    ).values_list("pk", flat=True)
    with transaction.atomic():
        events_done = _claim(Registration, list(registrations), now)
        advice_done = _claim(AdviceBooking, list(bookings), now)
        for pk in events_done:
            transaction.on_commit(lambda pk=pk: tasks.send_event_reminder.enqueue(pk))
        for pk in advice_done:
            transaction.on_commit(lambda pk=pk: tasks.send_advice_mail.enqueue(pk, "reminder"))
    return len(events_done), len(advice_done)
