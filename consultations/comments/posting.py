"""Posting comments and replies, and entering comments received offline.

Each verb asks the policy (consultations.permissions.CommentPolicy or a named
predicate), runs in one transaction and stamps the page changed (caching.touch).
A form sent twice publishes one comment (CommentSubmission).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import ratelimit

from .. import permissions
from ..caching import touch
from ..drafts.services import consulted_version
from ..models import Channel, CommentSubmission, ConsultationComment, ModerationEvent
from .bleaching import render_user_text


class CommentRefused(permissions.Refusal, Exception):  # noqa: N818 - a refusal, not a crash
    """A comment cannot be accepted; `code` (a permissions.Refusal) tells the view which
    message to show."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class CommentText:
    comment: str
    proposed_wording: str = ""
    justification: str = ""

    @classmethod
    def from_form(cls, data: dict) -> CommentText:
        """The three parts of the standard form from a form's cleaned data."""
        return cls(
            comment=data["comment"],
            proposed_wording=data.get("proposed_wording", ""),
            justification=data.get("justification", ""),
        )


def _rate_limit_ok(user) -> bool:
    """At most CONSULTATIONS_COMMENT_RATE comments per minute per user (None: off)."""
    limit = getattr(settings, "CONSULTATIONS_COMMENT_RATE", 10)
    if not limit:
        return True
    window = int(timezone.now().timestamp() // 60)
    return ratelimit.hit(f"consultations:rate:{user.pk}:{window}", limit=limit, seconds=70)


def _target_of(consultation, clause):
    if clause is not None:
        return clause
    version = consulted_version(consultation)
    if version is None:
        raise CommentRefused(CommentRefused.BAD_TARGET)
    return version


def _check_organisation(policy, organisation) -> None:
    """The user may speak only for an organisation whose membership was approved."""
    if organisation is not None and not policy.speaks_for(organisation):
        raise PermissionDenied


def _new_comment(*, consultation, target, clause, text: CommentText, user, **extra):
    name = extra.pop("user_name", None) or (user.public_name if user else "")
    if isinstance(target, ConsultationComment):  # a reply: on the parent's object
        extra.update(content_type_id=target.content_type_id, object_pk=target.object_pk)
    else:
        extra["content_object"] = target
    return ConsultationComment(
        site_id=settings.SITE_ID,
        user=user,
        user_name=name[:50],
        user_email=(user.email if user else "") or "",
        comment=text.comment.strip(),
        proposed_wording=text.proposed_wording.strip(),
        justification=text.justification.strip(),
        body_html=render_user_text(text.comment),
        proposed_wording_html=render_user_text(text.proposed_wording),
        justification_html=render_user_text(text.justification),
        consultation=consultation,
        clause=clause,
        submit_date=timezone.now(),
        is_public=True,
        is_removed=False,
        **extra,
    )


def _check_clause(consultation, clause):
    if clause is None:
        return
    version = clause.version
    if version.consultation_id != consultation.pk or not version.is_published:
        raise CommentRefused(CommentRefused.BAD_TARGET)


def _policy_for(user, consultation, policy):
    if policy is None:
        return permissions.CommentPolicy(user, consultation)
    if policy.user != user or policy.consultation.pk != consultation.pk:
        raise ValueError("the policy was built for another user or consultation")
    return policy


def _sent_before(user, consultation, submission_key):
    """The comment this user already sent with this form, if any."""
    if not submission_key or not getattr(user, "pk", None):
        return None
    return ConsultationComment.objects.filter(
        submission__author=user, submission__key=submission_key, consultation=consultation
    ).first()


def _save_once(comment, consultation, submission_key, lock_thread=None):
    """Save a new comment, or return the one its form already stored.

    Two sendings of one form can race (a retry while the first request still runs):
    the unique constraint on (author, key) of CommentSubmission lets only one in, and
    the other answers with the stored comment.
    """
    try:
        with transaction.atomic():
            if lock_thread is not None:
                # Serialise replies within one thread: xtd renumbers `order` in the thread.
                ConsultationComment.objects.select_for_update().filter(pk=lock_thread).exists()
            comment.save()
            if submission_key:
                CommentSubmission.objects.create(
                    author=comment.user, key=submission_key, comment=comment
                )
            touch(consultation)
    except IntegrityError:
        earlier = _sent_before(comment.user, consultation, submission_key)
        if earlier is None:
            raise
        return earlier
    return comment


def post_comment(
    *,
    consultation,
    user,
    text: CommentText,
    clause=None,
    organisation=None,
    ip_address=None,
    policy=None,
    submission_key="",
) -> ConsultationComment:
    """Store a resident's or NGO's comment on a clause (or on the act when clause is None).

    Refuses (CommentRefused with a code) when the consultation is not open, the user
    may not comment, the target is not part of this consultation's published draft, or
    the user exceeds the rate limit. `organisation` must be one the user represents.
    `policy`: the request's permissions.CommentPolicy for this user and consultation,
    if the caller has one (its facts are then not read twice).
    `submission_key`: the form's random token; a second sending of the same form by the
    same user stores nothing and returns the comment the first one stored.
    """
    if (earlier := _sent_before(user, consultation, submission_key)) is not None:
        return earlier
    policy = _policy_for(user, consultation, policy)
    if code := policy.comment_refusal():
        raise CommentRefused(code)
    _check_clause(consultation, clause)
    _check_organisation(policy, organisation)
    if not _rate_limit_ok(user):
        raise CommentRefused(CommentRefused.RATE_LIMITED)
    comment = _new_comment(
        consultation=consultation,
        target=_target_of(consultation, clause),
        clause=clause,
        text=text,
        user=user,
        organisation=organisation,
        ip_address=ip_address,
    )
    return _save_once(comment, consultation, submission_key)


def reply(
    *,
    parent,
    user,
    text: CommentText,
    organisation=None,
    ip_address=None,
    policy=None,
    submission_key="",
) -> ConsultationComment:
    """Store a reply in the parent's thread (same clause or act), within the max depth.

    Refuses like post_comment(); `policy` and `submission_key` as there.
    """
    consultation = parent.consultation
    if (earlier := _sent_before(user, consultation, submission_key)) is not None:
        return earlier
    policy = _policy_for(user, consultation, policy)
    if code := policy.reply_refusal(parent):
        raise CommentRefused(code)
    _check_organisation(policy, organisation)
    if not _rate_limit_ok(user):
        raise CommentRefused(CommentRefused.RATE_LIMITED)
    comment = _new_comment(
        consultation=consultation,
        target=parent,
        clause=parent.clause,
        text=text,
        user=user,
        organisation=organisation,
        ip_address=ip_address,
        parent_id=parent.pk,
    )
    return _save_once(comment, consultation, submission_key, lock_thread=parent.thread_id)


def enter_offline_comment(
    *,
    consultation,
    text: CommentText,
    channel: str,
    submitter_name: str,
    entered_by,
    clause=None,
    organisation=None,
) -> ConsultationComment:
    """Record a comment received on paper, by e-mail or at a meeting (officials only).

    The comment is public like any other, shows the submitter's name and channel, is
    counted in the report, and leaves an ENTER audit row naming the official.
    """
    if not permissions.can_enter_offline_comment(entered_by, consultation):
        raise PermissionDenied
    if channel not in (Channel.PAPER, Channel.EMAIL, Channel.MEETING):
        raise ValidationError(_("Choose paper, e-mail or meeting."))
    if not submitter_name.strip():
        raise ValidationError(_("Give the submitter's name."))
    if not text.comment.strip():
        raise ValidationError(_("The comment is empty."))
    try:
        _check_clause(consultation, clause)
        target = _target_of(consultation, clause)
    except CommentRefused as exc:
        raise ValidationError(_("Choose a clause of this consultation's draft.")) from exc
    comment = _new_comment(
        consultation=consultation,
        target=target,
        clause=clause,
        text=text,
        user=None,
        user_name=submitter_name.strip(),
        organisation=organisation,
        channel=channel,
        submitter_name=submitter_name.strip()[:255],
        entered_by=entered_by,
    )
    with transaction.atomic():
        comment.save()
        ModerationEvent.objects.create(
            comment=comment,
            action=ModerationEvent.Action.ENTER,
            reason=comment.get_channel_display(),
            actor=entered_by,
        )
        touch(consultation)
    return comment
