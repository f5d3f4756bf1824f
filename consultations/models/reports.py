"""The authority's responses, the report's e-mail notices and its export files."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.private_files import private_storage

from .comments import ConsultationComment
from .pages import ConsultationPage


def export_upload_path(instance, filename) -> str:
    return f"consultations/reports/{secrets.token_urlsafe(16)}/{filename}"


class ResponseStatus(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    PARTLY = "partly", _("partly accepted")
    REJECTED = "rejected", _("not accepted")
    EXPLANATION = "explanation", _("explanation")


class CommentResponse(models.Model):
    """The authority's position on one comment (required text unless accepted)."""

    comment = models.OneToOneField(
        ConsultationComment, on_delete=models.CASCADE, related_name="response"
    )
    status = models.CharField(_("position"), max_length=12, choices=ResponseStatus.choices)
    text = models.TextField(_("justification of the position"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response to a comment")
        verbose_name_plural = _("responses to comments")

    def __str__(self):
        return f"{self.get_status_display()}: {self.comment_id}"


class ReportNotice(models.Model):
    """One commenter told that the report is out: the e-mail goes to each address once,
    even if the notification task runs again (a retry, a worker restart)."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="report_notices"
    )
    email = models.EmailField(max_length=254)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "email"], name="consultations_report_notice_once"
            )
        ]

    def __str__(self):
        return self.email


class ReportExport(models.Model):
    """A consultation report export (PDF, DOCX, XLSX, CSV) built in the background."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"
        XLSX = "xlsx", "XLSX"
        CSV = "csv", "CSV"

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("in progress")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="exports"
    )
    format = models.CharField(max_length=4, choices=Format.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=export_upload_path, storage=private_storage, blank=True)
    # What the report looked like when built (reports.files.report_state): a download built for
    # this state is served again as long as the state is the same.
    state = models.CharField(max_length=64, blank=True, default="")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Last sign of life of the build (start, each progress step): a queued or running
    # export silent for longer than the timeout is marked failed (its worker died).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")
        constraints = [
            # One build per state of the report and format at a time (the others wait).
            models.UniqueConstraint(
                fields=["consultation", "format", "state"],
                condition=~models.Q(state="") & ~models.Q(status="failed"),
                name="consultations_one_export_per_state",
            )
        ]

    def __str__(self):
        return f"{self.consultation_id} {self.format} {self.status}"
