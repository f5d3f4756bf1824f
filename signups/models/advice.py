from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel


class CentreAdvisor(models.Model):
    """A member of staff who gives advice at a support centre and sees its calendar."""

    centre = models.ForeignKey(
        "cms_pages.SupportCentrePage",
        verbose_name=_("support centre"),
        on_delete=models.CASCADE,
        related_name="advisors",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        on_delete=models.CASCADE,
        related_name="advised_centres",
        limit_choices_to={"is_active": True, "is_deleted": False},
    )

    panels = [
        PageChooserPanel("centre", page_type="cms_pages.SupportCentrePage"),
        FieldPanel("user"),
    ]

    class Meta:
        verbose_name = _("advisor of a support centre")
        verbose_name_plural = _("advisors of support centres")
        constraints = [
            models.UniqueConstraint(fields=["centre", "user"], name="signups_one_advisor_entry")
        ]

    def __str__(self):
        return f"{self.user} – {self.centre}"


class AdviceBooking(models.Model):
    """A request for advice at a support centre, in one slot of its duty hours."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        CONFIRMED = "confirmed", _("Confirmed")
        CANCELLED = "cancelled", _("Cancelled")

    centre = models.ForeignKey(
        "cms_pages.SupportCentrePage",
        verbose_name=_("support centre"),
        on_delete=models.CASCADE,
        related_name="advice_bookings",
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="advice_bookings"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.CharField(_("topic"), max_length=200)
    details = models.TextField(_("details"), max_length=2000, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("advice booking")
        verbose_name_plural = _("advice bookings")
        ordering = ["starts_at", "pk"]
        constraints = [
            # A slot is taken once: two requests racing for it cannot both be saved.
            models.UniqueConstraint(
                fields=["centre", "starts_at"],
                condition=~models.Q(status="cancelled"),
                name="signups_one_booking_per_slot",
            )
        ]

    def __str__(self):
        return f"{self.topic} ({self.centre}, {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"
