"""Projects residents submit: their cost lines, images and supporters; the officials'
verification and the author's appeal; the result and implementation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.private_files import private_storage

from .editions import Edition, Pool


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("budget project", "Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting verification")
    ADMITTED = "admitted", _("Admitted to the vote")
    REJECTED = "rejected", _("Not admitted")


class Implementation(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ProjectQuerySet(models.QuerySet):
    def public(self):
        """Projects anyone may read: everything past the draft."""
        return self.exclude(status=Status.DRAFT)

    def admitted(self):
        return self.filter(status=Status.ADMITTED)

    def visible_to(self, user):
        if user.is_authenticated:
            return self.filter(~Q(status=Status.DRAFT) | Q(author=user))
        return self.public()


class Project(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="projects")
    pool = models.ForeignKey(
        Pool, on_delete=models.PROTECT, related_name="projects", verbose_name=_("pool")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="budget_projects",
    )
    title = models.CharField(_("title"), max_length=200)
    location = models.CharField(
        _("location"),
        max_length=300,
        help_text=_("Street, plot or place, as precisely as you can."),
    )
    description = models.TextField(_("description"), max_length=6000)
    justification = models.TextField(_("justification"), max_length=3000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Verification (published with the decision).
    formal_ok = models.BooleanField(_("formal requirements met"), null=True)
    legal_ok = models.BooleanField(_("legal (within the municipality's tasks)"), null=True)
    technical_ok = models.BooleanField(_("technically feasible"), null=True)
    reasoning = models.TextField(_("reasoning"), blank=True)
    verified_cost = models.DecimalField(
        _("verified cost (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Results (written when the results are published).
    votes = models.PositiveIntegerField(_("votes"), null=True, blank=True)
    selected = models.BooleanField(_("selected for implementation"), default=False)
    result_rank = models.PositiveIntegerField(null=True, blank=True)
    implementation = models.CharField(
        _("implementation"), max_length=12, choices=Implementation.choices, blank=True
    )
    implementation_note = models.TextField(_("implementation note"), blank=True)
    # When the author was e-mailed the decision (claimed before sending: never twice).
    verification_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    results_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["pool__position", "title", "pk"]
        indexes = [models.Index(fields=["edition", "status"])]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("budget:project", args=[self.pk])

    @property
    def estimated_cost(self):
        return sum((line.amount for line in self.cost_lines.all()), start=0)

    @property
    def cost(self):
        """The cost the vote and the results use: the verified one once set."""
        return self.verified_cost if self.verified_cost is not None else self.estimated_cost

    @property
    def appeal_deadline(self):
        if self.status != Status.REJECTED or not self.verified_at:
            return None
        return self.verified_at + timezone.timedelta(days=self.edition.appeal_days)

    def may_appeal(self, now=None) -> bool:
        deadline = self.appeal_deadline
        return (
            deadline is not None
            and (now or timezone.now()) <= deadline
            and not hasattr(self, "appeal")
        )


class CostLine(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="cost_lines")
    item = models.CharField(_("item"), max_length=200)
    amount = models.DecimalField(_("amount (PLN)"), max_digits=12, decimal_places=2)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.item


def image_path(instance, filename):
    return f"budget/{instance.project_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class ProjectImage(models.Model):
    class Kind(models.TextChoices):
        SUBMISSION = "submission", _("Submitted with the project")
        IMPLEMENTATION = "implementation", _("Implementation photo")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(upload_to=image_path, storage=private_storage)
    alt_text = models.CharField(_("text alternative"), max_length=250)
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.SUBMISSION)
    content_type = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.alt_text

    def get_url(self):
        return reverse("budget:image", args=[self.project_id, self.pk])


class Support(models.Model):
    """One resident's support signature: signed online through the project's link, or
    entered from a paper list by an official."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="budget_supports",
    )
    full_name = models.CharField(_("full name"), max_length=150)
    address = models.CharField(_("address"), max_length=250, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user"],
                condition=Q(user__isnull=False),
                name="budget_one_support_per_user",
            )
        ]

    def __str__(self):
        return self.full_name


class Appeal(models.Model):
    class Outcome(models.TextChoices):
        PENDING = "pending", _("Awaiting a decision")
        UPHELD = "upheld", _("Upheld: the project goes to the vote")
        DISMISSED = "dismissed", _("Dismissed")

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField(_("grounds of the appeal"), max_length=4000)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    outcome_reasoning = models.TextField(_("reasoning of the decision"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the author was e-mailed the decision (claimed before sending: never twice).
    decision_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    def __str__(self):
        return str(self.project)
