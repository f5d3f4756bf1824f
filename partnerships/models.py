from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

from .querysets import PostQuerySet


class Direction(models.TextChoices):
    NEED = "need", _("Need")
    OFFER = "offer", _("Offer")


class PostKind(models.TextChoices):
    PARTNER = "partner", _("Partner for a project")
    PREMISES = "premises", _("Premises")
    VOLUNTEERS = "volunteers", _("Volunteers")
    EQUIPMENT = "equipment", _("Equipment")
    KNOW_HOW = "know_how", _("Know-how")


class PosterKind(models.TextChoices):
    ORGANISATION = "organisation", _("Non-governmental organisation")
    OFFICE = "office", _("City department")
    BUSINESS = "business", _("Business")


class Post(models.Model):
    """A need or an offer on the partnership board, in one municipality."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        FULFILLED = "fulfilled", _("Fulfilled")
        HIDDEN = "hidden", _("Hidden by moderation")

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.CASCADE,
        related_name="partnership_posts",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="partnership_posts",
    )
    poster_kind = models.CharField(_("posted by"), max_length=15, choices=PosterKind.choices)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="partnership_posts",
    )
    poster_name = models.CharField(
        _("department or company"),
        max_length=200,
        blank=True,
        help_text=_("The city department or the company's name."),
    )
    direction = models.CharField(_("need or offer"), max_length=5, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=15, choices=PostKind.choices)
    area = models.CharField(
        _("public benefit area"), max_length=30, choices=PublicBenefitArea.choices
    )
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(_("description"), max_length=4000)
    contact = models.CharField(
        _("contact details"),
        max_length=200,
        blank=True,
        help_text=_("Phone or e-mail; shown only to logged-in users."),
    )
    expires_on = models.DateField(_("valid until"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership post")
        verbose_name_plural = _("partnership posts")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "expires_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnerships:detail", kwargs={"pk": self.pk})

    @property
    def poster_label(self) -> str:
        """Who posted, as the public sees it: the organisation, department or company."""
        if self.poster_kind == PosterKind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        return self.poster_name

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN and not self.is_expired


class Answer(models.Model):
    """A message to the poster, sent through the portal."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_answers"
    )
    message = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.post} – {self.author}"


class AbuseReport(models.Model):
    """A report that a post breaks the rules; officials of its municipality decide."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Waiting")
        HIDDEN = "hidden", _("Post hidden")
        KEPT = "kept", _("Post kept")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_reports"
    )
    reason = models.TextField(_("what is wrong"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abuse report")
        verbose_name_plural = _("abuse reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="partnerships_one_report_per_user"
            )
        ]

    def __str__(self):
        return f"{self.post} ({self.get_decision_display()})"
