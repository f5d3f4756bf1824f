from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .bodies import Body


class Meeting(models.Model):
    """A meeting (posiedzenie) of a body: when, where and what is on the agenda."""

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("start"), help_text=_("Polish time (Europe/Warsaw)."))
    ends_at = models.DateTimeField(_("end"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255)
    agenda = models.TextField(_("agenda"), help_text=_("One item per line."))
    members_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "pk"]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d.%m.%Y %H:%M")
        return f"{self.body} – {when}"

    def get_absolute_url(self):
        return reverse("cooperation:meeting", kwargs={"pk": self.pk})

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]

    @property
    def minutes_or_none(self):
        try:
            return self.minutes
        except Minutes.DoesNotExist:
            return None

    @property
    def minutes_status(self) -> str:
        minutes = self.minutes_or_none
        return minutes.get_status_display() if minutes else "—"

    minutes_status.fget.short_description = _("minutes")

    @property
    def minutes_are_public(self) -> bool:
        minutes = self.minutes_or_none
        return minutes is not None and minutes.status == Minutes.Status.PUBLISHED


class Minutes(models.Model):
    """The minutes (protokół) of a meeting: drafted by the secretary or an official,
    approved, then published. Only published minutes are public."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="minutes"
    )
    text = models.TextField(_("text of the minutes"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted_at = models.DateTimeField(null=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True)
    published_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})
