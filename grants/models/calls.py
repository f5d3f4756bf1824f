"""The grant terms of a call for proposals (art. 13 ust. 2 of the public benefit act).

The call itself stays a Wagtail page (cms_pages.CallForProposalsPage: title, task,
funds, deadline, status); its terms live here, one row per call, edited on the
officials' screen of the grants app.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class CallMode(models.TextChoices):
    SUPPORT = "support", _("support (wsparcie)")
    ENTRUST = "entrust", _("entrusting (powierzenie)")


class CriterionKind(models.TextChoices):
    FORMAL = "formal", _("formal")
    SUBSTANTIVE = "substantive", _("substantive")


class CallTerms(models.Model):
    call = models.OneToOneField(
        "cms_pages.CallForProposalsPage", on_delete=models.CASCADE, related_name="grant_terms"
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.CASCADE, related_name="call_terms"
    )
    mode = models.CharField(_("mode"), max_length=10, choices=CallMode.choices)
    areas = models.JSONField(_("task areas"), default=list)
    max_grant = models.DecimalField(
        _("maximum grant per offer (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    min_own_contribution_pct = models.DecimalField(
        _("minimum own contribution (percent of total costs)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=PERCENT,
    )
    admin_cost_cap_pct = models.DecimalField(
        _("cap on administrative costs (percent of total costs)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=PERCENT,
    )
    in_kind_allowed = models.BooleanField(
        _("non-financial (personal and in-kind) contribution may be valued"), default=True
    )
    implementation_start = models.DateField(_("tasks carried out from"))
    implementation_end = models.DateField(_("tasks carried out until"))
    corrections_allowed_days = models.PositiveSmallIntegerField(
        _("days to correct formal errors"),
        default=0,
        help_text=_("0: formal errors cannot be corrected."),
    )
    required_attachments = models.TextField(
        _("required attachments"), blank=True, help_text=_("One per line.")
    )
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("terms of a call")
        verbose_name_plural = _("terms of calls")

    def __str__(self):
        return str(self.call_id)

    @property
    def area_labels(self) -> list[str]:
        labels = dict(PublicBenefitArea.choices)
        return [str(labels[a]) for a in self.areas if a in labels]

    @property
    def attachment_list(self) -> list[str]:
        return [line.strip() for line in self.required_attachments.splitlines() if line.strip()]


class CallCriterion(models.Model):
    terms = models.ForeignKey(CallTerms, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=CriterionKind.choices)
    name = models.CharField(_("criterion"), max_length=300)
    max_points = models.DecimalField(
        _("maximum points"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Substantive criteria only; a formal criterion is met or not."),
    )

    class Meta:
        ordering = ["terms", "kind", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name


class PreviousYearAmount(models.Model):
    """Tasks of the same kind in this and the previous year and their costs
    (art. 13 ust. 2 pkt 7)."""

    terms = models.ForeignKey(CallTerms, on_delete=models.CASCADE, related_name="previous_years")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("grants awarded (PLN)"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["terms", "-year"]
        verbose_name = _("amount of a previous year")
        verbose_name_plural = _("amounts of previous years")

    def __str__(self):
        return f"{self.year}: {self.amount}"
