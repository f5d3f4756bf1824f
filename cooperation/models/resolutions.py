from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .bodies import Body
from .meetings import Meeting


class BodyResolution(models.Model):
    """A resolution or opinion (uchwała, opinia) of a body, most often the council's, with
    the municipality's acts and the consultations it concerns."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Resolution")
        OPINION = "opinion", _("Opinion")

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="resolutions"
    )
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.OPINION)
    number = models.CharField(_("number"), max_length=50, help_text=_("E.g. 3/2026."))
    adopted_on = models.DateField(_("date of adoption"))
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"))
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at the meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
    )
    acts = models.ManyToManyField(
        "cms_pages.ResolutionPage",
        verbose_name=_("acts concerned"),
        blank=True,
        related_name="body_resolutions",
    )
    consultations = models.ManyToManyField(
        "consultations.ConsultationPage",
        verbose_name=_("consultations concerned"),
        blank=True,
        related_name="body_resolutions",
    )

    class Meta:
        verbose_name = _("resolution or opinion")
        verbose_name_plural = _("resolutions and opinions")
        ordering = ["-adopted_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "kind", "number"], name="cooperation_resolution_unique_number"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number} – {self.title}"

    def get_absolute_url(self):
        return reverse("cooperation:resolution", kwargs={"pk": self.pk})
