"""Double opt-in from the sign-up form to a confirmed subscription, and bad input."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from newsletters import tokens
from newsletters.models import ConsentRecord, Subscriber

pytestmark = pytest.mark.django_db

SUBSCRIBE = reverse("newsletters:subscribe")


def confirm_link(message) -> str:
    match = re.search(r"http://testserver(/newsletter/potwierdz/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def subscribe(client, capture, email, topics=("news",), **extra):
    with capture(execute=True):
        return client.post(
            SUBSCRIBE, {"email": email, "topics": list(topics), **extra}, REMOTE_ADDR="10.0.0.7"
        )


def test_double_opt_in_end_to_end(client, django_capture_on_commit_callbacks):
    response = client.get(SUBSCRIBE)
    assert response.status_code == 200
    assert b'id="newsletter-subscribe-form"' in response.content

    response = subscribe(
        client, django_capture_on_commit_callbacks, "Anna.Nowak@Example.org", ["news", "events"]
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletters:check_inbox")

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "Anna.Nowak@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.topics.count() == 0  # nothing takes effect before the click
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Anna.Nowak@example.org"]

    link = confirm_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # GET (a mail scanner) confirms nothing

    response = client.post(link, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200
    assert b'id="newsletter-confirmed"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert sorted(subscriber.topics.values_list("slug", flat=True)) == ["events", "news"]

    requested, confirmed = subscriber.consent_records.all()
    assert requested.action == ConsentRecord.Action.REQUESTED
    assert requested.source == "signup-form"
    assert requested.ip_address == "10.0.0.7"
    assert requested.text  # the sentence shown next to the form
    city = subscriber.topics.get(slug="news").municipality.slug
    assert requested.topics == [f"{city}:events", f"{city}:news"]  # keys: whose topic, which
    assert confirmed.action == ConsentRecord.Action.CONFIRMED
    assert confirmed.text == requested.text
    assert confirmed.ip_address == "10.0.0.8"


def test_home_page_form_records_its_source(client, django_capture_on_commit_callbacks):
    subscribe(client, django_capture_on_commit_callbacks, "dom@example.org", source="home-page")
    assert ConsentRecord.objects.get().source == "home-page"


def test_resubscribing_answers_the_same_whatever_the_address_state(
    client, django_capture_on_commit_callbacks, subscriber_factory
):
    subscriber_factory(email="jest@example.org")
    subscriber_factory(email="wypisany@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    answers = []
    for email in ["nowy@example.org", "jest@example.org", "wypisany@example.org"]:
        response = subscribe(client, django_capture_on_commit_callbacks, email)
        followed = client.get(response["Location"])
        # Masked CSRF tokens differ on every response; everything else must not.
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", followed.text)
        answers.append((response.status_code, response["Location"], page))
    assert answers[0] == answers[1] == answers[2]
    # Each address got one confirmation link, and only its owner can act on it.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "jest@example.org",
        "nowy@example.org",
        "wypisany@example.org",
    ]


def test_resubscribing_a_confirmed_address_changes_nothing_until_confirmed(
    client, django_capture_on_commit_callbacks, subscriber_factory
):
    subscriber = subscriber_factory(email="jest@example.org", topics=["news"])
    subscribe(client, django_capture_on_commit_callbacks, "jest@example.org", ["calls"])
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert list(subscriber.topics.values_list("slug", flat=True)) == ["news"]

    client.post(confirm_link(mail.outbox[0]))
    assert sorted(subscriber.topics.values_list("slug", flat=True)) == ["calls", "news"]


@pytest.mark.parametrize(
    ("data", "field_id"),
    [
        ({"email": "nie-adres", "topics": ["news"]}, "id_email"),
        ({"email": "", "topics": ["news"]}, "id_email"),
        ({"email": "a@example.org", "topics": ["no-such-topic"]}, "id_topics"),
        ({"email": "a@example.org"}, "id_topics"),
    ],
)
def test_bad_input_is_answered_400_with_linked_error(client, data, field_id):
    response = client.post(SUBSCRIBE, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert f'href="#{field_id}"' in content
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_tampered_token_gets_a_clear_400(client, subscriber_factory):
    token = tokens.make_confirm_token(subscriber_factory(status="pending"), ["news"])
    response = client.get(reverse("newsletters:confirm", args=[token[:-3] + "abc"]))
    assert response.status_code == 400
    assert b'id="link-invalid"' in response.content
    response = client.post(reverse("newsletters:preferences", args=["zmyslony:token"]))
    assert response.status_code == 400


def test_expired_confirmation_link_is_refused(client, subscriber_factory):
    subscriber = subscriber_factory(status="pending", topics=[])
    with freeze_time(timezone.now() - timedelta(days=8)):
        token = tokens.make_confirm_token(subscriber, ["news"])
    response = client.post(reverse("newsletters:confirm", args=[token]))
    assert response.status_code == 400
    assert b'id="link-expired"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_confirmation_link_still_works_within_its_lifetime(client, subscriber_factory):
    subscriber = subscriber_factory(status="pending", topics=[])
    with freeze_time(timezone.now() - timedelta(days=6)):
        token = tokens.make_confirm_token(subscriber, ["news"])
    assert client.post(reverse("newsletters:confirm", args=[token])).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_old_confirmation_link_cannot_undo_an_unsubscription(client, subscriber_factory):
    subscriber = subscriber_factory(status="unsubscribed")
    token = tokens.make_confirm_token(subscriber, ["news"])
    response = client.post(reverse("newsletters:confirm", args=[token]))
    assert response.status_code == 404
    assert b'id="link-gone"' in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_subscribe_form_is_rate_limited_per_ip(client, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE_PER_IP = 3
    codes = [
        client.post(
            SUBSCRIBE, {"email": f"a{i}@example.org", "topics": ["news"]}, REMOTE_ADDR="10.1.1.1"
        ).status_code
        for i in range(5)
    ]
    assert codes == [302, 302, 302, 429, 429]
    other_network = client.post(
        SUBSCRIBE, {"email": "b@example.org", "topics": ["news"]}, REMOTE_ADDR="10.2.2.2"
    )
    assert other_network.status_code == 302
    assert Subscriber.objects.count() == 4


def test_one_address_gets_at_most_n_confirmation_mails_a_day(
    client, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTER_CONFIRMATIONS_PER_ADDRESS = 2
    for _ in range(4):
        subscribe(client, django_capture_on_commit_callbacks, "ofiara@example.org")
    assert len(mail.outbox) == 2


def test_honeypot_submission_looks_normal_but_stores_nothing(client):
    response = client.post(
        SUBSCRIBE, {"email": "bot@example.org", "topics": ["news"], "website": "http://spam"}
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_pending_addresses_receive_no_issue(subscriber_factory, issue_with_items, smtp_sink):
    from newsletters import services

    subscriber_factory(email="czeka@example.org", status="pending")
    subscriber_factory(email="potwierdzony@example.org")
    issue_with_items.status = "sending"
    issue_with_items.save()
    services.deliver_mailing(issue_with_items)
    assert smtp_sink.recipients() == ["potwierdzony@example.org"]
