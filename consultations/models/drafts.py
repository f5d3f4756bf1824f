"""The consulted act: its versions and their clauses (editorial units)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.private_files import private_storage

from ..querysets import ClauseQuerySet, DraftActVersionQuerySet
from .pages import ConsultationPage


def draft_upload_path(instance, filename) -> str:
    """Private, under an unguessable directory (the name alone finds nothing)."""
    return f"consultations/drafts/{secrets.token_urlsafe(16)}/{filename}"


class DraftActVersion(models.Model):
    """A version of the consulted act; version 1 is the draft, later ones the outcome."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    title = models.TextField(_("title of the act"), blank=True)
    preamble = models.TextField(_("preamble"), blank=True)
    source_text = models.TextField(_("text as supplied"), blank=True)
    source_file = models.FileField(
        _("uploaded file"), upload_to=draft_upload_path, storage=private_storage, blank=True
    )
    change_note = models.TextField(_("what changed and why"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DraftActVersionQuerySet.as_manager()

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("draft act version")
        verbose_name_plural = _("draft act versions")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"{self.consultation.title} – v{self.number}"

    def get_absolute_url(self):
        # Also where django-comments' "view on site" redirect sends comments on the act.
        return self.consultation.url


class ClauseLevel(models.TextChoices):
    ZALACZNIK = "zalacznik", _("annex")
    ROZDZIAL = "rozdzial", _("chapter")
    ARTYKUL = "artykul", _("article")
    PARAGRAF = "paragraf", _("paragraph (§)")
    USTEP = "ustep", _("section (ust.)")
    PUNKT = "punkt", _("point (pkt)")
    LITERA = "litera", _("letter (lit.)")
    TIRET = "tiret", _("indent (tiret)")


class Clause(models.Model):
    """One editorial unit of a version of the act, in document order."""

    version = models.ForeignKey(DraftActVersion, on_delete=models.CASCADE, related_name="clauses")
    position = models.PositiveIntegerField(_("position"))
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(_("level"), max_length=10, choices=ClauseLevel.choices)
    label = models.CharField(_("label"), max_length=60)
    citation = models.CharField(_("citation"), max_length=255)
    anchor = models.SlugField(_("anchor"), max_length=200)
    text = models.TextField(_("wording"), blank=True)

    objects = ClauseQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="unique_clause_position"),
            models.UniqueConstraint(fields=["version", "anchor"], name="unique_clause_anchor"),
        ]

    def __str__(self):
        return self.citation

    def get_absolute_url(self):
        return f"{self.version.consultation.url}#{self.anchor}"
