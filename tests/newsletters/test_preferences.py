"""Preferences by signed link (no login), unsubscribing, and GDPR export and erasure."""

import json

import pytest
from django.urls import reverse

from newsletters import services, tokens
from newsletters.models import ConsentRecord, Delivery, Subscriber

pytestmark = pytest.mark.django_db


def url(name, subscriber):
    make = tokens.make_export_token if name == "export" else tokens.make_manage_token
    return reverse(f"newsletters:{name}", args=[make(subscriber.key)])


def test_preferences_page_changes_topics_without_login(client, subscriber_factory):
    subscriber = subscriber_factory(topics=["news"])
    response = client.get(url("preferences", subscriber))
    assert response.status_code == 200
    assert b'data-status="confirmed"' in response.content

    response = client.post(url("preferences", subscriber), {"topics": ["calls", "area-sport"]})
    assert response.status_code == 302
    assert sorted(subscriber.topics.values_list("slug", flat=True)) == ["area-sport", "calls"]
    assert subscriber.consent_records.last().action == ConsentRecord.Action.CHANGED
    assert b'id="preferences-saved"' in client.get(response["Location"]).content


def test_clearing_every_topic_unsubscribes(client, subscriber_factory):
    subscriber = subscriber_factory(topics=["news"])
    client.post(url("preferences", subscriber), {})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_unknown_topic_on_preferences_is_a_400_not_a_500(client, subscriber_factory):
    subscriber = subscriber_factory(topics=["news"])
    response = client.post(url("preferences", subscriber), {"topics": ["nie-ma-takiego"]})
    assert response.status_code == 400
    assert b'class="error-summary"' in response.content
    assert list(subscriber.topics.values_list("slug", flat=True)) == ["news"]


def test_visible_unsubscribe_link_asks_before_acting(client, subscriber_factory):
    subscriber = subscriber_factory()
    response = client.get(url("unsubscribe", subscriber))
    assert response.status_code == 200
    assert b'id="newsletter-unsubscribe-form"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED  # link scanners change nothing

    response = client.post(url("unsubscribe", subscriber))
    assert response.status_code == 200
    assert b'id="newsletter-unsubscribed"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    withdrawal = subscriber.consent_records.get(action=ConsentRecord.Action.WITHDRAWN)
    assert withdrawal.source == "preferences-page"


def test_one_click_post_unsubscribes_at_once_and_is_idempotent(
    client, subscriber_factory, issue_with_items
):
    subscriber = subscriber_factory()
    services.prepare_deliveries(issue_with_items)
    provider = type(client)(enforce_csrf_checks=True)
    for _ in range(2):
        response = provider.post(
            url("unsubscribe", subscriber),
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consent_records.filter(action="withdrawn").get().source == (
        "list-unsubscribe"
    )
    assert Delivery.objects.get(subscriber=subscriber).status == "skipped"


def test_export_is_json_with_consent_history(client, subscriber_factory):
    subscriber = subscriber_factory(email="eksport@example.org", topics=["news", "events"])
    response = client.get(url("export", subscriber))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "eksport@example.org"
    assert sorted(t["slug"] for t in data["topics"]) == ["events", "news"]
    (record,) = data["consent_records"]
    assert record["action"] == "confirmed" and record["text"]
    assert data["deliveries"] == []


def test_export_includes_delivery_history_and_bounce_state(
    client, subscriber_factory, issue_with_items
):
    subscriber = subscriber_factory(email="odbicie@example.org")
    Delivery.objects.create(
        issue=issue_with_items,
        subscriber=subscriber,
        status="failed",
        attempts=1,
        last_error="SMTPRecipientsRefused: 550 no such user",
    )
    services.mark_undeliverable(subscriber_id=subscriber.pk, reason="550 no such user")
    data = json.loads(client.get(url("export", subscriber)).content)
    assert data["status"] == "undeliverable"
    assert data["undeliverable_at"] and "550" in data["last_error"]
    (delivery,) = data["deliveries"]
    assert delivery["issue"] == issue_with_items.subject
    assert (delivery["status"], delivery["attempts"]) == ("failed", 1)
    assert "550" in delivery["last_error"]


def test_erase_deletes_the_address_and_its_history(client, subscriber_factory, issue_with_items):
    subscriber = subscriber_factory(email="usun@example.org")
    services.prepare_deliveries(issue_with_items)
    erase_url = url("erase", subscriber)
    assert client.get(erase_url).status_code == 200
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()

    response = client.post(erase_url)
    assert response.status_code == 200
    assert b'id="newsletter-erased"' in response.content
    assert not Subscriber.objects.filter(email="usun@example.org").exists()
    assert not ConsentRecord.objects.filter(subscriber_id=subscriber.pk).exists()
    assert not Delivery.objects.exists()
    # The old link now explains itself instead of failing.
    response = client.get(url("preferences", subscriber))
    assert response.status_code == 404
    assert b'id="link-gone"' in response.content


def test_manage_token_cannot_be_forged(client, subscriber_factory):
    subscriber = subscriber_factory()
    token = tokens.make_manage_token(subscriber.key)
    assert tokens.read_manage_token(token) == str(subscriber.key)
    forged = f"{subscriber.key}:{'A' * 27}"
    response = client.get(reverse("newsletters:preferences", args=[forged]))
    assert response.status_code == 400
    assert b'id="link-invalid"' in response.content
