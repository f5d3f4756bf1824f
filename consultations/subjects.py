"""Consultations of a document that is not a draft act.

A consultation page usually consults a draft act parsed into editorial units. Another
app may put a ready-made document up for comments on the same kind of page (the grants
app: a small grant offer, art. 19a) and so reuse commenting, moderation, flags, rate
limits, responses and the report as they are:

- `open_document_consultation()` creates and publishes the page in a consultations
  index, with the document's parts as its consulted version (one clause per part);
- a describer, registered in the app's AppConfig.ready(), recognises the app's pages
  and gives their wording (`labels`, the keys of ACT_LABELS: "Comment on the offer as
  a whole" where an act says "act") and a notice above the text (`template`, an
  include rendered with `subject` and `page`).

A describer is `describer(page) -> dict | None` and reads at most one query.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug

from . import permissions
from .models import Clause, ClauseLevel, ConsultationPage, DraftActVersion

ACT_LABELS = {
    "text_title": _("Text of the draft"),
    "comment_whole": _("Comment on the act as a whole"),
    "comments_whole": _("Comments on the act as a whole"),
    "show_comments_whole": _("Show the comments on the act as a whole"),
    "comment_part": _("Comment on this clause"),
    "back_to_part": _("Back to this clause in the act"),
}

_describers = []


def register_describer(describer):
    if describer not in _describers:
        _describers.append(describer)
    return describer


def describe(page) -> dict:
    """What the page consults: {"labels": {...}, "template": ... or None, ...}."""
    for describer in _describers:
        subject = describer(page)
        if subject:
            return {"template": None, **subject, "labels": {**ACT_LABELS, **subject["labels"]}}
    return {"template": None, "labels": ACT_LABELS}


@dataclass(frozen=True)
class Part:
    """One part of the consulted document: a heading (`label`), how comments cite it,
    its anchor on the page and its text."""

    label: str
    citation: str
    anchor: str
    text: str


@dataclass(frozen=True)
class Document:
    title: str  # of the page
    subject: str
    lead: str
    heading: str  # the document's own title, above its parts
    parts: list[Part]
    organiser: str = ""
    contact: str = ""
    form: str = ""
    slug: str = ""  # default: from the title


@transaction.atomic
def open_document_consultation(*, index, document: Document, start_at, end_at, by):
    """Publish a consultation page under `index` open from `start_at` to `end_at`,
    whose consulted version is `document` (published at once, one clause per part).

    Refused (PermissionDenied) unless `by` manages consultations where `index` is.
    Publishing is Wagtail's, so search, alerts and caches follow as for any page.
    """
    if not permissions.can_manage_consultation(by, index):
        raise PermissionDenied
    page = ConsultationPage(
        title=document.title[:255],
        slug=find_available_slug(index, document.slug or _slug(document.title)),
        subject=document.subject,
        lead=document.lead,
        start_at=start_at,
        end_at=end_at,
        form=document.form,
        organiser=document.organiser[:255],
        contact=document.contact[:255],
        live=False,
    )
    index.add_child(instance=page)
    now = timezone.now()
    version = DraftActVersion.objects.create(
        consultation=page,
        number=1,
        title=document.heading,
        source_text="\n\n".join(f"{part.label}\n{part.text}" for part in document.parts),
        is_published=True,
        published_at=now,
        created_by=by,
    )
    Clause.objects.bulk_create(
        Clause(
            version=version,
            position=position,
            depth=0,
            level=ClauseLevel.ROZDZIAL,
            label=part.label[:60],
            citation=part.citation[:255],
            anchor=part.anchor,
            text=part.text,
        )
        for position, part in enumerate(document.parts, start=1)
    )
    page.save_revision(user=by, log_action=True).publish(user=by)
    page.refresh_from_db()
    return page


def _slug(title: str) -> str:
    from django.utils.text import slugify

    return (slugify(title) or "konsultacja")[:60].strip("-") or "konsultacja"
