"""Logged-in users manage subscriptions from their profile; the home page has a sign-up slot."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from newsletters.models import ConsentRecord, Subscriber

pytestmark = pytest.mark.django_db

PROFILE = reverse("newsletters:profile")


def test_profile_page_needs_login(client):
    response = client.get(PROFILE)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_verified_user_subscribes_from_profile_without_another_link(client, resident):
    client.force_login(resident)
    response = client.post(PROFILE, {"topics": ["news", "area-culture"]}, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email=resident.email)
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.user == resident
    assert sorted(subscriber.topics.values_list("slug", flat=True)) == ["area-culture", "news"]
    record = subscriber.consent_records.get()
    assert (record.action, record.source, record.ip_address) == (
        ConsentRecord.Action.CONFIRMED,
        "profile",
        "10.9.9.9",
    )
    assert mail.outbox == []
    page = client.get(PROFILE)
    assert b'id="profile-outcome-saved"' in page.content
    checked = re.findall(
        r'<input type="checkbox" name="topics" value="[\w-]+:([\w-]+)"[^>]* checked', page.text
    )
    assert sorted(checked) == ["area-culture", "news"]


def test_unverified_user_gets_a_confirmation_link_instead(
    client, unverified_user, django_capture_on_commit_callbacks
):
    client.force_login(unverified_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PROFILE, {"topics": ["news"]})
    subscriber = Subscriber.objects.get(email=unverified_user.email)
    assert subscriber.status == Subscriber.Status.PENDING
    assert [m.to[0] for m in mail.outbox] == [unverified_user.email]


def test_clearing_topics_in_profile_unsubscribes(client, resident, subscriber_factory):
    subscriber_factory(email=resident.email, topics=["news"])
    client.force_login(resident)
    client.post(PROFILE, {})
    assert Subscriber.objects.get(email=resident.email).status == "unsubscribed"


def test_account_profile_shows_the_newsletter_section(client, resident, subscriber_factory):
    subscriber_factory(email=resident.email, topics=["events"])
    client.force_login(resident)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    assert b'id="profile-newsletter"' in response.content
    assert PROFILE.encode() in response.content


def test_home_page_has_the_sign_up_form(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="section-newsletter"' in content
    assert 'name="source" value="home-page"' in content
    assert 'for="home-newsletter-email"' in content


def test_archive_lists_only_sent_issues(client, issue_with_items):
    from django.utils import timezone

    from newsletters.factories import IssueFactory

    IssueFactory(subject="Szkic, którego nie widać")
    issue_with_items.status = "sent"
    issue_with_items.sent_at = timezone.now()
    issue_with_items.save()
    response = client.get(reverse("newsletters:archive"))
    assert response.status_code == 200
    assert issue_with_items.subject.encode() in response.content
    assert "Szkic, którego nie widać".encode() not in response.content
    detail = client.get(issue_with_items.get_absolute_url())
    assert detail.status_code == 200
    assert b"Nowy punkt konsultacyjny" in detail.content
    draft = IssueFactory()
    assert client.get(draft.get_absolute_url()).status_code == 404
