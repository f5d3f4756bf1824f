"""Abuse reports go to the officials of the post's municipality, who hide or keep it."""

from django.core import mail
from django.urls import reverse

from partnerships.models import AbuseReport, Post

QUEUE = reverse("partnerships:moderation")


def _report(client, user, post, reason="Reklama."):
    client.force_login(user)
    return client.post(reverse("partnerships:report", args=[post.pk]), {"reason": reason})


def test_report_reaches_the_queue_and_the_officials_by_email(
    client, resident, official, official_elsewhere, post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert _report(client, resident, post).status_code == 302
    assert AbuseReport.objects.get().decision == AbuseReport.Decision.PENDING
    recipients = {address for message in mail.outbox for address in message.bcc}
    assert official.email in recipients and official_elsewhere.email not in recipients
    client.force_login(official)
    assert post.title in client.get(QUEUE).content.decode()


def test_official_of_another_municipality_neither_sees_nor_decides(
    client, resident, official_elsewhere, post
):
    _report(client, resident, post)
    client.force_login(official_elsewhere)
    assert post.title not in client.get(QUEUE).content.decode()
    assert (
        client.post(
            reverse("partnerships:decide", args=[post.pk]), {"decision": "hide"}
        ).status_code
        == 404
    )
    post.refresh_from_db()
    assert post.status == Post.Status.OPEN


def test_hiding_takes_the_post_off_the_board_and_decides_its_reports(
    client, resident, official, post
):
    _report(client, resident, post)
    client.force_login(official)
    client.post(reverse("partnerships:decide", args=[post.pk]), {"decision": "hide"})
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    assert AbuseReport.objects.get().decision == AbuseReport.Decision.HIDDEN
    client.logout()
    assert client.get(post.get_absolute_url()).status_code == 404
    # The author still sees it, with the reason it is gone.
    client.force_login(post.author)
    assert client.get(post.get_absolute_url()).status_code == 200


def test_keeping_leaves_the_post_and_empties_the_queue(client, resident, official, post):
    _report(client, resident, post)
    client.force_login(official)
    client.post(reverse("partnerships:decide", args=[post.pk]), {"decision": "keep"})
    post.refresh_from_db()
    assert post.status == Post.Status.OPEN
    assert AbuseReport.objects.get().decision == AbuseReport.Decision.KEPT
    assert post.title not in client.get(QUEUE).content.decode()


def test_one_report_per_user_and_post(client, resident, post):
    _report(client, resident, post)
    _report(client, resident, post, reason="Jeszcze raz.")
    assert AbuseReport.objects.count() == 1
