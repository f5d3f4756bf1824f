"""The report on carrying out a public task (art. 18 of the public benefit act):
partial or final, due within 30 days of the end of the period it covers.

Its result and cost rows are copied from the agreed offer (or the accepted updated
estimate) when the agreement is signed; the organisation fills in what was achieved
and spent. Each submission is kept as a `ReportVersion`; a returned report is
corrected and submitted again as the next version.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .offers import MONEY, ZERO


class ReportKind(models.TextChoices):
    PARTIAL = "partial", _("partial report")
    FINAL = "final", _("final report")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "being prepared")
    SUBMITTED = "submitted", pgettext_lazy("report", "submitted, waiting for acceptance")
    RETURNED = "returned", pgettext_lazy("report", "returned for corrections")
    ACCEPTED = "accepted", pgettext_lazy("report", "accepted")


EDITABLE_REPORT_STATUSES = (ReportStatus.DRAFT, ReportStatus.RETURNED)


class Report(models.Model):
    agreement = models.ForeignKey(
        "grants.Agreement", on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=ReportKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    due_on = models.DateField(_("due on"), db_index=True)
    revision = models.PositiveIntegerField(default=1)
    # Part I: the task's implementation
    actions_description = models.TextField(
        _("actions carried out"),
        blank=True,
        help_text=_("What was done, for whom, where and when, following the schedule."),
    )
    deviations = models.TextField(
        _("deviations from the schedule and the offer, and why"), blank=True
    )
    # Part II: actual sources of funding
    grant_spent = models.DecimalField(_("grant spent"), default=ZERO, **MONEY)
    own_financial = models.DecimalField(_("own financial contribution"), default=ZERO, **MONEY)
    own_personal = models.DecimalField(
        _("personal contribution (work of volunteers and members)"), default=ZERO, **MONEY
    )
    own_in_kind = models.DecimalField(_("in-kind contribution"), default=ZERO, **MONEY)
    recipient_fees = models.DecimalField(
        _("fees from the task's recipients"), default=ZERO, **MONEY
    )
    personal_description = models.TextField(
        _("personal contribution: who worked, how much and how it was valued"), blank=True
    )
    in_kind_description = models.TextField(
        _("in-kind contribution: what was used and how it was valued"), blank=True
    )
    # Part III and declarations
    other_information = models.TextField(_("other information"), blank=True)
    declared_truth = models.BooleanField(_("all information in the report is true"), default=False)
    declared_accounts = models.BooleanField(
        _("the costs agree with the accounting records"), default=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_comment = models.TextField(_("comments of the office"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Reminders sent (each claimed once, see grants.reminders)
    reminded_before_at = models.DateTimeField(null=True, blank=True)
    reminded_due_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["agreement", "period_end", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind"], name="unique_report_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.agreement_id}"

    def get_absolute_url(self):
        return reverse("grants:report", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_REPORT_STATUSES


class ReportResult(models.Model):
    """A result of the agreed offer with its target value and what was achieved."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("result"), max_length=255)
    target_value = models.CharField(_("target value"), max_length=100, blank=True)
    monitoring = models.CharField(_("how it is monitored (source)"), max_length=255, blank=True)
    achieved = models.DecimalField(
        _("value achieved"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField(_("what was achieved; why it differs"), blank=True)

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        return f"{self.position}. {self.name}"


class ReportCost(models.Model):
    """A cost line of the agreed estimate: its agreed value and what was spent."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="costs")
    position = models.PositiveSmallIntegerField()
    action_number = models.PositiveSmallIntegerField(_("action no."), null=True, blank=True)
    name = models.CharField(_("type of cost"), max_length=255)
    agreed = models.DecimalField(_("as agreed"), **MONEY)
    actual_total = models.DecimalField(_("actually incurred"), null=True, blank=True, **MONEY)
    actual_grant = models.DecimalField(_("of which from the grant"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        return f"{self.position}. {self.name}"


class ReportVersion(models.Model):
    """A submitted version of a report, as sent, with the office's comments when it
    was returned."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(encoder=DjangoJSONEncoder)
    returned_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="unique_report_version")
        ]

    def __str__(self):
        return f"{self.report_id} v{self.number}"
