"""Event sign-up: places, waiting list, promotion, anonymous confirmation, cancellation."""

import datetime

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.factories import UserFactory
from signups.models import Registration
from signups.services import events as services
from signups.tokens import make_token


def _signup_url(event):
    return reverse("signups:event", args=[event.pk])


def test_event_page_links_to_the_sign_up(client, signup, event):
    assert _signup_url(event) in client.get(event.url).content.decode()


def test_an_account_gets_a_place_then_the_queue(client, signup, event, resident, run_on_commit):
    users = [resident, UserFactory(), UserFactory()]
    for user in users:
        client.force_login(user)
        with run_on_commit():
            assert client.post(_signup_url(event)).status_code == 302
    statuses = [Registration.objects.get(user=u).status for u in users]
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert [m.to for m in mail.outbox] == [[u.email] for u in users]
    first = Registration.objects.get(user=resident)
    assert first.get_cancel_url() in mail.outbox[0].body


def test_cancelling_a_place_promotes_the_first_waiting_and_tells_them(
    client, signup, event, run_on_commit
):
    first, second, third, fourth = (UserFactory() for _ in range(4))
    for user in (first, second, third, fourth):
        services.register(event=event, name=user.public_name, email=user.email, user=user)
    mail.outbox.clear()
    registration = Registration.objects.get(user=first)
    with run_on_commit():
        response = client.post(registration.get_cancel_url())
    assert response.status_code == 200
    assert Registration.objects.get(user=first).status == "cancelled"
    assert Registration.objects.get(user=third).status == "confirmed"
    assert Registration.objects.get(user=fourth).status == "waiting"
    assert [m.to for m in mail.outbox] == [[third.email]]
    # Cancelling again changes nothing.
    client.post(registration.get_cancel_url())
    assert Registration.objects.get(user=fourth).status == "waiting"


def test_anonymous_sign_up_holds_no_place_until_the_link_is_opened(
    client, signup, event, run_on_commit
):
    with run_on_commit():
        response = client.post(
            _signup_url(event), {"name": "Jan Wiśniewski", "email": "Jan@Example.org"}
        )
    assert response.status_code == 200
    assert "signups/check_inbox.html" in [t.name for t in response.templates]
    registration = Registration.objects.get()
    assert registration.status == "unconfirmed" and registration.email == "jan@example.org"
    assert len(mail.outbox) == 1
    confirm_url = reverse("signups:confirm", args=[make_token("confirm", registration.pk)])
    assert confirm_url in mail.outbox[0].body
    assert client.get(confirm_url).status_code == 200  # a page with a button, nothing changes
    assert Registration.objects.get().status == "unconfirmed"
    with run_on_commit():
        client.post(confirm_url)
    assert Registration.objects.get().status == "confirmed"
    assert registration.get_cancel_url() in mail.outbox[-1].body


def test_anonymous_sign_up_with_errors_keeps_what_was_typed(client, signup, event):
    response = client.post(_signup_url(event), {"name": "Jan Wiśniewski", "email": "nie-adres"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "error-summary" in body and "Jan Wiśniewski" in body and "nie-adres" in body
    assert not Registration.objects.exists()


def test_anonymous_sign_up_can_be_switched_off(client, signup, event):
    signup.allow_anonymous = False
    signup.save()
    response = client.post(_signup_url(event), {"name": "Jan", "email": "jan@example.org"})
    assert response.status_code == 302 and "login" in response.url
    assert not Registration.objects.exists()


def test_the_same_address_signs_up_once(client, signup, event, resident):
    client.force_login(resident)
    client.post(_signup_url(event))
    client.logout()
    client.post(_signup_url(event), {"name": "Ktoś", "email": resident.email.upper()})
    assert Registration.objects.count() == 1


def test_after_the_deadline_sign_up_refuses_politely(client, signup, event, resident):
    signup.deadline = timezone.now() - datetime.timedelta(minutes=1)
    signup.save()
    client.force_login(resident)
    assert "signup-closed" in client.get(_signup_url(event)).content.decode()
    response = client.post(_signup_url(event))
    assert response.status_code == 409 and b"signup-closed" in response.content
    assert not Registration.objects.exists()


def test_a_changed_link_is_refused(client, signup, event):
    assert client.get(reverse("signups:cancel", args=["zmieniony"])).status_code == 400
    assert client.get(reverse("signups:confirm", args=[make_token("cancel", 1)])).status_code == 400


def test_disabled_or_missing_sign_up_is_not_found(client, event, signup):
    signup.enabled = False
    signup.save()
    assert client.get(_signup_url(event)).status_code == 404
    signup.delete()
    assert client.get(_signup_url(event)).status_code == 404


def test_more_places_in_the_admin_move_the_queue_up(signup, event):
    from django.db import transaction

    from signups.services.events import _locked_settings, promote_waiting

    users = [UserFactory() for _ in range(3)]
    for user in users:
        services.register(event=event, name="x", email=user.email, user=user)
    signup.places = 3
    signup.save()
    with transaction.atomic():
        promote_waiting(_locked_settings(event.pk))
    assert Registration.objects.filter(status="confirmed").count() == 3


def test_a_deleted_account_gives_its_place_to_the_first_waiting(signup, event):
    from accounts.services import delete_account

    first, second, third = (UserFactory() for _ in range(3))
    for user in (first, second, third):
        services.register(event=event, name=user.public_name, email=user.email, user=user)
    assert Registration.objects.get(user=third).status == "waiting"
    delete_account(user=first)
    assert not Registration.objects.filter(user=first).exists()
    assert Registration.objects.get(user=third).status == "confirmed"
