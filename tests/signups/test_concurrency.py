"""Parallel sign-ups never confirm more people than there are places (PostgreSQL: the
settings row is locked with SELECT ... FOR UPDATE; SQLite serialises writers anyway)."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from accounts.factories import UserFactory
from cms_pages.factories import EventPageFactory, SupportCentrePageFactory
from signups.models import AdviceBooking, Registration, RegistrationSettings
from signups.services import advice, events
from signups.slots import free_slots

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="parallel clients need PostgreSQL"
    ),
]
CLIENTS = 12


def _in_parallel(work, items):
    barrier = threading.Barrier(len(items))
    errors = []

    def run(item):
        try:
            barrier.wait()
            work(item)
        except Exception as exc:  # noqa: BLE001 - collected and checked below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_parallel_sign_ups_fill_exactly_the_places():
    event = EventPageFactory(start=timezone.now() + datetime.timedelta(days=5))
    RegistrationSettings.objects.create(event=event, places=3)
    users = [UserFactory() for _ in range(CLIENTS)]
    errors = _in_parallel(
        lambda u: events.register(event=event, name=u.public_name, email=u.email, user=u), users
    )
    assert errors == []
    assert Registration.objects.filter(event=event, status="confirmed").count() == 3
    assert Registration.objects.filter(event=event, status="waiting").count() == CLIENTS - 3


def test_parallel_cancellations_promote_without_overfilling():
    event = EventPageFactory(start=timezone.now() + datetime.timedelta(days=5))
    RegistrationSettings.objects.create(event=event, places=4)
    users = [UserFactory() for _ in range(CLIENTS)]
    for user in users:
        events.register(event=event, name="x", email=user.email, user=user)
    confirmed = list(Registration.objects.filter(event=event, status="confirmed"))
    errors = _in_parallel(lambda r: events.cancel(registration_id=r.pk), confirmed)
    assert errors == []
    assert Registration.objects.filter(event=event, status="confirmed").count() == 4
    assert Registration.objects.filter(event=event, status="waiting").count() == CLIENTS - 8


def test_parallel_requests_for_one_advice_slot_book_it_once():
    centre = SupportCentrePageFactory()
    slot = free_slots(centre)[0].value
    users = [UserFactory() for _ in range(6)]
    outcomes = []
    errors = _in_parallel(
        lambda u: outcomes.append(
            advice.request_advice(user=u, centre=centre, slot_value=slot, topic="Statut")
        ),
        users,
    )
    assert all(isinstance(e, advice.SlotTaken) for e in errors)
    assert AdviceBooking.objects.filter(centre=centre).count() == 1 == len(outcomes)
