"""Services for the authority's answers, groups of similar comments and the report.

Each verb checks the permission predicate, validates, writes atomically, leaves a
ModerationEvent audit row and queues side effects (e-mails) with
`transaction.on_commit`, so the admin screens, scripts and tests behave the same.
"""

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..caching import touch
from ..models import (
    CommentResponse,
    ConsultationComment,
    ConsultationPage,
    ModerationEvent,
    ReportExport,
    ResponseStatus,
)
from .grouping import group_similar_comments

# Up to this many comments the Responses screen groups them in the request on the first
# visit; above it, in a background task (about 0.25 ms of CPU per comment, see the docs).
AUTO_GROUP_LIMIT = 3000
GROUPED_MARK_SECONDS = 90 * 24 * 3600


def _validate(status: str, text: str) -> str:
    errors = {}
    if status not in ResponseStatus.values:
        errors["status"] = _("Choose the authority's position.")
    text = (text or "").strip()
    if status != ResponseStatus.ACCEPTED and not text:
        errors["text"] = _("Give the justification: it is required unless the comment is accepted.")
    if errors:
        raise ValidationError(errors)
    return text


def _check(user, consultation) -> None:
    if not permissions.can_respond(user, consultation):
        raise PermissionDenied(_("Only officials answer comments, after the consultation closes."))


def _audit_reason(status: str, text: str) -> str:
    return f"{ResponseStatus(status).label}: {text}"[:1000]


@transaction.atomic
def respond(*, comment: ConsultationComment, status: str, text: str = "", by) -> CommentResponse:
    """Record (or replace) the authority's position on one comment.

    Text is required unless the comment is accepted. Only officials, only while the
    consultation is closed and the report not yet published. Leaves a RESPOND event.
    """
    consultation = comment.consultation
    _check(by, consultation)
    text = _validate(status, text)
    if not comment.is_reportable:
        raise ValidationError(_("Replies and removed comments are not answered in the report."))
    response, _created = CommentResponse.objects.update_or_create(
        comment=comment, defaults={"status": status, "text": text, "responded_by": by}
    )
    ModerationEvent.objects.create(
        comment=comment,
        action=ModerationEvent.Action.RESPOND,
        reason=_audit_reason(status, text),
        actor=by,
    )
    touch(consultation)
    return response


@transaction.atomic
def respond_to_group(*, group, status: str, text: str = "", by) -> int:
    """Give one position to every reportable comment of a group ("N comments, one response").

    Same rules as `respond`; existing responses of the group's comments are replaced.
    Returns the number of comments answered. Constant number of queries.
    """
    consultation = group.consultation
    _check(by, consultation)
    text = _validate(status, text)
    # select_related(None): xtd's manager joins the (nullable) user, and PostgreSQL
    # refuses FOR UPDATE on the nullable side of an outer join.
    ids = list(
        ConsultationComment.objects.filter(consultation=consultation, group=group)
        .reportable()
        .select_related(None)
        .select_for_update()
        .values_list("pk", flat=True)
    )
    if not ids:
        return 0
    existing = set(
        CommentResponse.objects.filter(comment_id__in=ids).values_list("comment_id", flat=True)
    )
    now = timezone.now()
    CommentResponse.objects.filter(comment_id__in=existing).update(
        status=status, text=text, responded_by=by, updated_at=now
    )
    CommentResponse.objects.bulk_create(
        [
            CommentResponse(comment_id=pk, status=status, text=text, responded_by=by)
            for pk in ids
            if pk not in existing
        ],
        batch_size=500,
    )
    reason = _audit_reason(status, text)
    ModerationEvent.objects.bulk_create(
        [
            ModerationEvent(
                comment_id=pk, action=ModerationEvent.Action.RESPOND, reason=reason, actor=by
            )
            for pk in ids
        ],
        batch_size=500,
    )
    touch(consultation)
    return len(ids)


def _grouped_key(consultation, count: int) -> str:
    # The count is part of the key: offline comments entered after closing regroup.
    return f"consultation-auto-grouped:{consultation.pk}:{count}"


def _reportable_count(consultation) -> int:
    return ConsultationComment.objects.filter(consultation=consultation).reportable().count()


def regroup_comments(*, consultation, by) -> int:
    """Find the groups of similar comments again (an official asks); returns their number.

    Only those who may answer the comments; responses stay per comment.
    """
    if not permissions.can_respond(by, consultation):
        raise PermissionDenied
    groups = group_similar_comments(consultation=consultation)
    key = _grouped_key(consultation, _reportable_count(consultation))
    cache.set(key, True, GROUPED_MARK_SECONDS)
    return groups


def group_on_first_visit(*, consultation, by) -> str:
    """Group similar comments the first time someone who may answer them opens the
    Responses screen: "done", "queued" (a large consultation, in the background), or ""
    (not theirs to answer, nothing to group, or grouped already for these comments)."""
    if not permissions.can_respond(by, consultation):
        return ""
    count = _reportable_count(consultation)
    key = _grouped_key(consultation, count)
    if count < 2 or cache.get(key):
        return ""
    cache.set(key, True, GROUPED_MARK_SECONDS)
    if count <= AUTO_GROUP_LIMIT:
        group_similar_comments(consultation=consultation)
        return "done"
    from .tasks import group_comments

    group_comments.enqueue(consultation.pk)
    return "queued"


@transaction.atomic
def publish_report(*, consultation: ConsultationPage, by, intro: str | None = None):
    """Publish the consultation report: final, public, and everyone who commented is told.

    Requires every reportable comment — hidden and offline ones included — to have a
    response. Sets `report_published_at` (also in the page's latest revision, so a later
    page publish does not undo it) and queues one e-mail per distinct commenter.
    """
    consultation = ConsultationPage.objects.select_for_update().get(pk=consultation.pk)
    if not permissions.can_publish_report(by, consultation):
        raise PermissionDenied(
            _("Only officials publish the report, after the consultation closes.")
        )
    missing = ConsultationComment.objects.filter(consultation=consultation).unanswered().count()
    if missing:
        raise ValidationError(
            _("%(count)d comments still have no response.") % {"count": missing},
            code="incomplete",
        )
    now = timezone.now()
    fields = {"report_published_at": now, "comments_changed_at": now}
    if intro is not None:
        fields["report_intro"] = intro
    ConsultationPage.objects.filter(pk=consultation.pk).update(**fields)
    revision = consultation.latest_revision
    if revision is not None and isinstance(revision.content, dict):
        revision.content.update(
            {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()}
        )
        revision.save(update_fields=["content"])
    for name, value in fields.items():
        setattr(consultation, name, value)

    from ..search import schedule_consultation_reindex
    from .tasks import notify_report_published

    consultation_id = consultation.pk
    transaction.on_commit(lambda: notify_report_published.enqueue(consultation_id))
    schedule_consultation_reindex(consultation_id)
    return consultation


@transaction.atomic
def request_export(*, consultation: ConsultationPage, fmt: str, by) -> ReportExport:
    """Queue a background export of the report in `fmt` (pdf, docx, xlsx, csv).

    Anyone who may see the report may ask; an export of the same format that is already
    queued or running (in the last hour) is reused, and so is a finished one of a
    published report (it is final, the file cannot change).
    """
    if not permissions.can_export_report(by, consultation):
        raise PermissionDenied(_("The report is not available."))
    if fmt not in ReportExport.Format.values:
        raise ValidationError({"format": _("Unknown export format.")})
    from .files import fail_stuck_exports

    fail_stuck_exports()  # a build whose worker died is failed, not waited for
    same = ReportExport.objects.filter(consultation=consultation, format=fmt)
    pending = same.filter(
        status__in=[ReportExport.Status.QUEUED, ReportExport.Status.RUNNING]
    ).first()
    if pending:
        return pending
    if consultation.report_published_at:
        done = same.filter(
            status=ReportExport.Status.DONE, created_at__gte=consultation.report_published_at
        ).first()
        if done:
            return done
    export = ReportExport.objects.create(consultation=consultation, format=fmt)

    from .tasks import build_report_export

    transaction.on_commit(lambda: build_report_export.enqueue(export.pk))
    return export
