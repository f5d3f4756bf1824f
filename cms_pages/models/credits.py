"""Crediting an organisation as the author of a page it proposed (news, events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def author_organisation_field():
    """The organisation shown publicly as the page's author ("Autor: …"). Set when an
    organisation's proposal becomes the page (organisations.proposals); editors may
    change or clear it."""
    return models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("author (organisation)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that proposed this text; shown as its author."),
    )
