"""Small grants (art. 19a) published for public comments, and the formal corrections
an official may ask of an offeror after the formal check of a call.

A small grant offer, once submitted, is published by an official for seven days: the
publication opens a consultation page (consultations app) whose text is the offer's
public content, so commenting, moderation, flags and the report are the consultations'
own. The offer and the page are linked through `SmallGrantPublication`.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The law's days are Polish days, whatever the server's or the request's time zone.
WARSAW = ZoneInfo("Europe/Warsaw")


class SmallGrantPublication(models.Model):
    offer = models.OneToOneField(
        "grants.Offer", on_delete=models.CASCADE, related_name="publication"
    )
    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        null=True,
        blank=True,
        # A page deleted in the editor leaves the dates of the comment week behind.
        on_delete=models.SET_NULL,
        related_name="small_grant",
    )
    published_at = models.DateTimeField(_("published for comments at"))
    closes_at = models.DateTimeField(_("comments close at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("small grant offer published for comments")
        verbose_name_plural = _("small grant offers published for comments")

    def __str__(self):
        return f"{self.offer_id}: {self.published_at:%Y-%m-%d}"

    def comments_end(self) -> datetime.datetime:
        """When the comments end: seven days after publishing, or later if the
        consultation page was given a later deadline."""
        page = self.consultation
        if page is not None and page.end_at > self.closes_at:
            return page.end_at
        return self.closes_at

    def comment_week_over(self, now=None) -> bool:
        return (now or timezone.now()) >= self.comments_end()


class FormalCorrection(models.Model):
    """The official's call to correct listed parts of an offer by a date (one per
    offer): the offeror may change those parts only, then submits again and the formal
    check is repeated; without a new submission by the date the offer is rejected."""

    offer = models.OneToOneField(
        "grants.Offer", on_delete=models.CASCADE, related_name="formal_correction"
    )
    items = models.JSONField(_("parts to correct"), default=list)
    note = models.TextField(_("what to correct"))
    due_date = models.DateField(_("corrections by (inclusive)"))
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    resubmitted_at = models.DateTimeField(null=True, blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("call for formal corrections")
        verbose_name_plural = _("calls for formal corrections")

    def __str__(self):
        return f"{self.offer_id} → {self.due_date}"

    @property
    def closes_at(self) -> datetime.datetime:
        """The end of the due date in Polish time."""
        next_day = self.due_date + datetime.timedelta(days=1)
        return datetime.datetime.combine(next_day, datetime.time(), WARSAW)

    @property
    def is_open(self) -> bool:
        return self.resubmitted_at is None and self.expired_at is None

    def is_overdue(self, now=None) -> bool:
        return self.is_open and (now or timezone.now()) >= self.closes_at
