from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.private_files import private_storage


class ProfileChange(models.Model):
    """Changes a representative made to the public profile, waiting for an official.

    `changes` holds only the fields that differ from the profile when submitted:
    {field: new value}; municipalities as a list of primary keys. A new logo waits in
    private storage and is copied to the public one on approval.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="profile_changes"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(_("changes"), default=dict)
    logo = models.ImageField(
        _("new logo"), storage=private_storage, upload_to="organisations/logos/", blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profile change")
        verbose_name_plural = _("profile changes")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="pending"),
                name="one_pending_profile_change",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_status_display()})"
