"""Search adapters for consultations: clauses, published comments, published report rows.

Registered with the portal's search registry (search/registry.py) by `register_search()`,
called from ConsultationsConfig.ready().

- Clause ("clause:<pk>"): a clause of a published version of a live consultation. The
  hit carries the consultation title (place), the citation and the URL with the
  clause's anchor.
- Comment ("comment:<pk>"): a published comment (public, not removed, not hidden) on a
  live consultation. Hidden comments are never indexable.
- Report row ("report:<response pk>"): the authority's position on one comment, once
  the report is published; the hit links to the comment's row in the report page.

What is indexable changes without a save of these models when a version or the page is
published, moved or put behind a view restriction, or the report is published:
`schedule_consultation_reindex(pk)` re-indexes all three kinds for one consultation in a
single background task (consultations/receivers.py follows those events).
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from search.adapters import municipality_fields
from search.documents import SearchDocument
from search.registry import SearchAdapter, register

from .models import (
    Clause,
    CommentResponse,
    ConsultationComment,
    ConsultationPage,
    Phase,
)
from .permissions import is_publicly_viewable


def _page_url(consultation) -> str:
    return consultation.get_url() or ""


def _status(consultation):
    phase = consultation.phase
    return str(phase), str(Phase(phase).label)


class ClauseAdapter(SearchAdapter):
    key_prefix = "clause"
    watch_saves = True

    def get_queryset(self):
        return Clause.objects.filter(
            version__is_published=True,
            version__consultation__in=ConsultationPage.objects.publicly_viewable(),
        ).select_related("version__consultation")

    def get_instance(self, pk):
        return Clause.objects.select_related("version__consultation").filter(pk=pk).first()

    def is_indexable(self, clause) -> bool:
        version = clause.version
        return bool(
            version.is_published
            and clause.text.strip()
            and is_publicly_viewable(version.consultation)
        )

    def to_document(self, clause):
        consultation = clause.version.consultation
        status, status_label = _status(consultation)
        url = _page_url(consultation)
        return SearchDocument(
            key=self.key(clause),
            type="clause",
            type_label=_("Clause of a draft act"),
            title=f"{clause.citation} – {consultation.title}",
            url=f"{url}#{clause.anchor}",
            text=clause.text,
            date=consultation.start_at,
            status=status,
            status_label=status_label,
            place=consultation.title,
            citation=clause.citation,
            **municipality_fields(consultation),
        )


class CommentAdapter(SearchAdapter):
    key_prefix = "comment"
    watch_saves = True

    def get_queryset(self):
        return (
            ConsultationComment.objects.of_publicly_viewable_consultations()
            .public()
            .select_related("consultation", "clause", "user", "organisation")
        )

    def get_instance(self, pk):
        return (
            ConsultationComment.objects.select_related(
                "consultation", "clause", "user", "organisation"
            )
            .filter(pk=pk)
            .first()
        )

    def is_indexable(self, comment) -> bool:
        return comment.is_publicly_shown and is_publicly_viewable(comment.consultation)

    def to_document(self, comment):
        consultation = comment.consultation
        status, status_label = _status(consultation)
        citation = comment.clause.citation if comment.clause_id else ""
        return SearchDocument(
            key=self.key(comment),
            type="comment",
            type_label=_("Comment in a consultation"),
            title=f"{comment.submitter}: {' '.join(comment.comment.split()[:12])}",
            url=f"{_page_url(consultation)}#{comment.anchor}",
            text=comment.full_text,
            date=comment.submit_date,
            status=status,
            status_label=status_label,
            place=consultation.title,
            citation=citation,
            **municipality_fields(consultation),
        )


class ReportRowAdapter(SearchAdapter):
    """One row of a published consultation report: a comment and the authority's position."""

    key_prefix = "report"
    watch_saves = True

    def get_queryset(self):
        return CommentResponse.objects.filter(
            comment__consultation__report_published_at__isnull=False,
            comment__consultation__in=ConsultationPage.objects.publicly_viewable(),
        ).select_related("comment__consultation", "comment__clause")

    def get_instance(self, pk):
        return (
            CommentResponse.objects.select_related("comment__consultation", "comment__clause")
            .filter(pk=pk)
            .first()
        )

    def is_indexable(self, response) -> bool:
        consultation = response.comment.consultation
        return bool(
            consultation.report_published_at is not None
            and consultation.phase == Phase.REPORTED
            and is_publicly_viewable(consultation)
        )

    def to_document(self, response):
        comment = response.comment
        consultation = comment.consultation
        citation = comment.clause.citation if comment.clause_id else ""
        report_url = reverse("consultations:report", kwargs={"page_id": consultation.pk})
        # The text of a comment hidden by the moderator stays out of the index.
        comment_text = "" if comment.hidden_at else comment.comment
        return SearchDocument(
            key=self.key(response),
            type="report",
            type_label=_("Consultation report"),
            title=f"{_('Consultation report')}: {consultation.title}"
            + (f" – {citation}" if citation else ""),
            url=f"{report_url}#{comment.report_anchor}",
            text=f"{response.get_status_display()}\n{response.text}\n{comment_text}",
            snippet_source=f"{response.get_status_display()}: {response.text}",
            date=consultation.report_published_at,
            status=str(Phase.REPORTED),
            status_label=str(Phase.REPORTED.label),
            place=consultation.title,
            citation=citation,
            **municipality_fields(consultation),
        )


ADAPTERS = (
    (Clause, ClauseAdapter),
    (ConsultationComment, CommentAdapter),
    (CommentResponse, ReportRowAdapter),
)


@task()
def reindex_consultation(consultation_id: int) -> int:
    """Index (or drop) every clause, comment and report row of one consultation."""
    from search.services import index_instance

    count = 0
    querysets = (
        Clause.objects.filter(version__consultation_id=consultation_id).select_related(
            "version__consultation"
        ),
        ConsultationComment.objects.filter(consultation_id=consultation_id).select_related(
            "consultation", "clause", "user", "organisation"
        ),
        CommentResponse.objects.filter(comment__consultation_id=consultation_id).select_related(
            "comment__consultation", "comment__clause"
        ),
    )
    for queryset in querysets:
        for instance in queryset.iterator(chunk_size=500):
            count += int(index_instance(instance))
    return count


def schedule_consultation_reindex(consultation_id: int) -> None:
    transaction.on_commit(lambda: reindex_consultation.enqueue(consultation_id))


def register_search() -> None:
    for model, adapter in ADAPTERS:
        register(model, adapter())
