"""The sending engine against a real SMTP server (aiosmtpd on 127.0.0.1)."""

import email
import email.policy
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletters import services
from newsletters.models import Delivery, Issue, Subscriber

pytestmark = pytest.mark.django_db


def start(issue):
    Issue.objects.filter(pk=issue.pk).update(status="sending")
    issue.refresh_from_db()
    return issue


def parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_issue_goes_once_to_each_confirmed_subscriber_of_its_topics(
    subscriber_factory, issue_with_items, smtp_sink, django_capture_on_commit_callbacks
):
    for i in range(3):
        subscriber_factory(email=f"news{i}@example.org", topics=["news", "events"])
    subscriber_factory(email="calls@example.org", topics=["calls"])
    subscriber_factory(email="gone@example.org", status="unsubscribed")
    subscriber_factory(email="bounced@example.org", status="undeliverable")

    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue_now(issue=issue_with_items)

    assert sorted(smtp_sink.recipients()) == [
        "news0@example.org",
        "news1@example.org",
        "news2@example.org",
    ]
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "sent"
    assert issue_with_items.sent_at is not None
    assert services.delivery_stats(issue_with_items) == {"sent": 3}
    with pytest.raises(ValueError):
        services.send_issue_now(issue=issue_with_items)


def test_issue_without_topics_goes_to_every_confirmed_subscriber(
    subscriber_factory, issue_with_items, smtp_sink
):
    issue_with_items.topics.clear()
    subscriber_factory(email="a@example.org", topics=["calls"])
    subscriber_factory(email="b@example.org", topics=["area-culture"])
    services.deliver_mailing(start(issue_with_items))
    assert sorted(smtp_sink.recipients()) == ["a@example.org", "b@example.org"]


def test_message_has_one_click_unsubscribe_headers_and_accessible_parts(
    subscriber_factory, issue_with_items, smtp_sink, client
):
    subscriber = subscriber_factory(email="ola@example.org")
    services.deliver_mailing(start(issue_with_items))
    ((_rcpts, raw),) = smtp_sink.messages
    message = parse(raw)

    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    http_target, mailto = [t.strip() for t in message["List-Unsubscribe"].split(",")]
    match = re.fullmatch(r"<http://testserver(/newsletter/wypisz/([^/]+)/)>", http_target)
    assert match, http_target
    assert mailto.startswith("<mailto:wypisz@okienko.example.org?subject=unsubscribe")
    assert message["Message-ID"] == (
        f"<issue-{issue_with_items.pk}.{subscriber.key.hex}@testserver>"
    )

    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()
    assert '<html lang="pl">' in html
    assert "Nowy punkt konsultacyjny" in html and "Nowy punkt konsultacyjny" in text
    # The visible links (preferences, unsubscribe) are absolute and carry the same token.
    token = match.group(2)
    assert f"http://testserver/newsletter/ustawienia/{token}/" in text
    assert f"http://testserver/newsletter/wypisz/{token}/" in html
    assert "TOKEN" not in html and "TOKEN" not in text

    # The header's address works with a bare POST from a mail provider (no session, no CSRF).
    provider = type(client)(enforce_csrf_checks=True)
    response = provider.post(match.group(1), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


class CrashingBackend(LocmemBackend):
    """Behaves like the locmem backend until the n-th message, then the worker "dies"."""

    def __init__(self, *args, crash_on, **kwargs):
        super().__init__(*args, **kwargs)
        self.crash_on = crash_on
        self.calls = 0

    def send_messages(self, messages):
        self.calls += 1
        if self.calls == self.crash_on:
            raise RuntimeError("worker killed")
        return super().send_messages(messages)


def test_resume_after_a_crash_sends_nobody_twice_and_skips_nobody(
    subscriber_factory, issue_with_items
):
    subscribers = [subscriber_factory(email=f"r{i:02d}@example.org") for i in range(23)]
    issue = start(issue_with_items)

    with pytest.raises(RuntimeError):
        services.deliver_mailing(issue, connection=CrashingBackend(crash_on=8), batch_size=5)
    assert len(mail.outbox) == 7
    # Rows the dead worker had claimed but not sent went straight back to the queue.
    assert not Delivery.objects.filter(status="sending").exists()
    assert Delivery.objects.filter(status="sent").count() == 7
    issue.refresh_from_db()
    assert issue.status == "sending"

    report = services.deliver_mailing(issue, batch_size=5)
    assert report.finished
    recipients = [m.to[0] for m in mail.outbox]
    assert sorted(recipients) == sorted(s.email for s in subscribers)  # each exactly once
    assert Delivery.objects.filter(status="sent").count() == 23


def test_rows_left_sending_by_a_killed_worker_are_claimed_again_after_the_lease(
    subscriber_factory, issue_with_items, settings
):
    settings.NEWSLETTER_CLAIM_LEASE_SECONDS = 600
    for i in range(4):
        subscriber_factory(email=f"k{i}@example.org")
    issue = start(issue_with_items)
    services.prepare_deliveries(issue)
    # A worker was killed (SIGKILL) right after claiming two rows.
    first, second = Delivery.objects.order_by("pk")[:2]
    Delivery.objects.filter(pk=first.pk).update(
        status="sending", claimed_at=timezone.now() - timedelta(minutes=5)
    )
    Delivery.objects.filter(pk=second.pk).update(
        status="sending", claimed_at=timezone.now() - timedelta(minutes=11)
    )

    report = services.deliver_mailing(issue)
    # The row within its lease may still be in another worker's hands: not touched.
    assert report.sent == 3 and not report.finished
    first.refresh_from_db()
    assert first.status == "sending"

    Delivery.objects.filter(pk=first.pk).update(claimed_at=timezone.now() - timedelta(minutes=11))
    assert services.deliver_mailing(issue).finished
    assert sorted(m.to[0] for m in mail.outbox) == [f"k{i}@example.org" for i in range(4)]


def test_temporary_smtp_error_is_retried_with_backoff(
    subscriber_factory, issue_with_items, smtp_sink, settings
):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    subscriber_factory(email="ok@example.org")
    busy = subscriber_factory(email="busy@example.org")
    smtp_sink.refuse["busy@example.org"] = ["451 4.7.1 Try again later"] * 2
    issue = start(issue_with_items)

    before = timezone.now()
    report = services.deliver_mailing(issue)
    assert (report.sent, report.retrying, report.finished) == (1, 1, False)
    delivery = Delivery.objects.get(subscriber=busy)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert "451" in delivery.last_error
    assert before + timedelta(seconds=59) < delivery.next_attempt_at
    assert delivery.next_attempt_at < timezone.now() + timedelta(seconds=61)
    assert report.next_retry_at == delivery.next_attempt_at

    # Not due yet: a new run leaves it alone.
    assert services.deliver_mailing(issue).retrying == 0
    assert smtp_sink.recipients() == ["ok@example.org"]

    # Time passes (the row's due time is moved back instead of sleeping).
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    services.deliver_mailing(issue)
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=115)  # doubled

    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert services.deliver_mailing(issue).finished
    assert smtp_sink.recipients() == ["ok@example.org", "busy@example.org"]
    busy.refresh_from_db()
    assert busy.status == Subscriber.Status.CONFIRMED


def test_temporary_errors_give_up_after_max_attempts(
    subscriber_factory, issue_with_items, smtp_sink, settings
):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    busy = subscriber_factory(email="busy@example.org")
    smtp_sink.refuse["busy@example.org"] = ["421 4.3.2 Service not available"] * 5
    issue = start(issue_with_items)
    services.deliver_mailing(issue)
    Delivery.objects.update(next_attempt_at=timezone.now())
    report = services.deliver_mailing(issue)
    assert report.finished and report.failed == 1
    assert Delivery.objects.get().status == "failed"
    busy.refresh_from_db()
    assert busy.status == Subscriber.Status.CONFIRMED  # a busy server is not a dead mailbox


def test_permanent_failure_marks_the_address_undeliverable(
    subscriber_factory, issue_with_items, smtp_sink
):
    subscriber_factory(email="ok@example.org")
    dead = subscriber_factory(email="dead@example.org")
    smtp_sink.refuse["dead@example.org"] = ["550 5.1.1 No such user"]
    report = services.deliver_mailing(start(issue_with_items))
    assert (report.sent, report.failed, report.finished) == (1, 1, True)
    dead.refresh_from_db()
    assert dead.status == Subscriber.Status.UNDELIVERABLE
    assert "550" in dead.last_error
    assert Delivery.objects.get(subscriber=dead).status == "failed"


def test_classify_smtp_errors():
    import smtplib

    refused = smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no such user")})
    assert services.classify_smtp_error(refused) == services.PERMANENT
    busy = smtplib.SMTPRecipientsRefused({"a@example.org": (452, b"mailbox full")})
    assert services.classify_smtp_error(busy) == services.TEMPORARY
    assert services.classify_smtp_error(smtplib.SMTPDataError(554, b"rejected")) == "permanent"
    assert services.classify_smtp_error(smtplib.SMTPDataError(451, b"later")) == "temporary"
    # Our own sender refused: never the recipient's fault.
    sender = smtplib.SMTPSenderRefused(553, b"not allowed", "okienko@localhost")
    assert services.classify_smtp_error(sender) == services.TEMPORARY
    assert services.classify_smtp_error(smtplib.SMTPServerDisconnected()) == "temporary"
    assert services.classify_smtp_error(ConnectionRefusedError()) == "temporary"


def test_retry_delay_doubles_up_to_the_cap(settings):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    settings.NEWSLETTER_RETRY_MAX_SECONDS = 300
    delays = [services.retry_delay(n).total_seconds() for n in range(1, 6)]
    assert delays == [60, 120, 240, 300, 300]


def test_rate_limiter_spaces_messages():
    clock = {"now": 100.0}
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 6))
        clock["now"] += seconds

    limiter = services.RateLimiter(4, clock=lambda: clock["now"], sleep=sleep)
    for _ in range(3):
        limiter.wait()
    assert slept == [0.25, 0.25]
    clock["now"] += 10  # idle time is not saved up as a burst beyond one message
    limiter.wait()
    limiter.wait()
    assert slept == [0.25, 0.25, 0.25]


def test_unsubscribing_mid_send_skips_the_address(subscriber_factory, issue_with_items):
    staying = subscriber_factory(email="zostaje@example.org")
    leaving = subscriber_factory(email="odchodzi@example.org")
    issue = start(issue_with_items)
    services.prepare_deliveries(issue)
    services.unsubscribe(subscriber=leaving, source="preferences-page")
    services.deliver_mailing(issue)
    assert [m.to[0] for m in mail.outbox] == [staying.email]
    assert Delivery.objects.get(subscriber=leaving).status == "skipped"


def test_one_delivery_per_issue_and_subscriber(subscriber_factory, issue_with_items):
    subscriber = subscriber_factory()
    Delivery.objects.create(issue=issue_with_items, subscriber=subscriber)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(issue=issue_with_items, subscriber=subscriber)
    # Preparing again after a crash adds nobody twice.
    services.prepare_deliveries(issue_with_items)
    issue_with_items.recipients_prepared_at = None
    services.prepare_deliveries(issue_with_items)
    assert Delivery.objects.count() == 1


def test_scheduled_issue_is_sent_by_the_periodic_command(
    subscriber_factory, issue_with_items, django_capture_on_commit_callbacks
):
    subscriber_factory(email="plan@example.org")
    services.schedule_issue(issue=issue_with_items, when=timezone.now() + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_scheduled_newsletters")
    assert mail.outbox == []

    Issue.objects.filter(pk=issue_with_items.pk).update(
        scheduled_at=timezone.now() - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_scheduled_newsletters")
    assert [m.to[0] for m in mail.outbox] == ["plan@example.org"]
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "sent"


def test_periodic_command_resumes_an_interrupted_send(subscriber_factory, issue_with_items):
    for i in range(3):
        subscriber_factory(email=f"p{i}@example.org")
    issue = start(issue_with_items)
    with pytest.raises(RuntimeError):
        services.deliver_mailing(issue, connection=CrashingBackend(crash_on=2))
    call_command("send_scheduled_newsletters", "--run-now")
    assert sorted(m.to[0] for m in mail.outbox) == [
        "p0@example.org",
        "p1@example.org",
        "p2@example.org",
    ]
    issue.refresh_from_db()
    assert issue.status == "sent"


def test_test_send_goes_only_to_the_editor(
    subscriber_factory, issue_with_items, django_capture_on_commit_callbacks
):
    subscriber_factory(email="czytelnik@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.send_test_issue(issue=issue_with_items, email="redaktor@example.org")
    (message,) = mail.outbox
    assert message.to == ["redaktor@example.org"]
    assert message.subject.startswith("[TEST]")
    assert not Delivery.objects.exists()
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "draft"


def test_a_stray_task_for_a_draft_issue_sends_nothing(subscriber_factory, issue_with_items):
    from newsletters.tasks import deliver_mailing, start_mailing

    subscriber_factory()
    start_mailing.call("issue", issue_with_items.pk)
    deliver_mailing.call("issue", issue_with_items.pk)
    assert mail.outbox == []
    assert not Delivery.objects.exists()


def test_links_use_base_url_and_images_carry_their_description(
    subscriber_factory, smtp_sink, settings
):
    from cms_pages.factories import ImageFactory, NewsPageFactory
    from newsletters.factories import IssueFactory, IssueItemFactory

    settings.BASE_URL = "https://okienko.example.org"
    news = NewsPageFactory(title="Nowe zasady dotacji", search_description="Co się zmienia.")
    photo = ImageFactory(title="zdjecie-1", description="Wolontariusze sadzą drzewa w parku")
    issue = IssueFactory(subject="Biuletyn z obrazkiem")
    IssueItemFactory(issue=issue, page=news, title="", summary="")
    IssueItemFactory(issue=issue, title="Akcja sadzenia", image=photo, image_alt="")
    subscriber_factory(email="ania@example.org")

    services.deliver_mailing(start(issue))
    ((_rcpts, raw),) = smtp_sink.messages
    message = parse(raw)
    html = message.get_body(("html",)).get_content()
    text = message.get_body(("plain",)).get_content()

    # Every link and image address is absolute on BASE_URL, in both parts.
    targets = re.findall(r'(?:href|src)="([^"]+)"', html)
    assert targets and all(t.startswith("https://okienko.example.org/") for t in targets)
    news_url = "https://okienko.example.org" + news.url
    assert f'href="{news_url}"' in html and news_url in text
    # The page's own title and search description stand in for empty item fields.
    assert "Nowe zasady dotacji" in text and "Co się zmienia." in text
    # The image has real alternative text (the image's description when the item has none)
    # and the item's title and text are real text, readable with images off.
    (img,) = re.findall(r"<img [^>]+>", html)
    assert 'alt="Wolontariusze sadzą drzewa w parku"' in img
    assert "Akcja sadzenia" in text
    assert all(
        url.startswith("https://okienko.example.org/") for url in re.findall(r"https?://\S+", text)
    )


def test_a_row_claimed_by_another_worker_in_the_meantime_is_not_taken(
    subscriber_factory, issue_with_items
):
    for i in range(3):
        subscriber_factory(email=f"w{i}@example.org")
    issue = start(issue_with_items)
    services.prepare_deliveries(issue)
    ids = list(Delivery.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    # Another worker (no row locks on SQLite) claimed the first row a moment ago.
    Delivery.objects.filter(pk=ids[0]).update(
        status="sending", claimed_at=now - timedelta(seconds=1)
    )
    lease_start = now - timedelta(minutes=10)
    taken = services._take(ids, now=now, lease_expired_before=lease_start)
    assert taken == ids[1:]
    # A second worker that selected the same rows gets nothing.
    later = now + timedelta(milliseconds=1)
    assert services._take(ids, now=later, lease_expired_before=lease_start) == []


def test_database_task_backend_sends_in_the_worker_and_defers_retries(
    subscriber_factory,
    issue_with_items,
    smtp_sink,
    settings,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    """The production path: tasks queued in the database, run by `manage.py db_worker`."""
    import django_tasks_db.utils
    from django_tasks_db.management.commands import db_worker as db_worker_command
    from django_tasks_db.models import DBTaskResult

    # On SQLite the worker claims a task with BEGIN EXCLUSIVE, impossible inside the
    # test's transaction; a savepoint does the same job here (one worker, no race).
    monkeypatch.setattr(
        django_tasks_db.utils, "connection_requires_manual_exclusive_transaction", lambda c: False
    )
    # Nor may it close the test's database connection between tasks (PostgreSQL).
    monkeypatch.setattr(db_worker_command, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscriber_factory(email="ok@example.org")
    busy = subscriber_factory(email="busy@example.org")
    smtp_sink.refuse["busy@example.org"] = ["451 4.7.1 Try again later"]

    with django_capture_on_commit_callbacks(execute=True):
        services.send_issue_now(issue=issue_with_items)
    assert smtp_sink.messages == []  # queued, not sent by the web request

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert smtp_sink.recipients() == ["ok@example.org"]
    # The retry waits in the queue as a deferred task, due after the backoff.
    retry = DBTaskResult.objects.get(status="READY")
    delivery = Delivery.objects.get(subscriber=busy)
    assert retry.run_after == delivery.next_attempt_at > timezone.now()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert smtp_sink.recipients() == ["ok@example.org"]  # not due yet

    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert smtp_sink.recipients() == ["ok@example.org", "busy@example.org"]
    issue_with_items.refresh_from_db()
    assert issue_with_items.status == "sent"
