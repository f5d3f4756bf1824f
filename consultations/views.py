"""The public consultation pages: the index and one consultation with its act and comments.

Wagtail serves both (ConsultationIndexPage / ConsultationPage.get_context call the
context builders here); `viewable_consultation` is the one access check of every side
route (comment form and pages, changes, report, exports, open data).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import permissions, subjects
from .comments.reactions import reaction_counts
from .drafts.services import consulted_version
from .models import Clause, ClauseLevel, ConsultationComment, ConsultationPage, Phase

# Clause levels shown as headings; the others are running text under them.
HEADING_LEVELS = {
    ClauseLevel.ZALACZNIK,
    ClauseLevel.ROZDZIAL,
    ClauseLevel.ARTYKUL,
    ClauseLevel.PARAGRAF,
}
ACT_CACHE_SECONDS = 60 * 60


def viewable_consultation(request, page_id) -> ConsultationPage:
    """The consultation if this request may see it (permissions.can_view_consultation):
    unpublished pages and pages behind a view restriction not passed answer 404."""
    consultation = get_object_or_404(
        ConsultationPage.objects.with_view_restriction_flag(), pk=page_id
    )
    if not permissions.can_view_consultation(request, consultation):
        raise Http404
    return consultation


def comments_for_listing(consultation, *, with_responses=False):
    """Every listed comment of the consultation in thread order (public ones, and hidden
    ones shown as hidden): one query. Responses are joined once the report is out."""
    related = ["user", "organisation", *(["response"] if with_responses else [])]
    return list(
        ConsultationComment.objects.listed()
        .filter(consultation=consultation)
        .select_related(None)  # xtd's manager joins content types we do not show
        .select_related(*related)
        .order_by("thread_id", "order")
    )


def _heading_levels(clauses) -> None:
    """Set clause.heading: the HTML heading level of a heading clause, else None."""
    heading_depth: dict[int, int] = {}
    for clause in clauses:
        parent_heading = heading_depth.get(clause.parent_id, 2) if clause.parent_id else 2
        if clause.level in HEADING_LEVELS:
            clause.heading = min(parent_heading + 1, 6)
            heading_depth[clause.pk] = clause.heading
        else:
            clause.heading = None
            heading_depth[clause.pk] = parent_heading


def build_act(version, consultation, phase):
    """Clauses with their public comment counts, comments with their reactions, and the
    consultation's counts: four queries, comments grouped by clause in Python."""
    clauses = list(
        Clause.objects.filter(version=version).with_comment_counts().order_by("position")
    )
    comments = comments_for_listing(consultation, with_responses=phase == Phase.REPORTED)
    reactions = reaction_counts(consultation)
    by_clause: dict[int | None, list] = {}
    by_id = {c.pk: c for c in comments}
    for c in comments:
        counts = reactions.get(c.pk, {})
        c.likes, c.dislikes = counts.get("likes", 0), counts.get("dislikes", 0)
        c.parent_comment = by_id.get(c.parent_id) if c.parent_id != c.pk else None
        by_clause.setdefault(c.clause_id, []).append(c)
    for clause in clauses:
        clause.comment_list = by_clause.get(clause.pk, [])
    _heading_levels(clauses)
    counts = (
        ConsultationComment.objects.public()
        .filter(consultation=consultation)
        .aggregate(total=Count("pk"), general=Count("pk", filter=Q(clause__isnull=True)))
    )
    return {
        "clauses": clauses,
        "general_comments": by_clause.get(None, []),
        "general_count": counts["general"],
        "comment_count": counts["total"],
        "max_thread_level": settings.COMMENTS_XTD_MAX_THREAD_LEVEL,
        "is_open": phase == Phase.OPEN,
        "is_reported": phase == Phase.REPORTED,
    }


def render_act(page, version, phase, labels=None) -> str:
    """The act with its comments as HTML, cached until something under it changes.

    The fragment is the same for every visitor (no per-user links or tokens), so it is
    shared; the key changes with the version, the comments stamp (caching.touch), the
    phase and the language. `labels`: the page's wording (subjects.describe), fixed
    for a page.
    """
    stamp = page.comments_changed_at.timestamp() if page.comments_changed_at else 0
    key = f"consultations:act:{version.pk}:{stamp}:{phase}:{translation.get_language()}"
    html = caches["pages"].get(key)
    if html is None:
        comment_url = reverse("consultations:comment_form", args=[page.pk])
        context = build_act(version, page, phase)
        context.update({"page": page, "version": version, "comment_url": comment_url})
        context["labels"] = labels or subjects.ACT_LABELS
        html = render_to_string("consultations/includes/act.html", context)
        caches["pages"].set(key, html, ACT_CACHE_SECONDS)
    return html


def page_context(page, request, context):
    now = timezone.now()
    phase = page.phase_at(now)
    version = consulted_version(page)
    subject = subjects.describe(page)
    context.update(
        {
            "phase": phase,
            "Phase": Phase,
            "now": now,
            "version": version,
            "subject": subject,
            "days_left": page.days_left_at(now),
            "act_html": render_act(page, version, phase, subject["labels"]) if version else "",
            "draft_download": _draft_download(page, version),
            "comment_url": reverse("consultations:comment_form", args=[page.pk]),
        }
    )
    return context


def _draft_download(page, version):
    if page.draft_document_id:
        doc = page.draft_document
        return {"url": doc.url, "name": doc.filename}
    if version is not None and version.source_file:
        url = reverse("consultations:draft_file", args=[page.pk, version.pk])
        return {"url": url, "name": version.source_file.name.rsplit("/", 1)[-1]}
    return None


def index_context(index, request, context):
    now = timezone.now()
    base = ConsultationPage.objects.live().child_of(index).with_comment_counts()
    context.update(
        {
            "now": now,
            "open_consultations": list(base.open(now).order_by("end_at")),
            "planned_consultations": list(base.planned(now).order_by("start_at")),
            "closed_consultations": list(base.closed(now).order_by("-end_at")),
        }
    )
    return context
