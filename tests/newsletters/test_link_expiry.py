"""Newsletter links expire sensibly; the data download needs a fresh link from the mailbox."""

import json
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from freezegun import freeze_time

from newsletters import tokens
from newsletters.models import Subscriber

pytestmark = pytest.mark.django_db


def _url(name, token):
    return reverse(f"newsletters:{name}", args=[token])


def _old_manage_token(subscriber, days):
    with freeze_time(timedelta(days=-days)):
        return tokens.make_manage_token(subscriber.key)


def test_settings_link_expires_after_ninety_days(client, subscriber_factory):
    subscriber = subscriber_factory()
    fresh = tokens.make_manage_token(subscriber.key)
    assert client.get(_url("preferences", fresh)).status_code == 200
    old = _old_manage_token(subscriber, days=91)
    response = client.get(_url("preferences", old))
    assert response.status_code == 400
    assert b'id="link-manage-expired"' in response.content
    assert client.post(_url("erase", old)).status_code == 400
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_unsubscribe_link_of_an_old_message_keeps_working(client, subscriber_factory):
    subscriber = subscriber_factory()
    old = _old_manage_token(subscriber, days=800)
    assert client.post(_url("unsubscribe", old)).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_links_sent_before_they_were_stamped_only_unsubscribe(client, subscriber_factory):
    subscriber = subscriber_factory()
    legacy = signing.Signer(salt=tokens.MANAGE_SALT).sign(str(subscriber.key))
    assert client.get(_url("preferences", legacy)).status_code == 400
    assert client.post(_url("unsubscribe", legacy)).status_code == 200


def test_settings_link_alone_does_not_download_the_data(client, subscriber_factory):
    subscriber = subscriber_factory(email="dane@example.org")
    manage = tokens.make_manage_token(subscriber.key)
    response = client.get(_url("export", manage))
    assert response.status_code == 400
    assert b"dane@example.org" not in response.content


def test_download_by_the_fresh_link_e_mailed_from_the_settings_page(
    client, subscriber_factory, django_capture_on_commit_callbacks
):
    subscriber = subscriber_factory(email="dane@example.org")
    manage = tokens.make_manage_token(subscriber.key)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url("export_request", manage))
    assert response.status_code == 200
    assert b'id="newsletter-export-requested"' in response.content
    (message,) = mail.outbox
    assert message.to == ["dane@example.org"]
    link = next(word for word in message.body.split() if "/newsletter/eksport/" in word)
    path = link.split("testserver", 1)[1]
    download = client.get(path)
    assert download.status_code == 200
    assert json.loads(download.content)["email"] == "dane@example.org"
    # An hour later the same link no longer works.
    with freeze_time(timedelta(minutes=61)):
        expired = client.get(path)
    assert expired.status_code == 400
    assert b'id="link-export-expired"' in expired.content


def test_download_links_are_limited_per_hour(
    client, subscriber_factory, django_capture_on_commit_callbacks
):
    subscriber = subscriber_factory()
    manage = tokens.make_manage_token(subscriber.key)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [client.post(_url("export_request", manage)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert len(mail.outbox) == 3
