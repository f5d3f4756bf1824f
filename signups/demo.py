"""Demo: on-portal sign-up for the city's upcoming trainings, a full one with a waiting
list, and advice requests at the first support centre with the demo official as advisor."""

import datetime

from accounts.models import Role
from cms_pages.models import EventPage, SupportCentrePage

from .models import AdviceBooking, CentreAdvisor, Registration, RegistrationSettings
from .slots import free_slots

GUESTS = [
    ("Halina Wrzosek", "halina.wrzosek@example.org"),
    ("Tadeusz Młynarczyk", "t.mlynarczyk@example.pl"),
    ("Zofia Kalinowska", "zofia.kalinowska@example.org"),
]


def seed(ctx):
    users = ctx.shared.get("users", {})
    city = ctx.shared.get("municipalities", {}).get("city")
    if city is None or not users:
        return
    resident, ngo, official = (
        users[Role.RESIDENT],
        users[Role.NGO_REPRESENTATIVE],
        users[Role.OFFICIAL],
    )
    organisations = ctx.shared.get("organisations") or [None]
    events = list(
        EventPage.objects.live()
        .descendant_of(city.home_page)
        .filter(start__gt=ctx.now)
        .order_by("start")[:2]
    )
    made = 0
    for number, event in enumerate(events):
        full = number == 0
        RegistrationSettings.objects.create(
            event=event,
            places=3 if full else 25,
            allow_anonymous=True,
            organiser=organisations[0],
        )
        people = [
            (resident.public_name, resident.email, resident),
            (ngo.public_name, ngo.email, ngo),
        ]
        people += [(name, email, None) for name, email in GUESTS[: 2 if full else 1]]
        for position, (name, email, user) in enumerate(people):
            status = (
                Registration.Status.CONFIRMED
                if position < (3 if full else 25)
                else Registration.Status.WAITING
            )
            Registration.objects.create(
                event=event,
                user=user,
                name=name,
                email=email,
                status=status,
                queued_at=ctx.now - datetime.timedelta(hours=len(people) - position),
            )
            made += 1
    centre = SupportCentrePage.objects.live().descendant_of(city.home_page).order_by("path").first()
    bookings = 0
    if centre is not None:
        CentreAdvisor.objects.create(centre=centre, user=official)
        slots = free_slots(centre, now=ctx.now)
        for slot, (user, topic, status) in zip(
            slots[2::5],
            [
                (
                    ngo,
                    "Sprawozdanie finansowe małego stowarzyszenia",
                    AdviceBooking.Status.CONFIRMED,
                ),
                (resident, "Jak założyć stowarzyszenie zwykłe", AdviceBooking.Status.REQUESTED),
            ],
            strict=False,
        ):
            AdviceBooking.objects.create(
                centre=centre,
                requester=user,
                topic=topic,
                starts_at=slot.starts_at,
                ends_at=slot.ends_at,
                status=status,
                decided_by=official if status == AdviceBooking.Status.CONFIRMED else None,
            )
            bookings += 1
    ctx.say(
        f"Sign-up: {len(events)} events open for sign-up, {made} registrations; "
        f"advice: {bookings} bookings."
    )
