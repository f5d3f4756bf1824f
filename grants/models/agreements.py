"""The agreement (umowa) on a granted offer (art. 16 of the public benefit act;
framework agreement of Dz.U. 2018 poz. 2057), its payment schedule and the updated
cost estimate the organisation restates when the grant is lower than requested.

The agreement's number is given when it is started, per municipality and year
(settings.GRANTS_AGREEMENT_NUMBER_FORMAT). An updated estimate keeps one row per
version: a returned version stays as it was and the next one is edited.
"""

from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .calls import PERCENT
from .offers import MONEY


class AgreementStatus(models.TextChoices):
    ESTIMATE = "estimate", _("waiting for the updated cost estimate")
    PREPARING = "preparing", _("being prepared for signing")
    SIGNED = "signed", _("signed: the task is being carried out")
    SETTLED = "settled", _("settled: the final report is accepted")


class Agreement(models.Model):
    offer = models.OneToOneField("grants.Offer", on_delete=models.PROTECT, related_name="agreement")
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="grant_agreements"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("agreement number"), max_length=60)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AgreementStatus.choices,
        default=AgreementStatus.PREPARING,
    )
    amount = models.DecimalField(_("grant"), **MONEY)
    start_date = models.DateField(_("task carried out from"))
    end_date = models.DateField(_("task carried out until"))
    place = models.CharField(_("place of signing"), max_length=100, blank=True)
    municipality_signatory = models.CharField(
        _("the municipality is represented by"), max_length=255, blank=True
    )
    organisation_signatories = models.CharField(
        _("the organisation is represented by"),
        max_length=255,
        blank=True,
        help_text=_("The persons authorised by the register to sign for the organisation."),
    )
    bank_account = models.CharField(
        _("bank account for the grant"),
        max_length=40,
        blank=True,
        help_text=_("26 digits (NRB); spaces allowed."),
    )
    partial_period_end = models.DateField(
        _("partial report covers the task until"),
        null=True,
        blank=True,
        help_text=_(
            "Empty: no partial report. A report is due within 30 days of the end of the "
            "period it covers."
        ),
    )
    result_threshold_pct = models.DecimalField(
        _("a result counts as achieved from (percent of its target value)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("80"),
        validators=PERCENT,
        help_text=_("Results below it need an explanation in the report."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("grant agreement")
        verbose_name_plural = _("grant agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "sequence"], name="unique_agreement_sequence"
            )
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return reverse("grants:agreement", kwargs={"pk": self.pk})


class AgreementPayment(models.Model):
    """One instalment of the grant (the agreement's payment schedule)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="payments")
    position = models.PositiveSmallIntegerField()
    due_on = models.DateField(_("paid by"))
    amount = models.DecimalField(_("amount"), **MONEY)

    class Meta:
        ordering = ["agreement", "position"]

    def __str__(self):
        return f"{self.due_on}: {self.amount}"


class EstimateStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("estimate", "being prepared")
    SUBMITTED = "submitted", pgettext_lazy("estimate", "submitted, waiting for acceptance")
    RETURNED = "returned", pgettext_lazy("estimate", "returned for changes")
    ACCEPTED = "accepted", pgettext_lazy("estimate", "accepted")


class UpdatedEstimate(models.Model):
    """A version of the updated cost estimate and schedule. `data` holds the task's
    dates, the own contribution and fees, and the tables of the offer (actions, results,
    cost lines, joint split) in the offer's row format; `revision` counts saves."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="estimates")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=10, choices=EstimateStatus.choices, default=EstimateStatus.DRAFT
    )
    data = models.JSONField(encoder=DjangoJSONEncoder, default=dict)
    revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(_("comments of the office"), blank=True)

    class Meta:
        ordering = ["agreement", "number"]
        verbose_name = _("updated cost estimate")
        verbose_name_plural = _("updated cost estimates")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="unique_estimate_version")
        ]

    def __str__(self):
        return f"{self.agreement_id} v{self.number}"
