"""Public consultation pages, the comment page and the small POST actions on comments."""

from __future__ import annotations

import logging
import re
import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_comments.models import CommentFlag
from django_comments_xtd.models import DISLIKEDIT_FLAG, LIKEDIT_FLAG

from portal.net import client_ip

from . import permissions, services
from .models import (
    Clause,
    ClauseLevel,
    ConsultationComment,
    ConsultationPage,
    DraftActVersion,
    Phase,
)

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)
# Clause levels shown as headings; the others are running text under them.
HEADING_LEVELS = {
    ClauseLevel.ZALACZNIK,
    ClauseLevel.ROZDZIAL,
    ClauseLevel.ARTYKUL,
    ClauseLevel.PARAGRAF,
}
ACT_CACHE_SECONDS = 60 * 60


logger = logging.getLogger(__name__)

# --- Reads shared by the page and the listings ------------------------------


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


def reaction_counts(consultation) -> dict[int, dict[str, int]]:
    """{comment id: {"likes": n, "dislikes": n}} in one query."""
    rows = (
        CommentFlag.objects.filter(
            comment__xtdcomment__consultationcomment__consultation=consultation,
            flag__in=[LIKEDIT_FLAG, DISLIKEDIT_FLAG],
        )
        .values_list("comment_id", "flag")
        .annotate(n=Count("id"))
    )
    out: dict[int, dict[str, int]] = {}
    for comment_id, flag, n in rows:
        key = "likes" if flag == LIKEDIT_FLAG else "dislikes"
        out.setdefault(comment_id, {"likes": 0, "dislikes": 0})[key] = n
    return out


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


def render_act(page, version, phase) -> str:
    """The act with its comments as HTML, cached until something under it changes.

    The fragment is the same for every visitor (no per-user links or tokens), so it is
    shared; the key changes with the version, the comments stamp (services.touch), the
    phase and the language.
    """
    stamp = page.comments_changed_at.timestamp() if page.comments_changed_at else 0
    key = f"consultations:act:{version.pk}:{stamp}:{phase}:{translation.get_language()}"
    html = caches["pages"].get(key)
    if html is None:
        comment_url = reverse("consultations:comment_form", args=[page.pk])
        context = build_act(version, page, phase)
        context.update({"page": page, "version": version, "comment_url": comment_url})
        html = render_to_string("consultations/includes/act.html", context)
        caches["pages"].set(key, html, ACT_CACHE_SECONDS)
    return html


def page_context(page, request, context):
    now = timezone.now()
    phase = page.phase_at(now)
    version = services.consulted_version(page)
    context.update(
        {
            "phase": phase,
            "Phase": Phase,
            "now": now,
            "version": version,
            "days_left": max((page.end_at - now).days, 0) if phase == Phase.OPEN else None,
            "act_html": render_act(page, version, phase) if version else "",
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


# --- Commenting ------------------------------------------------------------


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


class CommentForm(forms.Form):
    # A random token made with the form and sent back with it: the service publishes
    # one comment per token and user, so a form sent twice (a retry after the answer
    # was lost, a double click, a reload) does not publish the comment twice.
    submission_key = forms.CharField(
        widget=forms.HiddenInput, required=False, initial=new_submission_key
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Plain text. Leave an empty line between paragraphs."),
        error_messages={"required": gettext_lazy("Write your comment.")},
    )
    proposed_wording = forms.CharField(
        label=gettext_lazy("Proposed wording"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    on_behalf = forms.ChoiceField(label=gettext_lazy("On behalf of"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        if self.organisations:
            self.fields["on_behalf"].choices = [
                ("", _("Myself")),
                *((pk, o.name) for pk, o in self.organisations.items()),
            ]
        else:
            del self.fields["on_behalf"]

    def clean_submission_key(self):
        # A missing or malformed token (an old page, a hand-made request) only means no
        # protection against sending twice; it is not the resident's mistake.
        key = self.cleaned_data.get("submission_key") or ""
        return key if SUBMISSION_KEY.fullmatch(key) else ""

    def cleaned_organisation(self):
        return self.organisations.get(self.cleaned_data.get("on_behalf") or "")

    def text(self):
        return services.CommentText(
            comment=self.cleaned_data["comment"],
            proposed_wording=self.cleaned_data.get("proposed_wording", ""),
            justification=self.cleaned_data.get("justification", ""),
        )


def refusal_message(code: str, consultation) -> str:
    tz_end = timezone.localtime(consultation.end_at).strftime("%d.%m.%Y %H:%M")
    tz_start = timezone.localtime(consultation.start_at).strftime("%d.%m.%Y %H:%M")
    return {
        services.CommentRefused.ANONYMOUS: _("Log in to comment."),
        services.CommentRefused.NOT_PUBLISHED: _(
            "This consultation is not published at the moment, so we cannot accept your "
            "comment. Your text is kept below."
        ),
        services.CommentRefused.UNVERIFIED: _(
            "Confirm your e-mail address before you comment. Your text is kept below."
        ),
        services.CommentRefused.NOT_PARTICIPANT: _(
            "Officials answer comments in the report; they do not comment here."
        ),
        services.CommentRefused.PLANNED: _(
            "Comments open on %(date)s. Your text is kept below; send it then."
        )
        % {"date": tz_start},
        services.CommentRefused.CLOSED: _(
            "This consultation closed on %(date)s, so we cannot accept your comment. "
            "Your text is kept below."
        )
        % {"date": tz_end},
        services.CommentRefused.RATE_LIMITED: _(
            "You have sent many comments in a short time. Wait a minute and send again; "
            "your text is kept below."
        ),
        services.CommentRefused.BAD_TARGET: _("This clause is not part of the consultation."),
        services.CommentRefused.TOO_DEEP: _(
            "Replies cannot be nested deeper; reply to the comment above instead."
        ),
    }[code]


def _consultation_for_comment(request, page_id):
    """(consultation with its consulted version's id, whether the request may view it), or 404.

    A page that was never published, or one behind a view restriction the request has not
    passed, does not exist for this visitor. One unpublished after people started typing
    refuses the comment and keeps the text (POST only), without the act's text.
    """
    consultation = get_object_or_404(
        ConsultationPage.objects.with_view_restriction_flag().annotate(
            consulted_version_pk=Subquery(
                DraftActVersion.objects.filter(consultation=OuterRef("pk"), is_published=True)
                .order_by("number")
                .values("pk")[:1]
            )
        ),
        pk=page_id,
    )
    can_view = permissions.can_view_consultation(request, consultation)
    keeps_text = (
        request.method == "POST" and not consultation.live and consultation.first_published_at
    )
    if not (can_view or keeps_text):
        raise Http404
    if consultation.consulted_version_pk is None:
        raise Http404
    return consultation, can_view


def _comment_target(params, consultation):
    """(clause, parent) named by ?clause= or ?reply_to=, each None when not named."""
    if params.get("reply_to"):
        parent = get_object_or_404(
            ConsultationComment.objects.listed().select_related("clause", "user", "organisation"),
            pk=_int(params["reply_to"]),
            consultation=consultation,
        )
        parent.consultation = consultation  # the same row: no second query in the service
        return parent.clause, parent
    if params.get("clause"):
        # Only a clause of the consulted version (the draft people comment on).
        clause = get_object_or_404(
            Clause.objects.select_related("version"),
            pk=_int(params["clause"]),
            version_id=consultation.consulted_version_pk,
        )
        return clause, None
    return None, None


@require_http_methods(["GET", "POST"])
def comment_form(request, page_id):
    """Comment on one clause (?clause=), on the act (no clause) or reply (?reply_to=)."""
    params = request.POST if request.method == "POST" else request.GET
    consultation, can_view = _consultation_for_comment(request, page_id)
    clause, parent = _comment_target(params, consultation)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    policy = permissions.CommentPolicy(request.user, consultation)
    form = CommentForm(
        request.POST if request.method == "POST" else None, organisations=policy.organisations
    )
    refusal = fault = None
    if request.method == "GET":
        refusal = policy.reply_refusal(parent) if parent else policy.comment_refusal()
    elif form.is_valid():
        try:
            comment = _post(request, form, policy, clause, parent)
        except services.CommentRefused as exc:
            refusal = exc.code
        except PermissionDenied:
            form.add_error("on_behalf", _("You do not represent this organisation."))
        except DatabaseError:
            # Nothing was stored (the service is atomic); the text goes back to its author.
            logger.exception("Comment on consultation %s could not be saved", consultation.pk)
            fault = _(
                "Your comment could not be saved because of a fault on our side. Nothing "
                "was lost: your text is below. Please send it again in a minute."
            )
        else:
            messages.success(request, _("Thank you, your comment has been published."))
            return redirect(f"{consultation.url}#komentarz-{comment.pk}")
    return render(
        request,
        "consultations/comment_form.html",
        {
            "page": consultation,
            "consultation": consultation,
            "clause": clause,
            "parent": parent,
            "form": form,
            "phase": consultation.phase_at(policy.now),
            "refusal": refusal,
            "refusal_message": refusal_message(refusal, consultation) if refusal else "",
            "login_url": f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}",
            "verify_url": reverse("account_email"),
            "can_post": refusal is None or refusal == services.CommentRefused.RATE_LIMITED,
            "can_view": can_view,
            "fault": fault,
        },
        status=503 if fault else 403 if refusal and request.method == "POST" else 200,
    )


def _post(request, form, policy, clause, parent):
    common = {
        "user": request.user,
        "text": form.text(),
        "organisation": form.cleaned_organisation(),
        "ip_address": client_ip(request),
        "policy": policy,
        "submission_key": form.cleaned_data.get("submission_key", ""),
    }
    if parent is not None:
        return services.reply(parent=parent, **common)
    return services.post_comment(consultation=policy.consultation, clause=clause, **common)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


# --- Flagging and reactions --------------------------------------------------


def _comment_or_404(request, comment_id):
    """The comment, if the request may see its consultation (else 404, like the page)."""
    comment = get_object_or_404(
        ConsultationComment.objects.select_related("clause"), pk=comment_id, is_removed=False
    )
    comment.consultation = (
        ConsultationPage.objects.with_view_restriction_flag()
        .filter(pk=comment.consultation_id)
        .get()
    )
    if not permissions.can_view_consultation(request, comment.consultation):
        raise Http404
    return comment


def comment_actions(request, comment_id):
    """One comment with its actions: agree, disagree, report to the moderator.

    Kept off the act page so that the page stays the same for every visitor (cacheable)
    and light (thousands of comments, no per-comment forms).
    """
    comment = _comment_or_404(request, comment_id)
    return render(
        request,
        "consultations/comment_action.html",
        {
            "comment": comment,
            "page": comment.consultation,
            "policy": permissions.CommentPolicy(request.user, comment.consultation),
            "login_url": f"{reverse(settings.LOGIN_URL)}?next={request.get_full_path()}",
        },
    )


@require_http_methods(["GET", "POST"])
def flag(request, comment_id):
    """POST: record a removal suggestion (one flag per user); GET: the actions page."""
    comment = _comment_or_404(request, comment_id)
    if request.method == "GET":
        return redirect("consultations:comment_actions", comment.pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("consultations:comment_actions", args=[comment.pk]))
    services.flag_comment(comment=comment, user=request.user)
    messages.success(request, _("Thank you. A moderator will look at this comment."))
    return redirect(f"{comment.consultation.url}#komentarz-{comment.pk}")


@require_http_methods(["GET", "POST"])
def react(request, comment_id, reaction):
    """POST: like / dislike (a second identical click withdraws it); GET: the actions page."""
    if reaction not in ("like", "dislike"):
        raise Http404
    comment = _comment_or_404(request, comment_id)
    if request.method == "GET":
        return redirect("consultations:comment_actions", comment.pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("consultations:comment_actions", args=[comment.pk]))
    services.react(comment=comment, user=request.user, like=reaction == "like")
    messages.success(request, _("Your reaction has been saved."))
    return redirect(f"{comment.consultation.url}#komentarz-{comment.pk}")
