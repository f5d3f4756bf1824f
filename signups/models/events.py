from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel

from ..querysets import RegistrationQuerySet


class RegistrationSettings(models.Model):
    """On-portal sign-up for one event page (kept here so cms_pages stays unchanged)."""

    event = models.OneToOneField(
        "cms_pages.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    enabled = models.BooleanField(_("sign-up open"), default=True)
    places = models.PositiveIntegerField(_("places"), default=20)
    deadline = models.DateTimeField(
        _("sign-up deadline"),
        null=True,
        blank=True,
        help_text=_("Polish time (Europe/Warsaw). Empty: until the event starts."),
    )
    allow_anonymous = models.BooleanField(
        _("people without an account may sign up"),
        default=False,
        help_text=_("With their name and an e-mail address they confirm by a link."),
    )
    organiser = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organised by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its representatives see the list of participants."),
    )

    panels = [
        PageChooserPanel("event", page_type="cms_pages.EventPage"),
        FieldPanel("enabled"),
        FieldRowPanel([FieldPanel("places"), FieldPanel("deadline")]),
        FieldPanel("allow_anonymous"),
        FieldPanel("organiser"),
    ]

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")

    def __str__(self):
        return str(self.event)

    def closes_at(self):
        return self.deadline or self.event.start

    @property
    def is_open(self) -> bool:
        return self.enabled and timezone.now() < self.closes_at()


class Registration(models.Model):
    """One person's place (or place in the queue) at an event."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("E-mail not confirmed yet")
        CONFIRMED = "confirmed", _("Place confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        "cms_pages.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    name = models.CharField(_("first and last name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(default=timezone.now)
    # When the person joined the places or the queue (e-mail confirmed): the queue's order.
    queued_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled"),
                name="signups_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} – {self.event}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    def get_cancel_url(self):
        from ..tokens import make_token

        return reverse("signups:cancel", kwargs={"token": make_token("cancel", self.pk)})

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
