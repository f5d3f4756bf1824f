import calendar
import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

from .bodies import Body


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (or earlier); the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


# The department answers a proposal within one month (art. 12 of the public benefit act).
ANSWER_MONTHS = 1


class TaskProposalQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(answered_at__isnull=True)

    def overdue(self, today=None):
        """Unanswered a month after they were submitted."""
        today = today or timezone.localdate()
        return self.unanswered().filter(submitted_on__lt=add_months(today, -ANSWER_MONTHS))


class TaskProposal(models.Model):
    """A public task a working group or team proposes to the municipality (in the manner
    of art. 12), and the department's answer, due within a month."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="proposals"
    )
    title = models.CharField(_("title of the task"), max_length=255)
    description = models.TextField(
        _("description"),
        help_text=_("What should be done, for whom, where and why; the expected results."),
    )
    area = models.CharField(
        _("public benefit area"), max_length=30, choices=PublicBenefitArea.choices
    )
    estimated_cost = models.DecimalField(
        _("estimated cost (PLN)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_on = models.DateField(_("submitted on"), default=timezone.localdate)
    answer = models.TextField(_("answer of the department"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    objects = TaskProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("public task proposal")
        verbose_name_plural = _("public task proposals")
        ordering = ["-submitted_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cooperation:proposal", kwargs={"pk": self.pk})

    @property
    def answer_due_on(self) -> datetime.date:
        return add_months(self.submitted_on, ANSWER_MONTHS)

    answer_due_on.fget.short_description = _("answer due")

    @property
    def is_overdue(self) -> bool:
        return self.answered_at is None and timezone.localdate() > self.answer_due_on

    @property
    def answer_status(self) -> str:
        if self.answered_at:
            return str(_("answered"))
        return str(_("OVERDUE")) if self.is_overdue else str(_("waiting"))

    answer_status.fget.short_description = _("answer")
