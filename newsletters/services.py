"""Newsletter verbs: subscribing, consent, issues, and the reliable sending engine.

Views, admin views, management commands and tasks call these functions; none of
them reimplements a rule. Side effects (e-mail, tasks) run after commit.
"""

import hashlib
import logging
import smtplib
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Max, Min
from django.utils import timezone
from django.utils.translation import gettext

from portal import ratelimit

from . import conf
from .models import (
    AlertLog,
    ConsentRecord,
    Delivery,
    Issue,
    IssueItem,
    MailingStatus,
    Subscriber,
    Topic,
    is_public_page,
)

logger = logging.getLogger(__name__)

SOURCE_SIGNUP_FORM = "signup-form"
SOURCE_HOME_PAGE = "home-page"
SOURCE_PROFILE = "profile"
SOURCE_PREFERENCES = "preferences-page"
SOURCE_ONE_CLICK = "list-unsubscribe"
SOURCES = {SOURCE_SIGNUP_FORM, SOURCE_HOME_PAGE, SOURCE_PROFILE}


def consent_text() -> str:
    """The consent sentence shown next to every sign-up form and stored with each record."""
    return gettext(
        "I want to receive e-mails from this portal about the topics I chose. "
        "I can unsubscribe at any time with the link in every message."
    )


def normalise_email(email: str) -> str:
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}" if local else email.strip()


def topic_keys(topics) -> list[str]:
    """Sorted keys of the topics, as consent records and confirmation links keep them."""
    return sorted(topic.key for topic in topics)


# --- Subscribing -------------------------------------------------------------


def _address_quota_left(email: str) -> bool:
    """At most N confirmation mails per address per day, so the form cannot mail-bomb anyone."""
    digest = hashlib.sha256(email.lower().encode()).hexdigest()
    return ratelimit.hit(
        f"newsletters:confirmations:{digest}",
        limit=conf.get("NEWSLETTER_CONFIRMATIONS_PER_ADDRESS"),
        seconds=24 * 3600,
    )


@transaction.atomic
def request_subscription(*, email, topics, source, ip_address=None, text=None) -> None:
    """Start double opt-in for `email` on `topics`.

    Promise: the outcome looks the same to the caller whether the address is new,
    pending, confirmed or unsubscribed (nothing is returned); nothing is sent to
    the address except one confirmation link, and the requested topics only take
    effect when that link is used. Confirmed subscribers keep their current topics
    until then.
    """
    from .emails import ConfirmationEmail

    email = normalise_email(email)
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(email=email)
    if subscriber.status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.UNDELIVERABLE):
        subscriber.status = Subscriber.Status.PENDING
        subscriber.save(update_fields=["status"])
    keys = topic_keys(topics)
    record = ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.REQUESTED,
        text=text if text is not None else consent_text(),
        source=source,
        ip_address=ip_address,
        topics=keys,
    )
    if _address_quota_left(email):
        ConfirmationEmail.enqueue(subscriber_id=subscriber.pk, topics=keys, consent_id=record.pk)
    else:
        logger.info("Confirmation quota reached for subscriber %s", subscriber.pk)


@transaction.atomic
def confirm_subscription(*, key, topic_keys, consent_id=None, ip_address=None) -> Subscriber:
    """Confirm the address behind `key` and subscribe it to the topics from the link
    (their keys, see Topic.key).

    Raises Subscriber.DoesNotExist when the address was erased or unsubscribed since
    the link was sent (an old link cannot undo an unsubscription).
    """
    subscriber = Subscriber.objects.select_for_update().get(
        key=key, status__in=[Subscriber.Status.PENDING, Subscriber.Status.CONFIRMED]
    )
    topics = list(Topic.objects.resolve(topic_keys).values())
    requested = (
        ConsentRecord.objects.filter(pk=consent_id, subscriber=subscriber).first()
        if consent_id
        else None
    )
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.topics.set(topics)
    else:
        subscriber.topics.add(*topics)
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at"])
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.CONFIRMED,
        text=requested.text if requested else consent_text(),
        source=requested.source if requested else "confirmation-link",
        ip_address=ip_address,
        topics=_keys_of(subscriber),
    )
    return subscriber


def _keys_of(subscriber) -> list[str]:
    return topic_keys(subscriber.topics.select_related("municipality"))


@transaction.atomic
def subscribe_user(*, user, topics, ip_address=None) -> Subscriber:
    """Subscribe a logged-in user whose e-mail address is verified, without another link.

    The account's verified address already proves ownership; consent is still recorded.
    """
    email = normalise_email(user.email)
    subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=email)
    subscriber.user = user
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.confirmed_at = subscriber.confirmed_at or timezone.now()
    subscriber.save()
    subscriber.topics.set(topics)
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.CONFIRMED,
        text=consent_text(),
        source=SOURCE_PROFILE,
        ip_address=ip_address,
        topics=topic_keys(topics),
    )
    return subscriber


@transaction.atomic
def update_topics(*, subscriber, topics, source=SOURCE_PREFERENCES, ip_address=None) -> None:
    """Replace a confirmed subscriber's topics; choosing none unsubscribes."""
    if not topics:
        unsubscribe(subscriber=subscriber, source=source, ip_address=ip_address)
        return
    subscriber.topics.set(topics)
    ConsentRecord.objects.create(
        subscriber=subscriber,
        action=ConsentRecord.Action.CHANGED,
        text=consent_text(),
        source=source,
        ip_address=ip_address,
        topics=topic_keys(topics),
    )


@transaction.atomic
def unsubscribe(*, subscriber, source, ip_address=None) -> None:
    """Stop all mail to the subscriber at once; messages not yet sent are skipped.

    Idempotent: unsubscribing twice records nothing new.
    """
    updated = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    )
    subscriber.refresh_from_db()
    if updated:
        Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.PENDING).update(
            status=Delivery.Status.SKIPPED
        )
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.WITHDRAWN,
            source=source,
            ip_address=ip_address,
        )


def request_export_link(*, subscriber) -> bool:
    """E-mail the subscriber a short-lived link to download their data.

    The download needs this fresh link from the mailbox, not only a link from an old
    message. At most NEWSLETTER_EXPORT_REQUESTS_PER_HOUR per address; False when over.
    """
    from .emails import ExportLinkEmail

    if not ratelimit.hit(
        f"newsletters:export-link:{subscriber.pk}",
        limit=conf.get("NEWSLETTER_EXPORT_REQUESTS_PER_HOUR"),
        seconds=3600,
    ):
        return False
    ExportLinkEmail.enqueue(subscriber_id=subscriber.pk)
    return True


def export_subscriber(*, subscriber) -> dict:
    """Everything stored about the subscriber, as JSON-ready data (GDPR art. 15 and 20)."""
    return {
        "email": subscriber.email,
        "status": subscriber.status,
        "created_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at and subscriber.confirmed_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at and subscriber.unsubscribed_at.isoformat(),
        "undeliverable_at": (
            subscriber.undeliverable_at and subscriber.undeliverable_at.isoformat()
        ),
        "last_error": subscriber.last_error,
        "account": subscriber.user.get_username() if subscriber.user_id else None,
        "topics": [
            {
                "key": t.key,
                "slug": t.slug,
                "name": t.name,
                "municipality": t.municipality.name if t.municipality_id else None,
            }
            for t in subscriber.topics.select_related("municipality")
        ],
        "consent_records": [
            {
                "action": r.action,
                "at": r.created_at.isoformat(),
                "text": r.text,
                "source": r.source,
                "ip_address": r.ip_address,
                "topics": r.topics,
            }
            for r in subscriber.consent_records.all()
        ],
        "deliveries": [
            {
                "issue": d.issue.subject if d.issue_id else None,
                "alert": d.alert.subject if d.alert_id else None,
                "status": d.status,
                "attempts": d.attempts,
                "sent_at": d.sent_at and d.sent_at.isoformat(),
                "last_error": d.last_error,
            }
            for d in subscriber.deliveries.select_related("issue", "alert").order_by("pk")
        ],
    }


@transaction.atomic
def erase_subscriber(*, subscriber) -> None:
    """Delete the address with its topics, consent records and delivery history (GDPR art. 17).

    Nothing about the person is kept: the delivery statistics of past issues simply
    count one recipient fewer, and pending deliveries to the address disappear.
    """
    subscriber.delete()


# --- Issues ------------------------------------------------------------------


def suggested_pages(*, issue=None, limit=50):
    """Live pages first published since the last issue of the same municipality went
    out, of the configured types, in its window (a regional issue: anywhere), newest
    first (without an earlier issue: the last 31 days).

    "Went out" is when its sending started: later pages were not in it. A page that
    was only edited and re-published is not new content and is not suggested again.
    Pages already in `issue` are left out.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    municipality_id = issue.municipality_id if issue is not None else None
    last = (
        Issue.objects.published()
        .filter(municipality_id=municipality_id)
        .aggregate(at=Max("sending_started_at"))["at"]
    )
    since = last or timezone.now() - timedelta(days=31)
    pages = Page.objects.live().public().filter(first_published_at__gt=since, depth__gt=2)
    if municipality_id is not None:
        pages = pages.filter(path__startswith=issue.municipality.home_page.path)
    labels = conf.get("NEWSLETTER_SUGGESTED_PAGE_MODELS")
    if labels:
        content_types = [
            ct.pk
            for ct in ContentType.objects.filter(
                app_label__in={label.split(".")[0] for label in labels}
            )
            if f"{ct.app_label}.{ct.model}" in {label.lower() for label in labels}
        ]
        pages = pages.filter(content_type_id__in=content_types)
    if issue is not None and issue.pk:
        pages = pages.exclude(pk__in=issue.items.values("page_id"))
    return pages.order_by("-first_published_at")[:limit]


def _refuse_private_pages(pages) -> None:
    """Editors may not mail out what the public cannot read (drafts, private pages)."""
    private = [page.title for page in pages if not is_public_page(page)]
    if private:
        raise ValueError(
            gettext(
                "Only published pages that everyone may read can go into a newsletter. "
                "Publish or remove: %(titles)s."
            )
            % {"titles": ", ".join(private)}
        )


def _refuse_foreign_pages(issue, pages) -> None:
    """A municipality's issue carries its own window's pages only."""
    if issue.municipality_id is None:
        return
    home = issue.municipality.home_page.path
    foreign = [page.title for page in pages if not page.path.startswith(home)]
    if foreign:
        raise ValueError(
            gettext(
                "Only pages of %(municipality)s can go into its newsletter. Remove: %(titles)s."
            )
            % {"municipality": issue.municipality.name, "titles": ", ".join(foreign)}
        )


def _refuse_foreign_topics(issue) -> None:
    """A municipality's issue goes to subscribers of its own topics only."""
    if issue.municipality_id is None:
        return
    foreign = [t.label for t in issue.topics.all() if t.municipality_id != issue.municipality_id]
    if foreign:
        raise ValueError(
            gettext("These topics are not %(municipality)s's: %(topics)s.")
            % {"municipality": issue.municipality.name, "topics": ", ".join(foreign)}
        )


@transaction.atomic
def add_items(*, issue, pages) -> int:
    """Append pages to a draft issue, in the given order: published, public pages of the
    issue's municipality only (any municipality's for a regional issue)."""
    if not issue.is_editable:
        raise ValueError("The issue has already been sent.")
    _refuse_private_pages(pages)
    _refuse_foreign_pages(issue, pages)
    start = issue.items.count()
    IssueItem.objects.bulk_create(
        IssueItem(issue=issue, page=page, sort_order=start + i) for i, page in enumerate(pages)
    )
    return len(pages)


@transaction.atomic
def send_issue_now(*, issue) -> None:
    """Queue the issue for sending to every confirmed subscriber of its topics, once each."""
    from .tasks import start_mailing

    issue = Issue.objects.select_for_update().get(pk=issue.pk)
    if not issue.is_editable:
        raise ValueError("The issue has already been sent or is being sent.")
    pages = [item.page for item in issue.items.select_related("page") if item.page]
    _refuse_private_pages(pages)
    _refuse_foreign_pages(issue, pages)
    _refuse_foreign_topics(issue)
    issue.status = MailingStatus.SENDING
    issue.sending_started_at = timezone.now()
    issue.save(update_fields=["status", "sending_started_at"])
    transaction.on_commit(lambda: start_mailing.enqueue("issue", issue.pk))


@transaction.atomic
def schedule_issue(*, issue, when) -> None:
    """Send the issue at `when` (picked up by `manage.py send_scheduled_newsletters`)."""
    if not issue.is_editable:
        raise ValueError("The issue has already been sent or is being sent.")
    if when <= timezone.now():
        raise ValueError("The time must be in the future.")
    Issue.objects.filter(pk=issue.pk).update(status=MailingStatus.SCHEDULED, scheduled_at=when)
    issue.refresh_from_db()


@transaction.atomic
def unschedule_issue(*, issue) -> None:
    Issue.objects.filter(pk=issue.pk, status=MailingStatus.SCHEDULED).update(
        status=MailingStatus.DRAFT, scheduled_at=None
    )
    issue.refresh_from_db()


def send_test_issue(*, issue, email) -> None:
    """Send the issue to one address (the editor's own), now, outside any list."""
    from .emails import IssueTestEmail

    IssueTestEmail.enqueue(issue_id=issue.pk, email=email)


def send_due_issues(*, now=None) -> list[int]:
    """Start every scheduled issue whose time has come; returns their ids."""
    now = now or timezone.now()
    started = []
    for issue in Issue.objects.due(now):
        try:
            send_issue_now(issue=issue)
        except ValueError:
            continue
        started.append(issue.pk)
    return started


# --- Sending engine ----------------------------------------------------------

MAILING_MODELS = {"issue": Issue, "alert": AlertLog}


def get_mailing(kind: str, pk: int):
    return MAILING_MODELS[kind].objects.get(pk=pk)


def mailing_kind(mailing) -> str:
    return "issue" if isinstance(mailing, Issue) else "alert"


def recipients(mailing):
    """Confirmed subscribers of the mailing's topics. Without topics, an issue goes to
    every subscriber of its municipality's topics (a regional issue: to every confirmed
    subscriber) and an alert to nobody."""
    topics = list(mailing.topics.all())
    if topics:
        return Subscriber.objects.following(topics)
    if mailing_kind(mailing) == "alert":
        return Subscriber.objects.none()
    if mailing.municipality_id is None:
        return Subscriber.objects.confirmed()
    return Subscriber.objects.following_any_of(
        Topic.objects.filter(municipality_id=mailing.municipality_id)
    )


def prepare_deliveries(mailing) -> int:
    """Create one pending Delivery per recipient, once. Safe to repeat after a crash.

    One INSERT … SELECT in the database: no subscriber is loaded into Python, so time
    and memory do not depend on the list size; existing rows are left alone.
    """
    if mailing.recipients_prepared_at:
        return 0
    audience = recipients(mailing)
    created = 0 if audience.query.is_empty() else _insert_deliveries(mailing, audience)
    type(mailing).objects.filter(pk=mailing.pk).update(recipients_prepared_at=timezone.now())
    mailing.recipients_prepared_at = timezone.now()
    return created


def _insert_deliveries(mailing, audience) -> int:
    issue_id, alert_id = (
        (mailing.pk, None) if mailing_kind(mailing) == "issue" else (None, mailing.pk)
    )
    select_sql, select_params = audience.values("pk").query.sql_with_params()
    table = Delivery._meta.db_table
    with db_connection.cursor() as cursor:
        # "WHERE 1=1" keeps SQLite from reading ON CONFLICT as part of the SELECT.
        cursor.execute(
            f"INSERT INTO {table} "  # noqa: S608 - table name from the model, values bound
            "(issue_id, alert_id, subscriber_id, status, attempts, last_error) "
            f"SELECT %s, %s, recipient.pk, %s, 0, '' FROM ({select_sql}) recipient WHERE 1=1 "
            "ON CONFLICT DO NOTHING",
            [issue_id, alert_id, Delivery.Status.PENDING, *select_params],
        )
        return cursor.rowcount


TEMPORARY, PERMANENT = "temporary", "permanent"


def classify_smtp_error(exc: BaseException) -> str:
    """Temporary (4xx, connection trouble: retry later) or permanent (5xx for this recipient)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in exc.recipients.values()]
        return PERMANENT if codes and all(500 <= c < 600 for c in codes) else TEMPORARY
    if isinstance(exc, smtplib.SMTPSenderRefused):
        # Our sender was refused: not the recipient's fault, never mark them undeliverable.
        return TEMPORARY
    if isinstance(exc, smtplib.SMTPResponseException):
        return PERMANENT if 500 <= exc.smtp_code < 600 else TEMPORARY
    return TEMPORARY


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: base, 2×base, 4×base… capped."""
    base = conf.get("NEWSLETTER_RETRY_BASE_SECONDS")
    cap = conf.get("NEWSLETTER_RETRY_MAX_SECONDS")
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


class RateLimiter:
    """Paces calls to at most `rate` per second (0 = no limit)."""

    def __init__(self, rate: float, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / rate if rate else 0.0
        self.clock, self.sleep = clock, sleep
        self.next_at = 0.0

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if now < self.next_at:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    skipped: int = 0
    finished: bool = False
    due_now: bool = False
    next_retry_at: object = None
    errors: list = field(default_factory=list)


def _claim_batch(mailing, size: int) -> list[Delivery]:
    now = timezone.now()
    lease = timedelta(seconds=conf.get("NEWSLETTER_CLAIM_LEASE_SECONDS"))
    with transaction.atomic():
        qs = Delivery.objects.of(mailing).claimable(now, now - lease).order_by("pk")
        if db_connection.features.has_select_for_update_skip_locked:
            # Parallel workers on PostgreSQL each take different rows, never waiting.
            qs = qs.select_for_update(skip_locked=True)
        ids = list(qs.values_list("pk", flat=True)[:size])
        if not ids:
            return []
        taken = _take(ids, now=now, lease_expired_before=now - lease)
    return list(
        Delivery.objects.filter(pk__in=taken)
        .select_related("subscriber")
        .only("pk", "attempts", "subscriber__email", "subscriber__key", "subscriber__status")
        .order_by("pk")
    )


def _take(ids, *, now, lease_expired_before) -> list[int]:
    """Mark the rows of `ids` that are still claimable as ours; return those.

    Without row locks (SQLite) another worker may have selected the same rows: the
    update repeats the "claimable" test, so each row goes to whichever worker writes
    first, and the re-read keeps only rows stamped with this claim's time.
    """
    Delivery.objects.filter(pk__in=ids).claimable(now, lease_expired_before).update(
        status=Delivery.Status.SENDING, claimed_at=now
    )
    return list(
        Delivery.objects.filter(
            pk__in=ids, status=Delivery.Status.SENDING, claimed_at=now
        ).values_list("pk", flat=True)
    )


@contextmanager
def _fast_commits():
    """On PostgreSQL, don't wait for the disk on each delivery's status commit.

    A killed worker loses nothing (PostgreSQL has the commit); only a crash of the
    database server itself could forget the last fraction of a second of "sent" marks,
    and those rows would be sent again after the lease. That trade buys ~7 ms per
    message on an fsync-bound disk.
    """
    if db_connection.vendor != "postgresql":
        yield
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with db_connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _mark(delivery_ids, **values) -> None:
    if delivery_ids:
        Delivery.objects.filter(pk__in=delivery_ids).update(**values)


def deliver_mailing(
    mailing, *, connection=None, time_budget=None, batch_size=None, rate=None
) -> SendReport:
    """Send the mailing's pending deliveries until done or out of time.

    Promise: each recipient gets the message at most once per delivery row and no
    row is skipped: rows are claimed in batches, each is marked right after the SMTP
    server accepts it, rows not yet tried are released if this worker stops, and rows
    a killed worker left "sending" are claimed again after a lease (the one message
    that was in flight may then be repeated; it carries the same Message-ID).
    Temporary SMTP errors retry with backoff; permanent ones mark the address
    undeliverable.
    """
    from .emails import MailingRenderer

    report = SendReport()
    mailing.refresh_from_db(fields=["status", "recipients_prepared_at"])
    if mailing.status != MailingStatus.SENDING:
        # Only send_issue_now / raise_alert put a mailing in this state: a stray or
        # duplicated task for a draft or a finished mailing sends nothing.
        report.finished = mailing.status == MailingStatus.SENT
        return report
    prepare_deliveries(mailing)
    renderer = MailingRenderer(mailing)
    connection = connection or get_connection(fail_silently=False)
    limiter = RateLimiter(conf.get("NEWSLETTER_RATE_LIMIT") if rate is None else rate)
    batch_size = batch_size or conf.get("NEWSLETTER_BATCH_SIZE")
    budget = time_budget or conf.get("NEWSLETTER_TASK_TIME_BUDGET_SECONDS")
    max_attempts = conf.get("NEWSLETTER_MAX_ATTEMPTS")
    stop_at = time.monotonic() + budget
    with _fast_commits():
        try:
            while time.monotonic() < stop_at:
                batch = _claim_batch(mailing, batch_size)
                if not batch:
                    break
                _send_batch(batch, renderer, connection, limiter, report, max_attempts)
        finally:
            connection.close()
    _finish_if_done(mailing, report)
    return report


def _send_batch(batch, renderer, connection, limiter, report, max_attempts) -> None:
    untried = {d.pk for d in batch}
    try:
        for delivery in batch:
            subscriber = delivery.subscriber
            untried.discard(delivery.pk)
            if subscriber.status != Subscriber.Status.CONFIRMED:
                _mark([delivery.pk], status=Delivery.Status.SKIPPED)
                report.skipped += 1
                continue
            limiter.wait()
            message = renderer.message_for(subscriber, connection=connection)
            try:
                # Keep one SMTP session open across messages (send_messages alone would
                # open and close a connection per call); reopens after a disconnect.
                connection.open()
                connection.send_messages([message])
            except (smtplib.SMTPException, OSError) as exc:
                _handle_failure(delivery, exc, connection, report, max_attempts)
                continue
            except BaseException:
                # Not an SMTP answer: we do not know it was sent, so it is tried again.
                untried.add(delivery.pk)
                raise
            _mark(
                [delivery.pk],
                status=Delivery.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                last_error="",
            )
            report.sent += 1
    finally:
        # This worker stops (crash, shutdown): hand the rows it did not try back at once.
        _mark(list(untried), status=Delivery.Status.PENDING, claimed_at=None)


def _handle_failure(delivery, exc, connection, report, max_attempts) -> None:
    kind = classify_smtp_error(exc)
    message = f"{type(exc).__name__}: {exc}"[:250]
    attempts = delivery.attempts + 1
    report.errors.append(message)
    if kind == PERMANENT:
        _mark([delivery.pk], status=Delivery.Status.FAILED, attempts=attempts, last_error=message)
        mark_undeliverable(subscriber_id=delivery.subscriber_id, reason=message)
        report.failed += 1
        return
    if isinstance(exc, smtplib.SMTPServerDisconnected) or not isinstance(
        exc, smtplib.SMTPException
    ):
        connection.close()  # the connection is gone: the next send opens a new one
    if attempts >= max_attempts:
        _mark([delivery.pk], status=Delivery.Status.FAILED, attempts=attempts, last_error=message)
        report.failed += 1
        return
    _mark(
        [delivery.pk],
        status=Delivery.Status.PENDING,
        attempts=attempts,
        next_attempt_at=timezone.now() + retry_delay(attempts),
        claimed_at=None,
        last_error=message,
    )
    report.retrying += 1


def mark_undeliverable(*, subscriber_id, reason: str) -> bool:
    """Stop all mail to an address that cannot receive it (permanent refusal or bounce).

    Only a confirmed or pending address changes (an unsubscribed one stays so); its
    deliveries not yet sent are skipped. Subscribing again (double opt-in) revives it.
    """
    with transaction.atomic():
        updated = Subscriber.objects.filter(
            pk=subscriber_id,
            status__in=[Subscriber.Status.CONFIRMED, Subscriber.Status.PENDING],
        ).update(
            status=Subscriber.Status.UNDELIVERABLE,
            undeliverable_at=timezone.now(),
            last_error=reason[:255],
        )
        if updated:
            Delivery.objects.filter(
                subscriber_id=subscriber_id, status=Delivery.Status.PENDING
            ).update(status=Delivery.Status.SKIPPED)
    return bool(updated)


def record_bounce(bounce) -> bool:
    """Apply one permanent failure reported after sending (see bounces.parse_report).

    The subscriber is found by the key quoted in the report's Message-ID, never by the
    address alone. Marks that mailing's delivery failed and the address undeliverable;
    returns False when the key is unknown (erased) or the address was already off.
    """
    subscriber = Subscriber.objects.filter(key=bounce.subscriber_key).only("pk").first()
    if subscriber is None:
        return False
    mailing_field = "issue_id" if bounce.kind == "issue" else "alert_id"
    Delivery.objects.filter(subscriber=subscriber, **{mailing_field: bounce.mailing_id}).update(
        status=Delivery.Status.FAILED, last_error=bounce.reason
    )
    return mark_undeliverable(subscriber_id=subscriber.pk, reason=bounce.reason)


def _finish_if_done(mailing, report: SendReport) -> None:
    unfinished = Delivery.objects.of(mailing).unfinished()
    if unfinished.exists():
        now = timezone.now()
        lease = timedelta(seconds=conf.get("NEWSLETTER_CLAIM_LEASE_SECONDS"))
        report.due_now = unfinished.claimable(now, now - lease).exists()
        report.next_retry_at = unfinished.filter(status=Delivery.Status.PENDING).aggregate(
            at=Min("next_attempt_at")
        )["at"]
        return
    type(mailing).objects.filter(pk=mailing.pk, status=MailingStatus.SENDING).update(
        status=MailingStatus.SENT, sent_at=timezone.now()
    )
    report.finished = True


def unfinished_mailings():
    """Issues and alerts still sending: the periodic command resumes them after a crash."""
    for issue_pk in Issue.objects.in_progress().values_list("pk", flat=True):
        yield "issue", issue_pk
    for alert_pk in AlertLog.objects.filter(status=MailingStatus.SENDING).values_list(
        "pk", flat=True
    ):
        yield "alert", alert_pk


def delivery_stats(mailing) -> dict:
    from django.db.models import Count

    rows = Delivery.objects.of(mailing).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}
