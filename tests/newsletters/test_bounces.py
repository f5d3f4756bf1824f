"""Bounce reports that arrive after sending mark addresses undeliverable, forged ones do not."""

import email
import email.policy
import mailbox

import pytest
from django.core.management import call_command

from newsletters import bounces, services
from newsletters.models import Delivery, Issue, Subscriber

pytestmark = pytest.mark.django_db


def dsn(message_id: str, recipient: str, *, action="failed", status="5.1.1", rfc822=False):
    """A delivery status notification as Postfix sends it (RFC 3464)."""
    if rfc822:
        original = (
            "Content-Type: message/rfc822\n\n"
            f"Message-ID: {message_id}\nSubject: Biuletyn\nTo: {recipient}\n\n(...)\n"
        )
    else:
        original = (
            "Content-Type: text/rfc822-headers\n\n"
            f"Message-ID: {message_id}\nSubject: Biuletyn\nTo: {recipient}\n"
        )
    return (
        "From: MAILER-DAEMON@mx.example.net\n"
        "To: okienko@localhost\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="GRANICA"\n'
        "\n--GRANICA\n"
        "Content-Type: text/plain; charset=utf-8\n\n"
        "Nie udało się doręczyć wiadomości.\n"
        "\n--GRANICA\n"
        "Content-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mx.example.net\n\n"
        f"Final-Recipient: rfc822; {recipient}\n"
        f"Action: {action}\n"
        f"Status: {status}\n"
        f"Diagnostic-Code: smtp; 550 {status} User unknown\n"
        "\n--GRANICA\n"
        f"{original}"
        "\n--GRANICA--\n"
    ).encode()


def sent_message_ids(smtp_sink) -> dict[str, str]:
    return {
        rcpts[0]: email.message_from_bytes(raw, policy=email.policy.default)["Message-ID"]
        for rcpts, raw in smtp_sink.messages
    }


@pytest.fixture
def sent_issue(subscriber_factory, issue_with_items, smtp_sink):
    subscriber_factory(email="zostaje@example.org")
    subscriber_factory(email="nieistnieje@example.org")
    Issue.objects.filter(pk=issue_with_items.pk).update(status="sending")
    issue_with_items.refresh_from_db()
    assert services.deliver_mailing(issue_with_items).finished
    return issue_with_items, sent_message_ids(smtp_sink)


def test_bounce_in_a_maildir_marks_the_address_undeliverable(sent_issue, tmp_path, smtp_sink):
    issue, message_ids = sent_issue
    box = mailbox.Maildir(tmp_path / "bounces")
    box.add(dsn(message_ids["nieistnieje@example.org"], "nieistnieje@example.org"))
    box.add(b"From: kolega@example.org\nSubject: Urlop\n\nJestem na urlopie.\n")  # auto-reply

    call_command("process_bounces", str(tmp_path / "bounces"), "--remove")

    gone = Subscriber.objects.get(email="nieistnieje@example.org")
    assert gone.status == Subscriber.Status.UNDELIVERABLE
    assert "5.1.1" in gone.last_error and gone.undeliverable_at
    assert Delivery.objects.get(subscriber=gone, issue=issue).status == "failed"
    assert Subscriber.objects.get(email="zostaje@example.org").status == "confirmed"
    assert len(box) == 0

    # The next mailing skips the address.
    smtp_sink.messages.clear()
    second = Issue.objects.create(subject="Biuletyn nr 2", status="sending")
    services.deliver_mailing(second)
    assert smtp_sink.recipients() == ["zostaje@example.org"]


def test_report_without_our_message_id_changes_nothing(sent_issue, tmp_path):
    # Anyone can send a report naming an address; without the key it is ignored.
    forged = dsn("<cokolwiek@mx.example.net>", "zostaje@example.org")
    guessed = dsn("<issue-1.00000000000000000000000000000000@testserver>", "zostaje@example.org")
    for n, raw in enumerate([forged, guessed]):
        (tmp_path / f"{n}.eml").write_bytes(raw)
    call_command("process_bounces", str(tmp_path / "0.eml"), str(tmp_path / "1.eml"))
    assert Subscriber.objects.get(email="zostaje@example.org").status == "confirmed"


def test_delays_are_not_failures(sent_issue):
    _issue, message_ids = sent_issue
    raw = dsn(message_ids["nieistnieje@example.org"], "x", action="delayed", status="4.4.7")
    assert bounces.parse_report(raw) == []


def test_mbox_with_the_original_message_attached(sent_issue, tmp_path):
    _issue, message_ids = sent_issue
    box = mailbox.mbox(tmp_path / "bounces.mbox")
    box.add(dsn(message_ids["nieistnieje@example.org"], "nieistnieje@example.org", rfc822=True))
    box.flush()
    (bounce,) = bounces.parse_report(box.get_bytes(0))
    assert (bounce.kind, bounce.recipient, bounce.status) == (
        "issue",
        "nieistnieje@example.org",
        "5.1.1",
    )
    call_command("process_bounces", str(tmp_path / "bounces.mbox"))
    assert Subscriber.objects.get(email="nieistnieje@example.org").status == "undeliverable"


def test_a_late_bounce_does_not_resubscribe_or_override_an_unsubscription(sent_issue):
    _issue, message_ids = sent_issue
    subscriber = Subscriber.objects.get(email="nieistnieje@example.org")
    services.unsubscribe(subscriber=subscriber, source="preferences-page")
    (bounce,) = bounces.parse_report(
        dsn(message_ids["nieistnieje@example.org"], "nieistnieje@example.org")
    )
    assert services.record_bounce(bounce) is False
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
