"""Newsletter double opt-in in a real browser: sign up, confirm from the e-mail, unsubscribe.

The e-mails are the ones the portal really sends (tasks run at once in tests, the
locmem backend keeps them); their links are followed in Chromium as a resident would.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from newsletters import services
from newsletters.models import Issue, Subscriber, Topic
from tests.browser.conftest import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "halina.zawadzka@example.org"


def link(pattern: str, body: str) -> str:
    match = re.search(pattern, body)
    assert match, f"no link matching {pattern!r} in:\n{body}"
    return match.group(0)


@pytest.fixture
def site_url(live_server, settings):
    # Links in e-mails are built on BASE_URL: point it at the test server.
    settings.BASE_URL = live_server.url
    return live_server.url


def test_double_opt_in_then_one_click_unsubscribe_in_the_browser(site_url, page, mailoutbox):
    news = Topic.objects.select_related("municipality").get(slug="news")
    area = Topic.objects.areas().active().select_related("municipality").first()
    assert area is not None, "no public-benefit area topic to choose"

    page.goto(site_url + reverse("newsletters:subscribe"))
    assert_no_axe_violations(page, "newsletter sign-up form")

    # A wrong address is answered on the page, next to the field, and nothing is stored.
    page.get_by_label("Adres e-mail").fill("halina.zawadzka@")
    page.locator(f'input[name="topics"][value="{news.key}"]').check()
    with page.expect_navigation():
        page.locator("#newsletter-subscribe-form button[type=submit]").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator('a[href="#id_email"]').count() == 1
    assert not Subscriber.objects.exists() and mailoutbox == []

    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.locator(f'input[name="topics"][value="{news.key}"]').check()
    page.locator(f'input[name="topics"][value="{area.key}"]').check()
    with page.expect_navigation():
        page.locator("#newsletter-subscribe-form button[type=submit]").click()
    assert page.locator("#newsletter-check-inbox").is_visible()
    assert_no_axe_violations(page, "check your inbox")

    subscriber = Subscriber.objects.get(email=EMAIL)
    assert subscriber.status == Subscriber.Status.PENDING
    (confirmation,) = mailoutbox
    assert confirmation.to == [EMAIL]
    confirm_url = link(re.escape(site_url) + r"/newsletter/potwierdz/[^/\s]+/", confirmation.body)

    # Opening the link (as a mail scanner would) confirms nothing; the button does.
    page.goto(confirm_url)
    assert_no_axe_violations(page, "confirm subscription")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING
    with page.expect_navigation():
        page.locator("#newsletter-confirm-form button").click()
    assert page.locator("#newsletter-confirmed").is_visible()
    confirmed_topics = page.locator("main li").all_inner_texts()
    assert news.label in confirmed_topics and area.label in confirmed_topics
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert set(subscriber.topics.values_list("slug", flat=True)) == {news.slug, area.slug}

    # The same confirmation link, tampered with, gets a clear explanation.
    page.goto(confirm_url[:-4] + "xyz/")
    assert page.locator("#link-invalid").is_visible()

    # An issue arrives; its visible unsubscribe link works without logging in.
    issue = Issue.objects.create(subject="Biuletyn Okienka – grudzień", status="sending")
    issue.topics.add(news)
    issue.save()
    assert services.deliver_mailing(issue).finished
    newsletter = mailoutbox[-1]
    assert newsletter.to == [EMAIL]
    unsubscribe_url = link(re.escape(site_url) + r"/newsletter/wypisz/[^/\s]+/", newsletter.body)
    assert newsletter.extra_headers["List-Unsubscribe"].startswith(f"<{unsubscribe_url}>")

    page.goto(unsubscribe_url)
    assert_no_axe_violations(page, "unsubscribe")
    with page.expect_navigation():
        page.locator("#newsletter-unsubscribe-form button").click()
    assert page.locator("#newsletter-unsubscribed").is_visible()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    # The old confirmation link cannot undo that.
    page.goto(confirm_url)
    with page.expect_navigation():
        page.locator("#newsletter-confirm-form button").click()
    assert page.locator("#link-gone").is_visible()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert urlsplit(page.url).path == urlsplit(confirm_url).path
