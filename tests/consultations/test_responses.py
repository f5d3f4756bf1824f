"""Responding to comments, answering groups, publishing the report and notifications."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from consultations import services
from consultations.models import (
    CommentGroup,
    CommentResponse,
    ModerationEvent,
    ResponseStatus,
)

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import PHASES, ROLES, reportable, set_phase, user_for


def answer_all(comments, official):
    for c in reportable(comments):
        services.respond(
            comment=c, status=ResponseStatus.REJECTED, text="Nie uwzględniono.", by=official
        )


@pytest.mark.parametrize(
    "status", [ResponseStatus.PARTLY, ResponseStatus.REJECTED, ResponseStatus.EXPLANATION]
)
def test_response_without_text_is_refused_unless_accepted(comments, official, status):
    with pytest.raises(ValidationError) as exc:
        services.respond(comment=comments["resident"], status=status, text="   ", by=official)
    assert "text" in exc.value.message_dict
    assert not CommentResponse.objects.exists()


def test_accepted_comment_needs_no_text(comments, official):
    response = services.respond(
        comment=comments["resident"], status=ResponseStatus.ACCEPTED, by=official
    )
    assert response.status == ResponseStatus.ACCEPTED
    assert response.text == ""


def test_unknown_status_is_refused(comments, official):
    with pytest.raises(ValidationError) as exc:
        services.respond(comment=comments["resident"], status="maybe", text="x", by=official)
    assert "status" in exc.value.message_dict


def test_second_response_replaces_the_first_and_both_are_audited(comments, official):
    comment = comments["ngo"]
    services.respond(comment=comment, status=ResponseStatus.REJECTED, text="Nie.", by=official)
    services.respond(comment=comment, status=ResponseStatus.PARTLY, text="Częściowo.", by=official)
    assert CommentResponse.objects.get(comment=comment).status == ResponseStatus.PARTLY
    events = ModerationEvent.objects.filter(comment=comment, action=ModerationEvent.Action.RESPOND)
    assert events.count() == 2
    assert all(e.actor == official for e in events)


def test_reply_is_not_answered_in_the_report(comments, official):
    with pytest.raises(ValidationError):
        services.respond(comment=comments["reply"], status=ResponseStatus.ACCEPTED, by=official)


def test_group_answer_applies_one_response_to_every_comment(consultation, comments, official):
    group = CommentGroup.objects.create(consultation=consultation, label="kampania")
    members = [comments["resident"], comments["ngo"], comments["paper"]]
    for c in members:
        c.group = group
        c.save(update_fields=["group"])
    services.respond(
        comment=comments["ngo"], status=ResponseStatus.ACCEPTED, by=official
    )  # an earlier, individual answer is replaced
    n = services.respond_to_group(
        group=group, status=ResponseStatus.REJECTED, text="Wspólna odpowiedź.", by=official
    )
    assert n == 3
    for c in members:
        r = CommentResponse.objects.get(comment=c)
        assert (r.status, r.text) == (ResponseStatus.REJECTED, "Wspólna odpowiedź.")
    assert not CommentResponse.objects.filter(comment=comments["general"]).exists()
    assert ModerationEvent.objects.filter(action=ModerationEvent.Action.RESPOND).count() == 4


def test_group_answer_validates_text(consultation, comments, official):
    group = CommentGroup.objects.create(consultation=consultation)
    comments["resident"].group = group
    comments["resident"].save(update_fields=["group"])
    with pytest.raises(ValidationError):
        services.respond_to_group(group=group, status=ResponseStatus.REJECTED, by=official)
    assert not CommentResponse.objects.exists()


def test_group_answer_query_count_does_not_grow(
    consultation, comments, official, django_assert_max_num_queries
):
    group = CommentGroup.objects.create(consultation=consultation)
    for c in reportable(comments):
        c.group = group
        c.save(update_fields=["group"])
    with django_assert_max_num_queries(12):
        n = services.respond_to_group(
            group=group, status=ResponseStatus.EXPLANATION, text="Wyjaśnienie.", by=official
        )
    assert n == 6


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_only_officials_respond_and_only_while_closed(request, comments, consultation, role, phase):
    set_phase(consultation, phase)
    user = user_for(request, role)
    comment = comments["resident"]
    comment.consultation.refresh_from_db()
    allowed = role == "official" and phase == "closed"
    if allowed:
        services.respond(comment=comment, status=ResponseStatus.ACCEPTED, by=user)
        assert CommentResponse.objects.filter(comment=comment).exists()
    else:
        with pytest.raises(PermissionDenied):
            services.respond(comment=comment, status=ResponseStatus.ACCEPTED, by=user)
        assert not CommentResponse.objects.exists()


def test_publish_is_blocked_until_every_comment_has_a_response(comments, consultation, official):
    for name, c in comments.items():
        if name not in ("reply", "hidden", "paper"):
            services.respond(comment=c, status=ResponseStatus.ACCEPTED, by=official)
    with pytest.raises(ValidationError) as exc:
        services.publish_report(consultation=consultation, by=official)
    assert exc.value.code == "incomplete"
    consultation.refresh_from_db()
    assert consultation.report_published_at is None
    # Hidden and offline comments count too.
    services.respond(
        comment=comments["hidden"], status=ResponseStatus.REJECTED, text="Nie.", by=official
    )
    with pytest.raises(ValidationError):
        services.publish_report(consultation=consultation, by=official)
    services.respond(comment=comments["paper"], status=ResponseStatus.ACCEPTED, by=official)
    services.publish_report(consultation=consultation, by=official)
    consultation.refresh_from_db()
    assert consultation.report_published_at is not None
    assert consultation.phase == "reported"


def test_publish_notifies_every_commenter_once(
    comments, consultation, official, resident, ngo_user, django_capture_on_commit_callbacks
):
    answer_all(comments, official)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(consultation=consultation, by=official)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert all(len(m.to) == 1 for m in mail.outbox)
    # resident (2 comments), ngo_user (comment + reply), and the authors of the hidden
    # and XSS comments; the paper submitter has no account.
    expected = sorted(
        {resident.email, ngo_user.email, comments["hidden"].user.email, comments["xss"].user.email}
    )
    assert recipients == expected
    assert all(f"/konsultacje/{consultation.pk}/raport/" in m.body for m in mail.outbox)


def test_running_the_notification_again_sends_only_what_was_not_sent(
    comments, consultation, official, resident, django_capture_on_commit_callbacks
):
    """A retried or restarted task must not e-mail anyone a second time."""
    from consultations.models import ReportNotice
    from consultations.reports.tasks import notify_report_published

    answer_all(comments, official)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_report(consultation=consultation, by=official)
    first = len(mail.outbox)
    assert first == 4
    assert not ReportNotice.objects.filter(consultation=consultation, sent_at=None).exists()

    mail.outbox.clear()
    assert notify_report_published.call(consultation.pk) == 0
    assert mail.outbox == []

    # A run that stopped after recording the addresses but before sending to one of them.
    ReportNotice.objects.filter(consultation=consultation, email=resident.email).update(
        sent_at=None
    )
    assert notify_report_published.call(consultation.pk) == 1
    assert [m.to for m in mail.outbox] == [[resident.email]]


def test_report_cannot_be_published_twice(comments, consultation, official):
    answer_all(comments, official)
    services.publish_report(consultation=consultation, by=official)
    consultation.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.publish_report(consultation=consultation, by=official)


def test_publishing_keeps_the_date_in_the_latest_revision(comments, consultation, official):
    consultation.save_revision(user=official)
    answer_all(comments, official)
    services.publish_report(consultation=consultation, by=official)
    consultation.refresh_from_db()
    restored = consultation.latest_revision.as_object()
    assert restored.report_published_at == consultation.report_published_at


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("role", ROLES)
def test_only_officials_publish_and_only_while_closed(request, comments, consultation, role, phase):
    official = request.getfixturevalue("official")
    set_phase(consultation, "closed")
    answer_all(comments, official)
    set_phase(consultation, phase)
    user = user_for(request, role)
    if role == "official" and phase == "closed":
        services.publish_report(consultation=consultation, by=user)
        consultation.refresh_from_db()
        assert consultation.report_published_at is not None
    else:
        before = consultation.report_published_at
        with pytest.raises(PermissionDenied):
            services.publish_report(consultation=consultation, by=user)
        consultation.refresh_from_db()
        assert consultation.report_published_at == before
