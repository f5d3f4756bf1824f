from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GrantEvent(models.Model):
    """One state change of a call, an offer or anything that follows them: who, when, what."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    call = models.ForeignKey(
        "cms_pages.CallForProposalsPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grant_events",
    )
    offer = models.ForeignKey(
        "grants.Offer", null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=40)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("grant event")
        verbose_name_plural = _("grant events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"
