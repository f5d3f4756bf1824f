"""An offer to carry out a public task, on the template of Dz.U. 2018 poz. 2057
(the simplified one of poz. 2055 for small grants, art. 19a).

The offer's own fields hold sections I-IV, V.B, VI and VII; its tables (schedule of
actions, results, cost lines, joint offerors' split) are child rows, replaced whole on
every save. `version` counts saves: a save that names an older version is refused.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MONEY = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")


class OfferKind(models.TextChoices):
    STANDARD = "standard", _("offer in an open call")
    SMALL = "small", _("small grant (art. 19a)")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    CORRECTION = "correction", _("being corrected")
    WITHDRAWN = "withdrawn", _("withdrawn")
    FORMALLY_REJECTED = "formal_no", _("rejected on formal grounds")
    ACCEPTED = "accepted", _("formally correct, being evaluated")
    GRANTED = "granted", _("grant awarded")
    REFUSED = "refused", _("grant refused")


EDITABLE_STATUSES = (OfferStatus.DRAFT, OfferStatus.CORRECTION)


class Offer(models.Model):
    kind = models.CharField(max_length=10, choices=OfferKind.choices, default=OfferKind.STANDARD)
    call = models.ForeignKey(
        "cms_pages.CallForProposalsPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality", on_delete=models.PROTECT, related_name="offers"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="offers"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=OfferStatus.choices, default=OfferStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Evaluation: the officials' formal check and decision
    formal_note = models.TextField(_("formal check: remarks"), blank=True)
    granted_amount = models.DecimalField(
        _("grant awarded"), null=True, blank=True, max_digits=12, decimal_places=2
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    applicant_notified_at = models.DateTimeField(null=True, blank=True)

    # I. Basic information
    task_area = models.CharField(_("type of public task"), max_length=20, blank=True)
    # II. Offeror(s)
    offeror_name = models.CharField(_("name of the offeror"), max_length=255, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=100, blank=True)
    register_number = models.CharField(
        _("number in the KRS or another register"), max_length=50, blank=True
    )
    address = models.CharField(_("seat and address"), max_length=255, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_person = models.CharField(
        _("person authorised to give explanations (name, e-mail, phone)"),
        max_length=255,
        blank=True,
    )
    is_joint = models.BooleanField(_("joint offer of several offerors"), default=False)
    co_offerors = models.TextField(
        _("other offerors (name, register number, address, each on its own line)"), blank=True
    )
    # III. The task
    title = models.CharField(_("title of the public task"), max_length=255, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description = models.TextField(
        _("synthetic description of the task"),
        blank=True,
        help_text=_(
            "Where it takes place, for whom, which needs it meets and how it complements "
            "other actions."
        ),
    )
    expected_results = models.TextField(
        _("expected results"),
        blank=True,
        help_text=_("Products or services, the change it brings, how lasting the results are."),
    )
    # IV. The offeror's capacity
    experience = models.TextField(_("previous activity of the offeror"), blank=True)
    resources = models.TextField(
        _("human, material and financial resources of the offeror"), blank=True
    )
    # V.B Sources of funding (V.A is the cost lines)
    grant_requested = models.DecimalField(_("requested grant"), default=ZERO, **MONEY)
    own_financial = models.DecimalField(_("own financial contribution"), default=ZERO, **MONEY)
    own_non_financial = models.DecimalField(
        _("own non-financial contribution (personal and in-kind)"), default=ZERO, **MONEY
    )
    recipient_fees = models.DecimalField(
        _("fees from the task's recipients"), default=ZERO, **MONEY
    )
    # VI. Other information
    paid_activity = models.TextField(
        _("fees charged from recipients: what and how much"), blank=True
    )
    joint_roles = models.TextField(_("roles of the joint offerors"), blank=True)
    other_information = models.TextField(_("other information"), blank=True)
    # VII. Declarations
    declared_statutory = models.BooleanField(
        _("the task lies within the offeror's statutory activity"), default=False
    )
    declared_no_arrears = models.BooleanField(
        _("the offeror has no tax or social insurance arrears"), default=False
    )
    declared_register = models.BooleanField(
        _("the data agree with the register or records"), default=False
    )
    declared_truth = models.BooleanField(
        _("all information in the offer and its attachments is true"), default=False
    )
    declared_personal_data = models.BooleanField(
        _("the persons whose data are in the offer agreed to their processing"), default=False
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self):
        return self.title or str(_("Offer no. %(pk)s") % {"pk": self.pk})

    def get_absolute_url(self):
        return reverse("grants:offer", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def own_contribution(self) -> Decimal:
        return self.own_financial + self.own_non_financial

    @property
    def sources_total(self) -> Decimal:
        return self.grant_requested + self.own_contribution + self.recipient_fees


class OfferAction(models.Model):
    """III.4 schedule of actions; cost lines name their action by its number."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveSmallIntegerField(_("no."))
    name = models.CharField(_("action"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    target_group = models.CharField(_("target group"), max_length=255, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("until"), null=True, blank=True)
    contractor = models.CharField(_("part carried out by a non-party"), max_length=255, blank=True)

    class Meta:
        ordering = ["offer", "number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class OfferResult(models.Model):
    """III.6 results with target values and how they are monitored."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="results")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("result"), max_length=255, blank=True)
    target_value = models.CharField(_("target value"), max_length=100, blank=True)
    monitoring = models.CharField(_("how it is monitored (source)"), max_length=255, blank=True)

    class Meta:
        ordering = ["offer", "position"]

    def __str__(self):
        return f"{self.position}. {self.name}"


class CostLine(models.Model):
    """V.A one cost line: of an action (section I) or administrative (section II)."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="cost_lines")
    position = models.PositiveSmallIntegerField()
    action_number = models.PositiveSmallIntegerField(
        _("action no."), null=True, blank=True, help_text=_("Empty: an administrative cost.")
    )
    name = models.CharField(_("type of cost"), max_length=255, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    unit_cost = models.DecimalField(_("unit cost"), null=True, blank=True, **MONEY)
    units = models.DecimalField(
        _("number of units"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    value = models.DecimalField(_("value"), null=True, blank=True, **MONEY)
    year_1 = models.DecimalField(_("year 1"), null=True, blank=True, **MONEY)
    year_2 = models.DecimalField(_("year 2"), null=True, blank=True, **MONEY)
    year_3 = models.DecimalField(_("year 3"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["offer", "position"]

    def __str__(self):
        return f"{self.position}. {self.name}"

    @property
    def is_administrative(self) -> bool:
        return self.action_number is None


class JointShare(models.Model):
    """V.C the split of the total costs between joint offerors."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="joint_shares")
    position = models.PositiveSmallIntegerField()
    offeror = models.CharField(_("offeror"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount"), null=True, blank=True, **MONEY)

    class Meta:
        ordering = ["offer", "position"]

    def __str__(self):
        return f"{self.offeror}: {self.amount}"


class OfferVersion(models.Model):
    """A submitted version of an offer, frozen: what the offeror sent, as sent."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField()

    class Meta:
        ordering = ["offer", "number"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "number"], name="unique_offer_version")
        ]

    def __str__(self):
        return f"{self.offer_id} v{self.number}"
