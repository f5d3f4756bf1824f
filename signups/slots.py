"""Advice slots from a support centre's published duty hours (Europe/Warsaw)."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

WARSAW = ZoneInfo("Europe/Warsaw")
WEEKS_AHEAD = 4


def slot_minutes() -> int:
    return getattr(settings, "ADVICE_SLOT_MINUTES", 60)


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    @property
    def value(self) -> str:
        """The form value: the start in Polish time, e.g. 2026-12-07T09:00."""
        return self.starts_at.astimezone(WARSAW).strftime("%Y-%m-%dT%H:%M")


def duty_slots(opening_hours, *, now=None, days: int = WEEKS_AHEAD * 7) -> list[Slot]:
    """Every slot of the duty hours from tomorrow for `days` days, in order. Each
    OpeningHours row (weekday 1 = Monday) with both hours gives slots of slot_minutes()
    that fit before it closes; local times are made aware in Europe/Warsaw, so the
    change to and from summer time keeps the published hours."""
    now = now or timezone.now()
    length = datetime.timedelta(minutes=slot_minutes())
    by_weekday: dict[int, list] = {}
    for hours in opening_hours:
        if hours.opens and hours.closes:
            by_weekday.setdefault(hours.weekday, []).append((hours.opens, hours.closes))
    today = now.astimezone(WARSAW).date()
    slots = []
    for offset in range(1, days + 1):
        day = today + datetime.timedelta(days=offset)
        for opens, closes in sorted(by_weekday.get(day.isoweekday(), [])):
            start = datetime.datetime.combine(day, opens)
            end_of_duty = datetime.datetime.combine(day, closes)
            while start + length <= end_of_duty:
                slots.append(
                    Slot(start.replace(tzinfo=WARSAW), (start + length).replace(tzinfo=WARSAW))
                )
                start += length
    return slots


def free_slots(centre, *, now=None) -> list[Slot]:
    """Duty slots of the centre not taken by a request or a confirmed booking."""
    from .models import AdviceBooking

    slots = duty_slots(centre.opening_hours.all(), now=now)
    if not slots:
        return []
    taken = set(
        AdviceBooking.objects.filter(
            centre=centre, starts_at__gte=slots[0].starts_at, starts_at__lte=slots[-1].starts_at
        )
        .exclude(status=AdviceBooking.Status.CANCELLED)
        .values_list("starts_at", flat=True)
    )
    return [slot for slot in slots if slot.starts_at not in taken]
