"""Verbs of the consultations capability: import and publish drafts, comment, moderate.

Views, admin screens, commands and the demo seeder call these functions; each checks
its permission (consultations.permissions), runs in one transaction and leaves an
audit row where the law expects one (moderation, offline entry).
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.extraction import extract_text

from . import permissions
from .bleaching import render_user_text
from .models import (
    Channel,
    Clause,
    CommentSubmission,
    ConsultationComment,
    ConsultationPage,
    DraftActVersion,
    ModerationEvent,
)


class CommentRefused(permissions.Refusal, Exception):  # noqa: N818 - a refusal, not a crash
    """A comment cannot be accepted; `code` (a permissions.Refusal) tells the view which
    message to show."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class DraftImportError(Exception):
    """The supplied draft could not be turned into clauses."""


# --- Drafts -------------------------------------------------------------------


def touch(consultation) -> None:
    """Mark what the public page shows under the act as changed: the stamp is part of
    the page's cache keys (views.render_act, ConsultationPage.serve)."""
    pk = consultation.pk if hasattr(consultation, "pk") else consultation
    now = timezone.now()
    ConsultationPage.objects.filter(pk=pk).update(comments_changed_at=now)
    if hasattr(consultation, "comments_changed_at"):
        consultation.comments_changed_at = now


def consulted_version(consultation) -> DraftActVersion | None:
    """The published version people comment on: the first one published."""
    return (
        DraftActVersion.objects.filter(consultation=consultation, is_published=True)
        .order_by("number")
        .first()
    )


def _unit_refs(label: str, level: str, ancestors: tuple[str, ...], text: str = ""):
    """(anchor, citation) for a unit, derived exactly as the parser derives them."""
    from django.utils.text import slugify

    from .parsing import Unit

    try:
        unit = Unit(label=label, level=level, parent=tuple(ancestors), text=text, number="")
        return unit.anchor, unit.citation
    except (ValueError, KeyError):  # a label the parser's grammar does not know
        path = (*ancestors, label)
        return slugify("-".join(path)), " ".join(path)


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor or "jednostka", 2
    while candidate in taken:
        candidate = f"{anchor}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _build_clauses(version: DraftActVersion, units) -> int:
    """Create the version's clauses from parser units (document order), parents first."""
    by_path: dict[tuple, Clause] = {}
    taken: set[str] = set()
    pending = []
    for position, unit in enumerate(units, start=1):
        parent_path = tuple(unit.parent)
        clause = Clause(
            version=version,
            position=position,
            depth=len(parent_path),
            level=unit.level,
            label=unit.label[:60],
            citation=unit.citation[:255],
            anchor=_unique(unit.anchor[:190], taken),
            text=unit.text,
        )
        pending.append((clause, parent_path))
        by_path[(*parent_path, unit.label)] = clause
    # Insert depth by depth so that every parent has a primary key before its children.
    for depth in sorted({c.depth for c, _path in pending}):
        batch = []
        for clause, parent_path in pending:
            if clause.depth != depth:
                continue
            parent = by_path.get(parent_path) if parent_path else None
            if parent is not None and parent.pk is None:
                parent = None  # parser gave an ancestor that is not a unit: keep it flat
            clause.parent = parent
            batch.append(clause)
        created = Clause.objects.bulk_create(batch)
        if any(c.pk is None for c in created):  # backends without RETURNING
            pks = dict(
                Clause.objects.filter(version=version, depth=depth).values_list("position", "pk")
            )
            for c in created:
                c.pk = pks[c.position]
    return len(pending)


def _parse(text: str):
    from .parsing import parse_act

    parsed = parse_act(text)
    if not parsed.units:
        raise DraftImportError(
            _("No editorial units (§, Art., ust., pkt…) were found in the text.")
        )
    return parsed


MAX_DRAFT_BYTES = 20 * 1024 * 1024
DRAFT_EXTENSIONS = (".docx", ".odt", ".pdf", ".txt")


def import_draft(*, consultation, text=None, file=None, by) -> DraftActVersion:
    """Create a new unpublished version of the act from pasted text or an uploaded file.

    The file (DOCX, ODT, PDF, TXT) is kept as the version's source file; its text is read
    within the limits of ``documents``. Raises PermissionDenied, DraftImportError or a
    ``documents.errors.DocumentError``; nothing is stored unless the whole import succeeds.
    """
    if not permissions.can_import_draft(by, consultation):
        raise PermissionDenied
    content = None
    filename = ""
    if file is not None:
        filename = os.path.basename(getattr(file, "name", "") or "draft")
        if not filename.lower().endswith(DRAFT_EXTENSIONS):
            raise DraftImportError(_("Upload a DOCX, ODT, PDF or TXT file."))
        if getattr(file, "size", 0) and file.size > MAX_DRAFT_BYTES:
            raise DraftImportError(_("The file is larger than 20 MB."))
        if hasattr(file, "seek"):
            file.seek(0)
        content = file.read()
        if len(content) > MAX_DRAFT_BYTES:
            raise DraftImportError(_("The file is larger than 20 MB."))
        text = extract_text(io.BytesIO(content), filename)
    if not (text or "").strip():
        raise DraftImportError(_("Paste the text of the act or upload a file."))
    parsed = _parse(text)
    with transaction.atomic():
        number = (
            DraftActVersion.objects.select_for_update()
            .filter(consultation=consultation)
            .aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        version = DraftActVersion(
            consultation=consultation,
            number=number,
            title=parsed.title or "",
            preamble=parsed.preamble or "",
            source_text=text,
            created_by=by,
        )
        if content is not None:
            version.source_file.save(filename, ContentFile(content), save=False)
        version.save()
        _build_clauses(version, parsed.units)
    return version


def _check_editable(version, by):
    if version.is_published:
        raise ValidationError(_("A published version cannot be changed."))
    if not permissions.can_import_draft(by, version.consultation):
        raise PermissionDenied


def reparse_version(*, version, text, by) -> DraftActVersion:
    """Replace an unpublished version's clauses by splitting corrected text again."""
    _check_editable(version, by)
    parsed = _parse(text)
    with transaction.atomic():
        version.clauses.all().delete()
        version.source_text = text
        version.title = parsed.title or ""
        version.preamble = parsed.preamble or ""
        version.save(update_fields=["source_text", "title", "preamble"])
        _build_clauses(version, parsed.units)
    return version


def edit_clause(*, clause, label, level, text, by) -> Clause:
    """Correct one clause of an unpublished version; citations and anchors follow."""
    version = clause.version
    _check_editable(version, by)
    with transaction.atomic():
        clause.label = label.strip()[:60]
        clause.level = level
        clause.text = text.strip()
        clause.save(update_fields=["label", "level", "text"])
        _recompute_references(version)
    clause.refresh_from_db()
    return clause


def _recompute_references(version) -> None:
    clauses = list(version.clauses.order_by("position"))
    by_pk = {c.pk: c for c in clauses}
    taken: set[str] = set()
    for c in clauses:
        path = []
        parent = by_pk.get(c.parent_id)
        while parent is not None:
            path.append(parent.label)
            parent = by_pk.get(parent.parent_id)
        anchor, citation = _unit_refs(c.label, c.level, tuple(reversed(path)), c.text)
        c.anchor = f"tmp-{c.pk}"  # avoid transient clashes with the unique constraint
        c.citation = citation[:255]
        c._new_anchor = _unique(anchor[:190], taken)
    Clause.objects.bulk_update(clauses, ["anchor", "citation"])
    for c in clauses:
        c.anchor = c._new_anchor
    Clause.objects.bulk_update(clauses, ["anchor"])


def publish_version(*, version, by) -> DraftActVersion:
    """Make a version public; the first published version is the one consulted."""
    if version.is_published:
        return version
    if not permissions.can_publish_version(by, version.consultation):
        raise PermissionDenied
    with transaction.atomic():
        version.is_published = True
        version.published_at = timezone.now()
        version.save(update_fields=["is_published", "published_at"])
        touch(version.consultation)
    return version


# --- Comments -----------------------------------------------------------------


@dataclass(frozen=True)
class CommentText:
    comment: str
    proposed_wording: str = ""
    justification: str = ""


def _rate_limit_ok(user) -> bool:
    """At most CONSULTATIONS_COMMENT_RATE comments per minute per user (None: off)."""
    limit = getattr(settings, "CONSULTATIONS_COMMENT_RATE", 10)
    if not limit:
        return True
    window = int(timezone.now().timestamp() // 60)
    key = f"consultations:rate:{user.pk}:{window}"
    cache.add(key, 0, timeout=70)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=70)
        count = 1
    return count <= limit


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


def hide_comment(*, comment, reason: str, by) -> ConsultationComment:
    """Hide a comment from the public with a stated reason (kept for the report)."""
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for hiding the comment."))
    with transaction.atomic():
        comment.hidden_at = timezone.now()
        comment.hidden_reason = reason
        comment.hidden_by = by
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        ModerationEvent.objects.create(
            comment=comment, action=ModerationEvent.Action.HIDE, reason=reason, actor=by
        )
        touch(comment.consultation_id)
    return comment


def unhide_comment(*, comment, by, reason: str = "") -> ConsultationComment:
    """Show a hidden comment again; the audit trail keeps both decisions."""
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
    with transaction.atomic():
        comment.hidden_at = None
        comment.hidden_reason = ""
        comment.hidden_by = None
        comment.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        ModerationEvent.objects.create(
            comment=comment, action=ModerationEvent.Action.UNHIDE, reason=reason, actor=by
        )
        touch(comment.consultation_id)
    return comment


def keep_comment(*, comment, by, reason: str = "") -> ModerationEvent:
    """Settle the users' reports on a visible comment: the moderator read it and keeps it.
    A later report asks again."""
    if not permissions.can_moderate_consultation(by, comment.consultation):
        raise PermissionDenied
    return ModerationEvent.objects.create(
        comment=comment, action=ModerationEvent.Action.KEEP, reason=reason, actor=by
    )


def flag_comment(*, comment, user) -> bool:
    """A user suggests removal; returns False when they had already flagged it."""
    from django_comments.models import CommentFlag

    if not permissions.CommentPolicy(user, comment.consultation).may_flag:
        raise PermissionDenied
    with transaction.atomic():
        _, created = CommentFlag.objects.get_or_create(
            comment=comment, user=user, flag=CommentFlag.SUGGEST_REMOVAL
        )
        if created:
            ModerationEvent.objects.create(
                comment=comment, action=ModerationEvent.Action.FLAG, actor=user
            )
    return created


def react(*, comment, user, like: bool) -> None:
    """Like or dislike (xtd feedback flags); a second click on the same choice undoes it."""
    from django_comments.models import CommentFlag
    from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

    if not permissions.CommentPolicy(user, comment.consultation).may_react:
        raise PermissionDenied
    flag, other = (LIKEDIT_FLAG, DISLIKEDIT_FLAG) if like else (DISLIKEDIT_FLAG, LIKEDIT_FLAG)
    with transaction.atomic():
        CommentFlag.objects.filter(comment=comment, user=user, flag=other).delete()
        mine = CommentFlag.objects.filter(comment=comment, user=user, flag=flag)
        deleted, _detail = mine.delete()
        if not deleted:
            CommentFlag.objects.create(comment=comment, user=user, flag=flag)
        touch(comment.consultation_id)
